import { describe, expect, it } from 'vitest';
import { profileColumn } from '../../../../src/core/data/profile';
import { chooseMatrixColumns, correlationMatrix, relativeSpread } from '../../../../src/core/data/profile/correlation-matrix';
import { pearson } from '../../../../src/core/data/stats';

/** Pearson r straight from its definition over the given pairs. */
function pearsonByDefinition(pairs: [number, number][]): number {
  const n = pairs.length;
  const mx = pairs.reduce((sum, [x]) => sum + x, 0) / n;
  const my = pairs.reduce((sum, [, y]) => sum + y, 0) / n;
  const cov = pairs.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const vx = pairs.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  const vy = pairs.reduce((sum, [, y]) => sum + (y - my) ** 2, 0);
  return cov / Math.sqrt(vx * vy);
}

describe('correlationMatrix', () => {
  const a = [1, 2, 3, 4, 5, null, 7];
  const b = [2, 4, 5, 4, 5, 9, null];
  const c = [7, 6, 5, 4, 3, 2, 1];

  it('correlates every pair over rows where both are present, symmetric with 1 on the diagonal', () => {
    const matrix = correlationMatrix([
      { name: 'a', values: a },
      { name: 'b', values: b },
      { name: 'c', values: c },
    ]);
    expect(matrix.columns).toEqual(['a', 'b', 'c']);
    const pairsAB: [number, number][] = [[1, 2], [2, 4], [3, 5], [4, 4], [5, 5]];
    expect(matrix.values[0][1]).toBeCloseTo(pearsonByDefinition(pairsAB), 12);
    expect(matrix.values[1][0]).toBe(matrix.values[0][1]);
    const pairsAC: [number, number][] = [[1, 7], [2, 6], [3, 5], [4, 4], [5, 3], [7, 1]];
    expect(matrix.values[0][2]).toBeCloseTo(pearsonByDefinition(pairsAC), 12);
    expect(matrix.values[0][2]).toBeCloseTo(-1, 12);
    expect(matrix.values.map((row, i) => row[i])).toEqual([1, 1, 1]);
  });

  it('leaves a pair undefined where one side is constant or missing', () => {
    expect(pearson(Float64Array.from([1, 2, 3]), Float64Array.from([5, 5, 5]))).toBeNull();
    expect(pearson(Float64Array.from([1, 2, NaN, 4]), Float64Array.from([NaN, 1, 2, NaN]))).toBeNull();
  });

  it('keeps its digits on large offsets', () => {
    const x = Float64Array.from([1, 2, 3, 4], (v) => 1e9 + v);
    const y = Float64Array.from([2, 1, 4, 3], (v) => 1e9 + v);
    expect(pearson(x, y)).toBeCloseTo(pearsonByDefinition([[1, 2], [2, 1], [3, 4], [4, 3]]), 9);
  });
});

describe('chooseMatrixColumns', () => {
  const profiles = [
    profileColumn('steady', 'number', [100, 101, 99, 100]),
    profileColumn('constant', 'number', [3, 3, 3, 3]),
    profileColumn('wild', 'number', [0, 0, 0, 40]),
    profileColumn('channel', 'categorical', ['a', 'b', 'a', 'b']),
    profileColumn('middling', 'number', [1, 2, 3, 4]),
  ];

  it('measures spread as std / (|mean| + std)', () => {
    const std = Math.sqrt(((1.5 ** 2 + 0.5 ** 2) * 2) / 3);
    expect(relativeSpread(profiles[4])).toBeCloseTo(std / (2.5 + std), 12);
    expect(relativeSpread(profiles[1])).toBeNull();
  });

  it('takes number columns with spread, in table order', () => {
    expect(chooseMatrixColumns(profiles, 10)).toEqual({ columns: ['steady', 'wild', 'middling'], omitted: [] });
  });

  it('keeps the most variable ones when capped and names the rest', () => {
    expect(chooseMatrixColumns(profiles, 2)).toEqual({ columns: ['wild', 'middling'], omitted: ['steady'] });
  });
});
