import { describe, expect, it } from 'vitest';
import { profileColumn } from '../../../src/core/data/profile';

describe('profileColumn', () => {
  it('summarizes a number column, ignoring missing cells', () => {
    const profile = profileColumn('x', 'number', [3, null, 1, 2, 2, null]);
    expect(profile).toMatchObject({ count: 4, missing: 2, distinct: 3, min: 1, max: 3, mean: 2, median: 2, top: [] });
    expect(profile.std).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('lists the most frequent values of a categorical column, ties by name', () => {
    const profile = profileColumn('c', 'categorical', ['b', 'a', 'b', null, 'c', 'a', 'b']);
    expect(profile.top).toEqual([
      { value: 'b', count: 3 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
    ]);
    expect(profile.min).toBeNull();
    expect(profile.distinct).toBe(3);
  });

  it('gives timestamps a range but no standard deviation', () => {
    const profile = profileColumn('t', 'timestamp', [Date.UTC(2020, 0, 3), Date.UTC(2020, 0, 1)]);
    expect(profile.min).toBe(Date.UTC(2020, 0, 1));
    expect(profile.max).toBe(Date.UTC(2020, 0, 3));
    expect(profile.std).toBeNull();
  });

  it('counts booleans as values', () => {
    expect(profileColumn('b', 'boolean', [true, false, true]).top).toEqual([
      { value: 'true', count: 2 },
      { value: 'false', count: 1 },
    ]);
  });
});
