import { CHECKSUM_COLUMN } from './protocol';

/** The sum of the checksum column; fails if a parser left it as text or missing values. */
export function checksumOf(values: Iterable<unknown>): number {
  let sum = 0;
  for (const value of values) {
    // DuckDB reads integer columns as BIGINT, which Arrow hands over as bigint.
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) throw new Error(`${CHECKSUM_COLUMN} holds ${String(value)}, not a number`);
    sum += number;
  }
  return sum;
}
