import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/core/cells/types';
import { fitKMeans } from '../../../src/core/segment/kmeans';
import { createRandom } from '../../../src/core/random';
import { kMeansPlusPlus } from '../../../src/core/segment/kmeans-plus-plus';
import { lloyd } from '../../../src/core/segment/lloyd';
import type { Points } from '../../../src/core/segment/points';
import { blobs, pointsOf } from './blobs';

const CENTERS = [
  [0, 0, 0],
  [20, 0, 5],
  [0, 25, -10],
  [30, 30, 30],
];

/** Each true blob maps to exactly one label and each label to one blob. */
function expectSamePartition(labels: Int32Array, truth: Int32Array): void {
  const blobOfLabel = new Map<number, number>();
  const labelOfBlob = new Map<number, number>();
  labels.forEach((label, row) => {
    expect(blobOfLabel.get(label) ?? truth[row]).toBe(truth[row]);
    expect(labelOfBlob.get(truth[row]) ?? label).toBe(label);
    blobOfLabel.set(label, truth[row]);
    labelOfBlob.set(truth[row], label);
  });
  expect(blobOfLabel.size).toBe(new Set(truth).size);
}

describe('k-means', () => {
  const { points, truth } = blobs(CENTERS, 150, 7);

  it('recovers well-separated blobs', async () => {
    for (const seed of [1, 2, 3]) {
      const fit = await fitKMeans(points, { k: 4, restarts: 3, seed });
      expectSamePartition(fit.labels, truth);
      expect(fit.converged).toBe(true);
    }
  });

  it('reports the inertia of its labels and centers', async () => {
    const fit = await fitKMeans(points, { k: 4, restarts: 2, seed: 5 });
    let direct = 0;
    for (let i = 0; i < points.rows; i++) {
      for (let j = 0; j < points.dims; j++) direct += (points.values[i * points.dims + j] - fit.centers[fit.labels[i] * points.dims + j]) ** 2;
    }
    expect(fit.inertia).toBeCloseTo(direct, 6);
  });

  it('puts each center at the mean of its rows and each row at its nearest center', async () => {
    const fit = await fitKMeans(points, { k: 4, restarts: 1, seed: 9 });
    for (let c = 0; c < 4; c++) {
      const members = Array.from(fit.labels.keys()).filter((row) => fit.labels[row] === c);
      for (let j = 0; j < points.dims; j++) {
        const mean = members.reduce((sum, row) => sum + points.values[row * points.dims + j], 0) / members.length;
        expect(fit.centers[c * points.dims + j]).toBeCloseTo(mean, 9);
      }
    }
    const distance = (row: number, c: number) => CENTERS[0].reduce((sum, _, j) => sum + (points.values[row * 3 + j] - fit.centers[c * 3 + j]) ** 2, 0);
    for (let row = 0; row < points.rows; row++) {
      for (let c = 0; c < 4; c++) expect(distance(row, fit.labels[row])).toBeLessThanOrEqual(distance(row, c));
    }
  });

  it('gives the same labels for the same seed', async () => {
    const overlapping = blobs([[0, 0], [2, 1], [1, 3]], 80, 3).points;
    const first = await fitKMeans(overlapping, { k: 5, restarts: 4, seed: 11 });
    const second = await fitKMeans(overlapping, { k: 5, restarts: 4, seed: 11 });
    expect(Array.from(second.labels)).toEqual(Array.from(first.labels));
    expect(second.inertia).toBe(first.inertia);
  });

  it('keeps the restart with the lowest inertia', async () => {
    const overlapping = blobs([[0, 0], [2, 1], [1, 3], [4, 4]], 60, 4).points;
    const singles = await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => fitKMeans(overlapping, { k: 6, restarts: 1, seed })));
    const best = await fitKMeans(overlapping, { k: 6, restarts: 12, seed: 1 });
    expect(best.inertia).toBeLessThanOrEqual(Math.min(...singles.map((fit) => fit.inertia)) + 1e-9);
  });

  it('skips rows by its bounds without changing what plain Lloyd iterations find', async () => {
    // Plain Lloyd: every distance, every iteration, until no label changes.
    const plain = (points: Points, start: Float64Array, k: number) => {
      const { values, rows, dims } = points;
      const centers = Float64Array.from(start);
      const labels = new Int32Array(rows).fill(-1);
      for (let changed = true; changed; ) {
        changed = false;
        for (let i = 0; i < rows; i++) {
          let best = 0;
          let bestDistance = Infinity;
          for (let c = 0; c < k; c++) {
            let distance = 0;
            for (let j = 0; j < dims; j++) distance += (values[i * dims + j] - centers[c * dims + j]) ** 2;
            if (distance < bestDistance) [best, bestDistance] = [c, distance];
          }
          if (labels[i] !== best) [labels[i], changed] = [best, true];
        }
        for (let c = 0; c < k; c++) {
          const members = Array.from(labels.keys()).filter((i) => labels[i] === c);
          for (let j = 0; j < dims; j++) centers[c * dims + j] = members.reduce((sum, i) => sum + values[i * dims + j], 0) / members.length;
        }
      }
      return { labels, centers };
    };
    const overlapping = blobs([[0, 0, 0], [2, 1, 0], [1, 3, 1], [3, 3, 3]], 120, 12).points;
    for (const [k, seed] of [[6, 1], [6, 2], [6, 3], [3, 4], [2, 5], [8, 6]]) {
      const start = kMeansPlusPlus(overlapping, k, createRandom(seed));
      const expected = plain(overlapping, start.centers, k);
      // With k-means++'s first assignment handed over, and without (then Lloyd makes its own).
      for (const fit of [
        await lloyd(overlapping, start.centers, k, { maxIterations: 300, shiftTolerance: 0 }, async () => {}, start.nearest),
        await lloyd(overlapping, start.centers, k, { maxIterations: 300, shiftTolerance: 0 }, async () => {}),
      ]) {
        expect(Array.from(fit.labels)).toEqual(Array.from(expected.labels));
        fit.centers.forEach((value, index) => expect(value).toBeCloseTo(expected.centers[index], 12));
      }
    }
  });

  it('stops at the iteration limit and says it did not converge', async () => {
    const overlapping = blobs([[0, 0], [2, 1], [1, 3]], 100, 8).points;
    const fit = await lloyd(overlapping, Float64Array.from([0, 0, 0.1, 0, 0.2, 0]), 3, { maxIterations: 1, shiftTolerance: 0 }, async () => {});
    expect(fit.iterations).toBe(1);
    expect(fit.converged).toBe(false);
  });

  it('refills an empty cluster with the row farthest from its center', async () => {
    // Both starting centers sit at the left pair; the far-right row must take the empty one.
    const points = pointsOf([[0], [1], [100]]);
    const fit = await lloyd(points, Float64Array.from([0.5, 0.5]), 2, { maxIterations: 10, shiftTolerance: 0 }, async () => {});
    expect(new Set(fit.labels).size).toBe(2);
    expect(fit.labels[0]).toBe(fit.labels[1]);
    expect(fit.inertia).toBeCloseTo(0.5, 12);
  });

  it('measures the tolerance against the data\'s spread, so scaling the data changes nothing', async () => {
    const overlapping = blobs([[0, 0], [2, 1], [1, 3]], 100, 8).points;
    // Times four is exact in binary: every distance and shift scales exactly, and so must the stopping point.
    const scaled = { ...overlapping, values: overlapping.values.map((value) => 4 * value) };
    const loose = await fitKMeans(overlapping, { k: 3, restarts: 1, seed: 2, tolerance: 0.05 });
    const strict = await fitKMeans(overlapping, { k: 3, restarts: 1, seed: 2, tolerance: 0 });
    expect(loose.iterations, 'the tolerance, not a fixed point, stopped the loose fit').toBeLessThan(strict.iterations);
    const looseScaled = await fitKMeans(scaled, { k: 3, restarts: 1, seed: 2, tolerance: 0.05 });
    expect(looseScaled.iterations).toBe(loose.iterations);
    expect(Array.from(looseScaled.labels)).toEqual(Array.from(loose.labels));
    expect(looseScaled.inertia).toBe(16 * loose.inertia);
  });

  it('puts a single cluster\'s center at the mean of every row', async () => {
    const { points } = blobs([[0, 0], [5, 5]], 30, 2);
    const fit = await fitKMeans(points, { k: 1, restarts: 1, seed: 1 });
    for (let j = 0; j < 2; j++) {
      let sum = 0;
      for (let i = 0; i < points.rows; i++) sum += points.values[i * 2 + j];
      expect(fit.centers[j]).toBeCloseTo(sum / points.rows, 12);
    }
    expect(fit.converged).toBe(true);
  });

  it('rejects more clusters than rows', async () => {
    await expect(fitKMeans(pointsOf([[1], [2]]), { k: 3, restarts: 1, seed: 1 })).rejects.toThrow(CellError);
  });

  it('matches scikit-learn on a small array', async () => {
    // KMeans(3, n_init=10).fit(X).inertia_ = 16.5: {0, 1, 2} → 2, {10, 11} → 0.5, {20, 21, 25} → 14.
    const points = pointsOf([[0], [1], [2], [10], [11], [20], [21], [25]]);
    const fit = await fitKMeans(points, { k: 3, restarts: 10, seed: 3 });
    expect(fit.inertia).toBeCloseTo(16.5, 9);
  });
});
