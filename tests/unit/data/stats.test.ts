import { describe, expect, it } from 'vitest';
import { averageRanks, completePairs, mean, pearson, skewness, sortedQuantile, spearman, standardDeviation } from '../../../src/core/data/stats';

describe('stats', () => {
  it('computes mean and sample standard deviation', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Squared deviations sum to 32 over n − 1 = 7.
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(mean([])).toBeNull();
    expect(standardDeviation([1])).toBeNull();
  });

  it('interpolates quantiles between sorted values', () => {
    expect(sortedQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(sortedQuantile([1, 2, 3, 4, 10], 0.5)).toBe(3);
    expect(sortedQuantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('computes adjusted sample skewness', () => {
    // x = [0, 0, 3]: mean 1, m2 = 2, m3 = 2; g1 = 2 / 2^1.5; G1 = g1 · sqrt(3·2) / 1.
    expect(skewness([0, 0, 3])).toBeCloseTo((2 / Math.pow(2, 1.5)) * Math.sqrt(6), 12);
    expect(skewness([1, 2, 3])).toBeCloseTo(0, 12);
    expect(skewness([4, 4, 4])).toBe(0);
  });

  it('computes Pearson correlation, null for a constant side', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // Centered x = [-1, 0, 1], y = [1, -2, 1]: covariance 0.
    expect(pearson([1, 2, 3], [1, -2, 1])).toBeCloseTo(0, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('gives tied values their average rank', () => {
    expect(Array.from(averageRanks([10, 0, 0, 5, 0]))).toEqual([5, 2, 2, 4, 2]);
  });

  it('computes Spearman correlation as Pearson on ranks', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4, 5], [0, 0, 1, 0, 5])).toBeCloseTo(pearson([1, 2, 3, 4, 5], [2, 2, 4, 2, 5])!, 12);
  });

  it('keeps only rows where both sides are numbers', () => {
    const pairs = completePairs([1, null, 3, 4], [10, 20, null, 40]);
    expect(Array.from(pairs.x)).toEqual([1, 4]);
    expect(Array.from(pairs.y)).toEqual([10, 40]);
  });
});
