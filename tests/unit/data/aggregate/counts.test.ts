import { describe, expect, it } from 'vitest';
import { countDistinct, countRows, countValues } from '../../../../src/core/data/aggregate/counts';
import { groupRows } from '../../../../src/core/data/aggregate/row-groups';

const groups = groupRows(['a', 'b', 'a', 'a', null, 'b'], null);

describe('count aggregations', () => {
  it('counts the rows of each group, rows without a key in none', () => {
    expect(countRows(groups)).toEqual([3, 2]);
  });

  it('counts present values only', () => {
    expect(countValues(['x', null, 'y', null, 'z', 'w'], groups)).toEqual([2, 1]);
  });

  it('counts distinct present values, missing not among them', () => {
    expect(countDistinct(['x', null, 'x', 'y', 'z', null], groups)).toEqual([2, 0]);
    expect(countDistinct([1, 2, 1, 1, 9, 2], groups)).toEqual([1, 1]);
  });
});
