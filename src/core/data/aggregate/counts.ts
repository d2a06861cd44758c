import { isMissingValue, type RowGroups } from './row-groups';

/** Rows in each group. */
export function countRows(groups: RowGroups): number[] {
  const counts = new Array<number>(groups.keys.length).fill(0);
  for (const group of groups.groupOf) if (group >= 0) counts[group]++;
  return counts;
}

/** Present (non-missing) values in each group, as pandas' `count`. */
export function countValues(values: ArrayLike<unknown>, groups: RowGroups): number[] {
  const counts = new Array<number>(groups.keys.length).fill(0);
  groups.groupOf.forEach((group, row) => {
    if (group >= 0 && !isMissingValue(values[row])) counts[group]++;
  });
  return counts;
}

/** Distinct present values in each group; missing is not a value, as pandas' `nunique`. */
export function countDistinct(values: ArrayLike<unknown>, groups: RowGroups): number[] {
  const seen = Array.from({ length: groups.keys.length }, () => new Set<unknown>());
  groups.groupOf.forEach((group, row) => {
    if (group >= 0 && !isMissingValue(values[row])) seen[group].add(values[row]);
  });
  return seen.map((distinct) => distinct.size);
}
