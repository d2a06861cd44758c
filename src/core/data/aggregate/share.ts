import type { RowGroups } from './row-groups';

/**
 * Share of each group's rows whose value reads as `level` (numbers and booleans by their text,
 * so `3` matches a code column's 3). Missing values count in the denominator, as they would
 * in pandas' `(column == level).groupby(key).mean()`.
 */
export function shareOf(values: ArrayLike<unknown>, groups: RowGroups, level: string): number[] {
  const rows = new Uint32Array(groups.keys.length);
  const matches = new Uint32Array(groups.keys.length);
  groups.groupOf.forEach((group, row) => {
    if (group < 0) return;
    rows[group]++;
    const value = values[row];
    if (value !== null && value !== undefined && String(value) === level) matches[group]++;
  });
  return Array.from(rows, (count, group) => matches[group] / count);
}

/** Whether any row with a key holds `level`: a share that is 0 everywhere is usually a typo. */
export function levelOccurs(values: ArrayLike<unknown>, groups: RowGroups, level: string): boolean {
  for (const row of groups.order) {
    const value = values[row];
    if (value !== null && value !== undefined && String(value) === level) return true;
  }
  return false;
}
