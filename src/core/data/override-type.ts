import type { ColumnType } from '../cells/types';
import { missingTokensOf, parseBooleanCell, parseIsoCell, parseNumberCell, parseYyyymmddCell, sourceText, type CellValue, type SourceValue } from './infer-type';

export const COLUMN_TYPES: readonly ColumnType[] = ['number', 'boolean', 'timestamp', 'categorical', 'text', 'identifier'];

export interface OverriddenColumn {
  values: CellValue[];
  /** Present values that could not be read as the chosen type; they become missing. */
  unreadable: number;
  /** Per text, the values that became missing, the unreadable ones included (see `missingTokenOf`). */
  missingTokens: Record<string, number>;
}

const UNIX_SECONDS_MAX = Date.UTC(2100, 0, 1) / 1000;

/** A present value as `type`, or undefined when it cannot be one. Long digit strings count as numbers here: the user asked. */
function convert(value: SourceValue, type: ColumnType): CellValue | undefined {
  if (type === 'categorical' || type === 'text' || type === 'identifier') return sourceText(value);
  if (type === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'bigint') return Number(value);
    const text = sourceText(value).trim();
    const number = parseNumberCell(text) ?? Number(text);
    return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const text = sourceText(value).trim();
    if (text === '0' || text === '1') return text === '1';
    return parseBooleanCell(text);
  }
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  const text = sourceText(value).trim();
  const date = parseIsoCell(text) ?? parseYyyymmddCell(text);
  if (date !== undefined) return date;
  // A bare number is unix seconds when it is small enough to be, else milliseconds.
  const number = typeof value === 'number' ? value : parseNumberCell(text);
  if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
  return Math.abs(number) <= UNIX_SECONDS_MAX ? number * 1000 : number;
}

/** Reads a column's source values as the type the user chose instead of the inferred one. */
export function readAsType(values: readonly SourceValue[], type: ColumnType): OverriddenColumn {
  let unreadable = 0;
  const converted = values.map((value) => {
    if (value === null || value === undefined || sourceText(value).trim() === '') return null;
    const result = convert(value, type);
    if (result === undefined || result === null) {
      unreadable++;
      return null;
    }
    return result;
  });
  return { values: converted, unreadable, missingTokens: missingTokensOf(values, converted) };
}
