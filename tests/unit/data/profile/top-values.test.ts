import { describe, expect, it } from 'vitest';
import { rankedRuns } from '../../../../src/core/data/profile/top-values';

describe('rankedRuns', () => {
  it('counts distinct values and ranks runs by length, smaller value first on ties', () => {
    const sorted = [0, 0, 0, 1, 2, 2, 3, 3, 4];
    expect(rankedRuns(sorted, 3)).toEqual({
      distinct: 5,
      top: [
        { value: '0', count: 3 },
        { value: '2', count: 2 },
        { value: '3', count: 2 },
      ],
    });
  });

  it('agrees with a map count on many values', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i * i) % 37);
    const counts = new Map<number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 5);
    const result = rankedRuns(Float64Array.from(values).sort(), 5);
    expect(result.distinct).toBe(counts.size);
    expect(result.top).toEqual(expected.map(([value, count]) => ({ value: String(value), count })));
  });

  it('handles an empty column', () => {
    expect(rankedRuns([], 5)).toEqual({ distinct: 0, top: [] });
  });
});
