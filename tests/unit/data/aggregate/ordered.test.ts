import { describe, expect, it } from 'vitest';
import { firstValues, lastValues } from '../../../../src/core/data/aggregate/ordered';
import { groupRows } from '../../../../src/core/data/aggregate/row-groups';

// Table order differs from time order: session s1 runs home (t=1) → skirts (t=2) → sale (t=3).
const sessions = ['s1', 's2', 's1', 's1', 's2', 's2'];
const times = [3, 20, 1, 2, 10, 30];
const pages = ['sale', 'blouses', 'home', 'skirts', null, null];

describe('first and last values', () => {
  it('follow time order, not table order', () => {
    const groups = groupRows(sessions, times);
    expect(firstValues(pages, groups)).toEqual(['home', 'blouses']);
    expect(lastValues(pages, groups)).toEqual(['sale', 'blouses']);
  });

  it('skip missing values', () => {
    const groups = groupRows(sessions, times);
    // s2 in time order: null (t=10), blouses (t=20), null (t=30).
    expect(firstValues(pages, groups)[1]).toBe('blouses');
    expect(lastValues(pages, groups)[1]).toBe('blouses');
  });

  it('follow table order without a time column', () => {
    const groups = groupRows(sessions, null);
    expect(firstValues(pages, groups)).toEqual(['sale', 'blouses']);
    expect(lastValues(pages, groups)).toEqual(['skirts', 'blouses']);
  });

  it('are missing for a group with no value', () => {
    expect(firstValues([null, 'x'], groupRows(['a', 'b'], null))).toEqual([null, 'x']);
  });
});
