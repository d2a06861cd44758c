import type { CellValue } from '../infer-type';
import { asNumber } from '../numeric-values';

/** Rows sorted into groups by a key column, and the order in which each group's rows happened. */
export interface RowGroups {
  /** The group of each table row; -1 for a row whose key is missing. */
  groupOf: Int32Array;
  /** Each group's key, in order of first appearance in the table. */
  keys: CellValue[];
  /**
   * The rows that have a key, in time order: missing times last, equal times in table order
   * (so with no time column this is table order).
   */
  order: Uint32Array;
  /** Rows left out because their key is missing, as pandas' groupby drops NaN keys. */
  rowsWithoutKey: number;
}

export function isMissingValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** `times` are numbers or epoch milliseconds; null when rows keep table order. */
export function groupRows(keyValues: ArrayLike<unknown>, times: ArrayLike<unknown> | null): RowGroups {
  const rows = keyValues.length;
  const groupOf = new Int32Array(rows);
  const keys: CellValue[] = [];
  const groupOfKey = new Map<unknown, number>();
  const keyed: number[] = [];
  for (let row = 0; row < rows; row++) {
    const key = keyValues[row];
    if (isMissingValue(key)) {
      groupOf[row] = -1;
      continue;
    }
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = keys.length;
      groupOfKey.set(key, group);
      keys.push(key as CellValue);
    }
    groupOf[row] = group;
    keyed.push(row);
  }
  const order = Uint32Array.from(keyed);
  if (times) sortByTime(order, times);
  return { groupOf, keys, order, rowsWithoutKey: rows - keyed.length };
}

function sortByTime(order: Uint32Array, times: ArrayLike<unknown>): void {
  const timeOf = new Float64Array(times.length);
  for (let row = 0; row < times.length; row++) timeOf[row] = asNumber(times[row]) ?? Infinity;
  // Rows are listed in table order, so breaking ties on the row keeps the sort stable for equal times.
  order.sort((a, b) => timeOf[a] - timeOf[b] || a - b);
}
