import { describe, expect, it } from 'vitest';
import { EXACT_DISTINCT_LIMIT, PROFILE_BINS, profileColumn, TOP_VALUES } from '../../../src/core/data/profile';

describe('profileColumn', () => {
  it('summarizes a number column, ignoring missing cells', () => {
    const profile = profileColumn('x', 'number', [3, null, 1, 2, 2, null]);
    expect(profile).toMatchObject({ count: 4, missing: 2, distinct: 3, distinctEstimated: false, min: 1, max: 3, mean: 2, zeroShare: 0 });
    expect(profile.std).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(profile.top).toEqual([
      { value: '2', count: 2 },
      { value: '1', count: 1 },
      { value: '3', count: 1 },
    ]);
  });

  it('gives numpy-default quantiles: linear interpolation between order statistics', () => {
    // numpy.percentile(range(1, 11), [1, 25, 50, 75, 99]) = [1.09, 3.25, 5.5, 7.75, 9.91]
    const quantiles = profileColumn('x', 'number', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).quantiles!;
    expect(quantiles.p1).toBeCloseTo(1.09, 12);
    expect(quantiles.p25).toBeCloseTo(3.25, 12);
    expect(quantiles.p50).toBeCloseTo(5.5, 12);
    expect(quantiles.p75).toBeCloseTo(7.75, 12);
    expect(quantiles.p99).toBeCloseTo(9.91, 12);
    // 1..101: every percentile falls on a value.
    const hundredAndOne = Array.from({ length: 101 }, (_, i) => 101 - i);
    expect(profileColumn('y', 'number', hundredAndOne).quantiles).toEqual({ p1: 2, p25: 26, p50: 51, p75: 76, p99: 100 });
  });

  it('counts zeros as a share of the present numbers', () => {
    const profile = profileColumn('value', 'number', [0, 0, 0, 5, null, 10]);
    expect(profile.zeroShare).toBe(3 / 5);
    expect(profile.top[0]).toEqual({ value: '0', count: 3 });
  });

  it('reads NaN and infinities as missing, so no statistic is NaN', () => {
    const profile = profileColumn('x', 'number', [NaN, Infinity, -Infinity, 1, 3, 8]);
    expect(profile).toMatchObject({ count: 3, missing: 3, min: 1, max: 8, mean: 4, distinct: 3 });
    for (const statistic of [profile.std, profile.skewness, profile.zeroShare, ...Object.values(profile.quantiles!)]) expect(Number.isFinite(statistic)).toBe(true);
  });

  it('bins numbers over their range, every value counted once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const profile = profileColumn('x', 'number', values);
    expect(profile.bins).toHaveLength(PROFILE_BINS);
    expect(profile.bins[0].start).toBe(0);
    expect(profile.bins.at(-1)!.end).toBe(999);
    expect(profile.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(1000);
    // 0..999 each once, 20 bins of width 49.95: bin k holds the integers in [49.95k, 49.95(k+1)).
    const expectedFirst = values.filter((v) => v < 999 / PROFILE_BINS).length;
    expect(profile.bins[0].count).toBe(expectedFirst);
  });

  it('lists the most frequent values of a categorical column, ties by name, capped', () => {
    const profile = profileColumn('c', 'categorical', ['b', 'a', 'b', null, 'c', 'a', 'b']);
    expect(profile.top).toEqual([
      { value: 'b', count: 3 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
    ]);
    expect(profile.min).toBeNull();
    expect(profile.quantiles).toBeNull();
    expect(profile.bins).toEqual([]);
    expect(profile.distinct).toBe(3);
    const many = Array.from({ length: 100 }, (_, i) => `level${i % 30}`);
    expect(profileColumn('c', 'categorical', many).top).toHaveLength(TOP_VALUES);
  });

  it('counts distinct text exactly up to the limit and estimates it above', () => {
    const exact = Array.from({ length: EXACT_DISTINCT_LIMIT }, (_, i) => `session-${i}`);
    expect(profileColumn('id', 'identifier', exact)).toMatchObject({ distinct: EXACT_DISTINCT_LIMIT, distinctEstimated: false });
    const distinct = 60_000;
    const values = Array.from({ length: distinct * 2 }, (_, i) => `session-${i % distinct}`);
    const profile = profileColumn('id', 'identifier', values);
    expect(profile.distinctEstimated).toBe(true);
    // HyperLogLog with 4096 registers: standard error about 1.6%; 5% is three of them.
    expect(Math.abs(profile.distinct - distinct) / distinct).toBeLessThan(0.05);
  });

  it('keeps counting frequent values exactly after switching to the estimate', () => {
    const values = [...Array.from({ length: 500 }, () => 'Direct'), ...Array.from({ length: EXACT_DISTINCT_LIMIT + 10 }, (_, i) => `u${i}`), 'Direct'];
    expect(profileColumn('c', 'text', values).top[0]).toEqual({ value: 'Direct', count: 501 });
  });

  it('counts junk tokens present, spaces trimmed', () => {
    const profile = profileColumn('country', 'categorical', ['(not set)', 'US', ' (not set) ', 'N/A', 'FR'], { junkTokens: ['(not set)', 'N/A', 'unknown.unknown'] });
    expect(profile.junkTokens).toEqual([
      { value: '(not set)', count: 2 },
      { value: 'N/A', count: 1 },
    ]);
    expect(profileColumn('country', 'categorical', ['(not set)']).junkTokens).toEqual([]);
  });

  it('gives timestamps a range and quantiles but no standard deviation or zero share', () => {
    const profile = profileColumn('t', 'timestamp', [Date.UTC(2020, 0, 3), Date.UTC(2020, 0, 1)]);
    expect(profile.min).toBe(Date.UTC(2020, 0, 1));
    expect(profile.max).toBe(Date.UTC(2020, 0, 3));
    expect(profile.quantiles!.p50).toBe(Date.UTC(2020, 0, 2));
    expect(profile.std).toBeNull();
    expect(profile.zeroShare).toBeNull();
  });

  it('counts booleans as values', () => {
    expect(profileColumn('b', 'boolean', [true, false, true]).top).toEqual([
      { value: 'true', count: 2 },
      { value: 'false', count: 1 },
    ]);
  });

  it('profiles typed-array columns the same as plain arrays', () => {
    const plain = profileColumn('x', 'number', [4, 1, 3, 2]);
    expect(profileColumn('x', 'number', Float64Array.from([4, 1, 3, 2]))).toEqual(plain);
  });

  it('profiles an all-missing column without statistics', () => {
    const profile = profileColumn('x', 'number', [null, null]);
    expect(profile).toMatchObject({ count: 0, missing: 2, distinct: 0, min: null, mean: null, quantiles: null, std: null, zeroShare: null, top: [], bins: [] });
  });
});
