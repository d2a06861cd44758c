import { describe, expect, it } from 'vitest';
import { maxValues, meanValues, minValues, sumValues } from '../../../../src/core/data/aggregate/numeric';
import { groupRows } from '../../../../src/core/data/aggregate/row-groups';

const groups = groupRows(['a', 'b', 'a', 'c', 'a', 'b'], null);
const prices = [10, 4.5, null, null, 2.25, -1];

describe('numeric aggregations', () => {
  it('sums present values, 0 for a group with none', () => {
    expect(sumValues(prices, groups)).toEqual([12.25, 3.5, 0]);
  });

  it('counts booleans as 0 and 1', () => {
    expect(sumValues([true, false, true, null, true, true], groups)).toEqual([3, 1, 0]);
  });

  it('means present values, missing for a group with none', () => {
    expect(meanValues(prices, groups)).toEqual([6.125, 1.75, null]);
  });

  it('takes the smallest and largest present values', () => {
    expect(minValues(prices, groups)).toEqual([2.25, -1, null]);
    expect(maxValues(prices, groups)).toEqual([10, 4.5, null]);
  });
});
