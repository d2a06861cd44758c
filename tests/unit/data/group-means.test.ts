import { describe, expect, it } from 'vitest';
import { correlationRatio, groupTargetMeans } from '../../../src/core/data/group-means';

describe('groupTargetMeans', () => {
  it('averages the target per level, most frequent first, pooling the rest', () => {
    const levels = ['a', 'b', 'a', 'c', null, 'a', 'b'];
    const target = [1, 10, 3, 100, 7, 5, null];
    expect(groupTargetMeans(levels, target, 2)).toEqual([
      { level: 'a', count: 3, mean: 3 },
      { level: '(missing)', count: 1, mean: 7 },
      { level: '(2 other levels)', count: 2, mean: 55 },
    ]);
  });
});

describe('correlationRatio', () => {
  it('is 1 when the level fixes the target and 0 when the means are equal', () => {
    expect(correlationRatio(['a', 'a', 'b', 'b'], [1, 1, 5, 5])).toBe(1);
    expect(correlationRatio(['a', 'a', 'b', 'b'], [1, 3, 3, 1])).toBe(0);
  });

  it('is the between-level share of the variance', () => {
    // a: [1, 3] and b: [2, 0, 4] both average 2, so the levels explain nothing.
    expect(correlationRatio(['a', 'a', 'b', 'b', 'b'], [1, 3, 2, 0, 4])).toBeCloseTo(0, 12);
    // a: [0, 2] averages 1, b: [3, 3, 4] averages 10/3, the grand mean is 12/5.
    const grand = 12 / 5;
    const between = 2 * (1 - grand) ** 2 + 3 * (10 / 3 - grand) ** 2;
    const total = [0, 2, 3, 3, 4].reduce((sum, y) => sum + (y - grand) ** 2, 0);
    expect(correlationRatio(['a', 'a', 'b', 'b', 'b'], [0, 2, 3, 3, 4])).toBeCloseTo(between / total, 12);
  });

  it('is null for a constant target', () => {
    expect(correlationRatio(['a', 'b'], [2, 2])).toBeNull();
  });
});
