import type { CellValue } from '../infer-type';
import { isMissingValue, type RowGroups } from './row-groups';

/** Each group's first present value in time order (missing values skipped, as pandas' `first`). */
export function firstValues(values: ArrayLike<unknown>, groups: RowGroups): CellValue[] {
  const first = new Array<CellValue>(groups.keys.length).fill(null);
  const found = new Uint8Array(groups.keys.length);
  for (const row of groups.order) {
    const group = groups.groupOf[row];
    if (found[group] || isMissingValue(values[row])) continue;
    first[group] = values[row] as CellValue;
    found[group] = 1;
  }
  return first;
}

/** Each group's last present value in time order. */
export function lastValues(values: ArrayLike<unknown>, groups: RowGroups): CellValue[] {
  const last = new Array<CellValue>(groups.keys.length).fill(null);
  for (const row of groups.order) {
    if (!isMissingValue(values[row])) last[groups.groupOf[row]] = values[row] as CellValue;
  }
  return last;
}
