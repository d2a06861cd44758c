import type { CellValue } from '../infer-type';
import { countDistinct } from './counts';
import { firstValues } from './ordered';
import { isMissingValue, type RowGroups } from './row-groups';

/** Per session: what the same user did in sessions that started strictly earlier. */
export interface SessionHistory {
  previousSessions: (number | null)[];
  previousSpend: (number | null)[];
}

/**
 * For each session, the count and total spend of its user's sessions that started strictly
 * before it. Sessions starting at the same instant are not "earlier" than one another: neither
 * sees the other, so nothing at or after a session's start reaches its features. A session
 * without a user or a start gets missing features and counts for no one; a missing spend adds 0.
 */
export function userHistory(users: readonly CellValue[], starts: readonly (number | null)[], spends: readonly (number | null)[]): SessionHistory {
  const previousSessions = new Array<number | null>(users.length).fill(null);
  const previousSpend = new Array<number | null>(users.length).fill(null);
  const sessionsByUser = new Map<CellValue, number[]>();
  users.forEach((user, session) => {
    if (isMissingValue(user) || starts[session] === null) return;
    const sessions = sessionsByUser.get(user);
    if (sessions) sessions.push(session);
    else sessionsByUser.set(user, [session]);
  });
  for (const sessions of sessionsByUser.values()) {
    sessions.sort((a, b) => starts[a]! - starts[b]!);
    let count = 0;
    let spend = 0;
    for (let first = 0; first < sessions.length; ) {
      let end = first;
      while (end < sessions.length && starts[sessions[end]] === starts[sessions[first]]) end++;
      for (let i = first; i < end; i++) {
        previousSessions[sessions[i]] = count;
        previousSpend[sessions[i]] = spend;
      }
      for (let i = first; i < end; i++) {
        count++;
        spend += spends[sessions[i]] ?? 0;
      }
      first = end;
    }
  }
  return { previousSessions, previousSpend };
}

/** Each session's user: the first in time order; sessions naming more than one user are counted. */
export function sessionUsers(userValues: ArrayLike<unknown>, groups: RowGroups): { users: CellValue[]; sessionsWithSeveralUsers: number } {
  const users = firstValues(userValues, groups);
  const sessionsWithSeveralUsers = countDistinct(userValues, groups).filter((count) => count > 1).length;
  return { users, sessionsWithSeveralUsers };
}
