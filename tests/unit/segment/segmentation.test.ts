import { describe, expect, it } from 'vitest';
import { SCAN_MAX_ROWS, SILHOUETTE_MAX_ROWS, segmentPoints, type SegmentationOptions } from '../../../src/core/segment/segmentation';
import { blobs } from './blobs';

const hooks = { checkpoint: async () => {}, progress: () => {} };
const options = (patch: Partial<SegmentationOptions> = {}): SegmentationOptions => ({ k: 'auto', restarts: 3, seed: 1, scaling: 'standard', ...patch });

describe('segmentation', () => {
  const { points, truth } = blobs([[0, 0, 0], [12, 0, 0], [0, 12, 0]], 200, 5);

  it('suggests the number of blobs from the silhouette and scans k = 2..8', async () => {
    const result = await segmentPoints(points, options(), hooks);
    expect(result.k).toBe(3);
    expect(result.chosenBy).toBe('silhouette');
    expect(result.bestSilhouetteK).toBe(3);
    expect(result.scan.map((point) => point.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.silhouetteExact).toBe(true);
    expect(result.silhouette).toBe(result.scan[1].silhouette);
    const inertias = result.scan.map((point) => point.inertia);
    expect(inertias).toEqual([...inertias].sort((a, b) => b - a));
  });

  it('numbers segments largest first and keeps the blobs together', async () => {
    const uneven = blobs([[0, 0], [15, 0], [0, 15]], 100, 6);
    // Drop rows of the second and third blob so the sizes differ: 100, 70, 40.
    const keep = Array.from(uneven.truth.keys()).filter((row) => {
      const blob = uneven.truth[row];
      const seen = Array.from(uneven.truth.subarray(0, row)).filter((other) => other === blob).length;
      return blob === 0 || (blob === 1 && seen < 70) || (blob === 2 && seen < 40);
    });
    const values = Float64Array.from(keep.flatMap((row) => [uneven.points.values[2 * row], uneven.points.values[2 * row + 1]]));
    const result = await segmentPoints({ values, rows: keep.length, dims: 2 }, options({ k: 3 }), hooks);
    expect(result.chosenBy).toBe('user');
    const sizes = [0, 1, 2].map((c) => result.fit.labels.filter((label) => label === c).length);
    expect(sizes).toEqual([100, 70, 40]);
    keep.forEach((row, i) => expect(result.fit.labels[i]).toBe(uneven.truth[row]));
  });

  it('adds a chosen k beyond the scan to the elbow curve', async () => {
    const result = await segmentPoints(points, options({ k: 10, restarts: 1 }), hooks);
    expect(result.k).toBe(10);
    expect(result.scan.map((point) => point.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 10]);
    expect(result.bestSilhouetteK).toBe(3);
    expect(new Set(result.fit.labels).size).toBe(10);
  });

  it('gives the same result for the same seed', async () => {
    const first = await segmentPoints(points, options({ k: 4 }), hooks);
    const second = await segmentPoints(points, options({ k: 4 }), hooks);
    expect(Array.from(second.fit.labels)).toEqual(Array.from(first.fit.labels));
    expect(second.scan).toEqual(first.scan);
  });

  it('projects a sample to two components and labels every row', async () => {
    const result = await segmentPoints(points, options({ k: 3 }), hooks);
    expect(result.fit.labels.length).toBe(points.rows);
    expect(result.scatter.length).toBe(2 * result.scatterRows.length);
    expect(result.pca.explainedVarianceRatio[0]).toBeGreaterThan(result.pca.explainedVarianceRatio[1]);
    expect(new Set(Array.from(result.scatterRows, (row) => truth[row])).size).toBe(3);
  });

  it('samples the scan and the silhouette on large data, then fits every row', async () => {
    const large = blobs([[0, 0], [10, 0], [0, 10]], Math.ceil((SCAN_MAX_ROWS + 1000) / 3), 8);
    const result = await segmentPoints(large.points, options({ k: 3, restarts: 1 }), hooks);
    expect(result.scanRows).toBe(SCAN_MAX_ROWS);
    expect(result.silhouetteRows).toBe(SILHOUETTE_MAX_ROWS);
    expect(result.silhouetteExact).toBe(false);
    expect(result.fit.labels.length).toBe(large.points.rows);
    expect(result.silhouette).toBeGreaterThan(0.5);
  });
});
