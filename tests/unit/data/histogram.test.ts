import { describe, expect, it } from 'vitest';
import { equalWidthBins } from '../../../src/core/data/histogram';

describe('equalWidthBins', () => {
  it('splits the range evenly and puts the maximum in the last bin', () => {
    expect(equalWidthBins([0, 1, 2, 3, 4], 2)).toEqual([
      { start: 0, end: 2, count: 2 },
      { start: 2, end: 4, count: 3 },
    ]);
  });

  it('counts every value once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sqrt(i));
    expect(equalWidthBins(values, 17).reduce((sum, bin) => sum + bin.count, 0)).toBe(1000);
  });

  it('gives a constant column one bar', () => {
    expect(equalWidthBins([5, 5], 10)).toEqual([{ start: 5, end: 6, count: 2 }]);
    expect(equalWidthBins([], 10)).toEqual([]);
  });
});
