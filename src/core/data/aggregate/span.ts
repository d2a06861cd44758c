import { maxValues, minValues } from './numeric';
import type { RowGroups } from './row-groups';

/** Seconds from each group's earliest to its latest timestamp (0 for one row); missing when it has none. */
export function spanSeconds(times: ArrayLike<unknown>, groups: RowGroups): (number | null)[] {
  const earliest = minValues(times, groups);
  const latest = maxValues(times, groups);
  return earliest.map((start, group) => (start === null ? null : (latest[group]! - start) / 1000));
}
