import { describe, expect, it } from 'vitest';
import { groupRows } from '../../../../src/core/data/aggregate/row-groups';
import { levelOccurs, shareOf } from '../../../../src/core/data/aggregate/share';

const groups = groupRows(['a', 'a', 'a', 'a', 'b', 'b'], null);

describe('share of a value', () => {
  it('divides matching rows by all of the group’s rows, missing ones included', () => {
    expect(shareOf(['sale', 'skirts', null, 'sale'], groupRows(['a', 'a', 'a', 'a'], null), 'sale')).toEqual([0.5]);
    expect(shareOf(['sale', 'sale', 'sale', 'x', 'x', 'x'], groups, 'sale')).toEqual([0.75, 0]);
  });

  it('matches numbers and booleans by their text', () => {
    expect(shareOf([3, 3, 1, 2, 3, 4], groups, '3')).toEqual([0.5, 0.5]);
    expect(shareOf([true, false, true, true, false, false], groups, 'true')).toEqual([0.75, 0]);
  });

  it('tells whether the value occurs at all', () => {
    expect(levelOccurs(['x', 'y', 'x', 'y', 'x', 'y'], groups, 'y')).toBe(true);
    expect(levelOccurs(['x', 'y', 'x', 'y', 'x', 'y'], groups, 'Y')).toBe(false);
  });
});
