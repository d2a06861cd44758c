import { describe, expect, it } from 'vitest';
import { smote } from '../../../src/core/classify/smote';
import type { FeatureMatrix } from '../../../src/core/cells/types';

const hooks = { signal: new AbortController().signal, yieldToHost: async () => {} };

/** Two features; positives in two far-apart clusters, negatives around the origin. */
function imbalanced(): FeatureMatrix {
  const positives = [
    [10, 10],
    [11, 10],
    [10, 12],
    [-10, -10],
    [-12, -10],
    [-10, -11],
  ];
  const negatives = Array.from({ length: 14 }, (_, i) => [Math.cos(i), Math.sin(i)]);
  const all = [...negatives.slice(0, 7), ...positives, ...negatives.slice(7)];
  const y = [...Array(7).fill(0), ...Array(6).fill(1), ...Array(7).fill(0)];
  return { x: Float32Array.from(all.flat()), y: Float32Array.from(y), rows: all.length, codes: Int32Array.from(all.map((_, row) => row)) };
}

/** Where `point` sits on the segment from `from` to `to` (0..1), or null when it is not on it. */
function positionOnSegment(point: number[], from: number[], to: number[]): number | null {
  const direction = [to[0] - from[0], to[1] - from[1]];
  const length = direction[0] ** 2 + direction[1] ** 2;
  const t = ((point[0] - from[0]) * direction[0] + (point[1] - from[1]) * direction[1]) / length;
  const off = Math.hypot(from[0] + t * direction[0] - point[0], from[1] + t * direction[1] - point[1]);
  return off < 1e-4 && t >= -1e-6 && t <= 1 + 1e-6 ? t : null;
}

const rowOf = (matrix: FeatureMatrix, row: number) => [matrix.x[row * 2], matrix.x[row * 2 + 1]];

describe('SMOTE', () => {
  it('keeps the real rows as they were and adds minority rows until the classes balance', async () => {
    const train = imbalanced();
    const result = await smote(train, { neighbours: 2, seed: 7 }, hooks);
    expect(result.minorityClass).toBe(1);
    expect(result.synthetic).toBe(8);
    expect(result.matrix.rows).toBe(28);
    expect(Array.from(result.matrix.x.subarray(0, train.x.length))).toEqual(Array.from(train.x));
    expect(Array.from(result.matrix.y.subarray(0, 20))).toEqual(Array.from(train.y));
    expect(Array.from(result.matrix.y.subarray(20)).every((label) => label === 1)).toBe(true);
  });

  it('puts each synthetic row between a real positive and one of its nearest positives', async () => {
    const train = imbalanced();
    const result = await smote(train, { neighbours: 2, seed: 3 }, hooks);
    const positives = Array.from({ length: 20 }, (_, row) => row).filter((row) => train.y[row] === 1);
    for (let row = 20; row < result.matrix.rows; row++) {
      const point = rowOf(result.matrix, row);
      const pairs = positives.flatMap((a) => positives.filter((b) => b !== a).map((b) => [a, b]));
      const pair = pairs.find(([a, b]) => positionOnSegment(point, rowOf(train, a), rowOf(train, b)) !== null);
      expect(pair).toBeDefined();
      // With two neighbours, a row never reaches across to the other cluster.
      const [a, b] = pair!;
      expect(Math.sign(train.x[a * 2])).toBe(Math.sign(train.x[b * 2]));
      // Embedded codes come from one end of the segment.
      expect([a, b]).toContain(result.matrix.codes![row]);
    }
  });

  it('repeats for a seed and differs between seeds', async () => {
    const first = await smote(imbalanced(), { neighbours: 2, seed: 5 }, hooks);
    const again = await smote(imbalanced(), { neighbours: 2, seed: 5 }, hooks);
    const other = await smote(imbalanced(), { neighbours: 2, seed: 6 }, hooks);
    expect(Array.from(again.matrix.x)).toEqual(Array.from(first.matrix.x));
    expect(Array.from(other.matrix.x)).not.toEqual(Array.from(first.matrix.x));
  });

  it('leaves balanced rows alone and refuses a lone minority row', async () => {
    const balanced = { x: Float32Array.from([0, 1, 2, 3]), y: Float32Array.from([0, 1, 0, 1]), rows: 2 };
    expect((await smote({ ...balanced, x: Float32Array.from([0, 1]), y: Float32Array.from([0, 1]) }, { neighbours: 5, seed: 1 }, hooks)).synthetic).toBe(0);
    const lone = { x: Float32Array.from([0, 1, 2]), y: Float32Array.from([0, 0, 1]), rows: 3 };
    await expect(smote(lone, { neighbours: 5, seed: 1 }, hooks)).rejects.toThrow(/at least 2 training rows of class 1/);
  });
});
