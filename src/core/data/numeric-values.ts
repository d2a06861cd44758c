import type { CellValue } from './infer-type';

/** A number for each numeric cell: booleans count as 0/1, everything else is missing. */
export function asNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
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
