import type { CellValue } from './infer-type';

/** A finite number for each numeric cell: booleans count as 0/1; NaN, ±Infinity and the rest are missing. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

/** The column's numbers, missing cells left out. */
export function presentNumbers(values: readonly CellValue[]): Float64Array {
  const kept: number[] = [];
  for (const value of values) {
    const number = asNumber(value);
    if (number !== null) kept.push(number);
  }
  return Float64Array.from(kept);
}
