import { describe, expect, it } from 'vitest';
import { groupRows } from '../../../../src/core/data/aggregate/row-groups';

describe('groupRows', () => {
  it('numbers groups by first appearance and leaves rows without a key out', () => {
    const groups = groupRows(['b', 'a', null, 'b', undefined, 'c'], null);
    expect(groups.keys).toEqual(['b', 'a', 'c']);
    expect([...groups.groupOf]).toEqual([0, 1, -1, 0, -1, 2]);
    expect(groups.rowsWithoutKey).toBe(2);
    expect([...groups.order]).toEqual([0, 1, 3, 5]);
  });

  it('keeps numeric keys apart from their text', () => {
    expect(groupRows([1, '1', 1], null).keys).toEqual([1, '1']);
  });

  it('orders rows by time, equal times in table order and missing times last', () => {
    const groups = groupRows(['s', 's', 's', 's', 's'], [30, null, 10, 30, 20]);
    expect([...groups.order]).toEqual([2, 4, 0, 3, 1]);
  });
});
