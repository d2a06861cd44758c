import { asNumber } from '../numeric-values';
import type { RowGroups } from './row-groups';

/** Calls `visit` with each present number and its group (booleans count as 0/1). */
function eachNumber(values: ArrayLike<unknown>, groups: RowGroups, visit: (group: number, value: number) => void): void {
  groups.groupOf.forEach((group, row) => {
    if (group < 0) return;
    const value = asNumber(values[row]);
    if (value !== null) visit(group, value);
  });
}

/** Sum of each group's present values; 0 for a group with none, as pandas' `sum`. */
export function sumValues(values: ArrayLike<unknown>, groups: RowGroups): number[] {
  const sums = new Array<number>(groups.keys.length).fill(0);
  eachNumber(values, groups, (group, value) => (sums[group] += value));
  return sums;
}

/** Mean of each group's present values; missing for a group with none. */
export function meanValues(values: ArrayLike<unknown>, groups: RowGroups): (number | null)[] {
  const sums = new Float64Array(groups.keys.length);
  const counts = new Uint32Array(groups.keys.length);
  eachNumber(values, groups, (group, value) => {
    sums[group] += value;
    counts[group]++;
  });
  return Array.from(sums, (sum, group) => (counts[group] === 0 ? null : sum / counts[group]));
}

function extreme(values: ArrayLike<unknown>, groups: RowGroups, better: (value: number, held: number) => boolean): (number | null)[] {
  const held = new Array<number | null>(groups.keys.length).fill(null);
  eachNumber(values, groups, (group, value) => {
    const current = held[group];
    if (current === null || better(value, current)) held[group] = value;
  });
  return held;
}

/** Smallest present value of each group (timestamps as epoch milliseconds); missing for a group with none. */
export function minValues(values: ArrayLike<unknown>, groups: RowGroups): (number | null)[] {
  return extreme(values, groups, (value, held) => value < held);
}

/** Largest present value of each group; missing for a group with none. */
export function maxValues(values: ArrayLike<unknown>, groups: RowGroups): (number | null)[] {
  return extreme(values, groups, (value, held) => value > held);
}
