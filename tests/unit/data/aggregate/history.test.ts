import { describe, expect, it } from 'vitest';
import { sessionUsers, userHistory } from '../../../../src/core/data/aggregate/history';
import { groupRows } from '../../../../src/core/data/aggregate/row-groups';

describe('userHistory', () => {
  it('counts and sums each user’s sessions that started strictly earlier', () => {
    const users = ['u1', 'u2', 'u1', 'u1', 'u2'];
    const starts = [300, 100, 100, 200, 500];
    const spends = [5, 7, 10, 0, 1];
    const history = userHistory(users, starts, spends);
    // u1 in time order: session 2 (100), session 3 (200), session 0 (300).
    expect(history.previousSessions).toEqual([2, 0, 0, 1, 1]);
    expect(history.previousSpend).toEqual([10, 0, 0, 10, 7]);
  });

  it('does not count a session that started at the same instant as earlier', () => {
    const history = userHistory(['u', 'u', 'u', 'u'], [50, 50, 10, 90], [4, 6, 1, 100]);
    expect(history.previousSessions).toEqual([1, 1, 0, 3]);
    expect(history.previousSpend).toEqual([1, 1, 0, 11]);
  });

  it('never lets a later session’s spend change an earlier session’s features', () => {
    const users = ['u', 'u', 'u', 'v'];
    const starts = [10, 20, 30, 15];
    const before = userHistory(users, starts, [1, 2, 3, 4]);
    const after = userHistory(users, starts, [1, 2, 3000, 4]);
    expect(after.previousSessions).toEqual(before.previousSessions);
    expect(after.previousSpend).toEqual(before.previousSpend);
    // Only a session after the changed one sees the change.
    const changedFirst = userHistory(users, starts, [1000, 2, 3, 4]);
    expect(changedFirst.previousSpend).toEqual([0, 1000, 1002, 0]);
  });

  it('gives missing features to a session without a user or a start, and leaves it out of others', () => {
    const history = userHistory(['u', null, 'u', 'u'], [10, 5, null, 30], [2, 50, 60, 0]);
    expect(history.previousSessions).toEqual([0, null, null, 1]);
    expect(history.previousSpend).toEqual([0, null, null, 2]);
  });

  it('adds a missing spend as 0', () => {
    expect(userHistory(['u', 'u', 'u'], [1, 2, 3], [null, 4, 0]).previousSpend).toEqual([0, 0, 4]);
  });
});

describe('sessionUsers', () => {
  it('takes each session’s first user in time order and counts sessions with several', () => {
    const groups = groupRows(['s1', 's1', 's2', 's2'], [2, 1, 5, 6]);
    expect(sessionUsers(['u2', 'u1', 'u3', 'u3'], groups)).toEqual({ users: ['u1', 'u3'], sessionsWithSeveralUsers: 1 });
  });
});
