import { inferDistinctReading, numericMeaning, parseYyyymmddCell, distinctPresentCells, type CellValue, type TypedColumn } from '../infer-type';
import { MissingTokenCounts } from '../missing-tokens';
import type { BuiltColumn, NumericCells } from './column-builder';
import type { TextColumn } from './text-column';

export type { TypedColumn } from '../infer-type';

// Arrays are allocated at their final length: growing a million-row array by push copies it many times.

/** Each row's number converted, null where it is NaN. */
function mapPresent(values: Float64Array, convert: (value: number) => CellValue): CellValue[] {
  const mapped = new Array<CellValue>(values.length).fill(null);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (!Number.isNaN(value)) mapped[row] = convert(value);
  }
  return mapped;
}

/**
 * Numbers mapped to numbers, none missing. An array that holds only numbers keeps them unboxed,
 * 8 bytes each, where one holding a null or a string makes every non-integer a heap object of its
 * own. V8 also makes later arrays from the same allocation site as general as the earlier ones
 * became, so this one is never given anything but numbers.
 */
function mapAllNumbers(values: Float64Array, convert: (value: number) => number): number[] {
  const mapped = new Array<number>(values.length);
  for (let row = 0; row < values.length; row++) mapped[row] = convert(values[row]);
  return mapped;
}

function hasMissing(values: Float64Array): boolean {
  for (let row = 0; row < values.length; row++) if (Number.isNaN(values[row])) return true;
  return false;
}

/** Each row's number converted to a number, null where it is NaN. */
const mapNumbers = (values: Float64Array, missing: boolean, convert: (value: number) => number) => (missing ? mapPresent(values, convert) : mapAllNumbers(values, convert));

/** The numbers that are not NaN, unboxed (`Float64Array.filter` boxes each number it keeps on the way). */
function presentNumbers(values: Float64Array, missing: boolean): Float64Array {
  if (!missing) return values;
  let count = 0;
  for (let row = 0; row < values.length; row++) if (!Number.isNaN(values[row])) count++;
  const present = new Float64Array(count);
  let next = 0;
  for (let row = 0; row < values.length; row++) if (!Number.isNaN(values[row])) present[next++] = values[row];
  return present;
}

const keep = (value: number) => value;

/** YYYYMMDD dates as epoch ms, each distinct day parsed once: a million rows hold a few hundred days. */
function yyyymmddDays(): { has(value: number): boolean; epochMs(value: number): number } {
  const parsed = new Map<number, number | undefined>();
  const read = (value: number) => {
    if (!parsed.has(value)) parsed.set(value, parseYyyymmddCell(String(value)));
    return parsed.get(value);
  };
  // `epochMs` is only called once `has` held for every value.
  return { has: (value) => read(value) !== undefined, epochMs: (value) => read(value)! };
}

/**
 * The type and values `readColumn` gives a column of numbers, computed from the numbers alone; null
 * where the type keeps each cell's text (identifiers, integer codes) and the text cannot be rebuilt
 * from the numbers.
 */
function typeNumbers(name: string, cells: NumericCells): TypedColumn | null {
  const { values, missingTokens } = cells;
  const missing = hasMissing(values);
  const numbers = (convert: (value: number) => number) => mapNumbers(values, missing, convert);
  // A NaN/inf cell rules out dates, identifiers and codes, whose rules want every cell an integer.
  if (cells.nonFinite > 0) return { type: 'number', values: numbers(keep), missingTokens };
  const present = presentNumbers(values, missing);
  const days = yyyymmddDays();
  const allYyyymmdd = cells.eightDigits && present.every((value) => days.has(value));
  switch (numericMeaning(name, present, allYyyymmdd)) {
    case 'yyyymmdd':
      return { type: 'timestamp', values: numbers(days.epochMs), missingTokens };
    case 'unix-seconds':
      return { type: 'timestamp', values: numbers((value) => value * 1000), missingTokens };
    case 'unix-milliseconds':
      return { type: 'timestamp', values: numbers(keep), missingTokens };
    case 'identifier':
      return cells.canonical ? { type: 'identifier', values: mapPresent(values, String), missingTokens } : null;
    case 'codes':
      return cells.canonical ? { type: 'categorical', values: mapPresent(values, String), missingTokens } : null;
    case 'number':
      return { type: 'number', values: numbers(keep), missingTokens };
  }
}

/** A built column typed by the rules of `infer-type.ts`; null where its text must be read again. */
export function typeBuiltColumn(name: string, built: BuiltColumn): TypedColumn | null {
  switch (built.kind) {
    case 'missing':
      return { type: 'categorical', values: new Array<CellValue>(built.rows).fill(null), missingTokens: built.missingTokens };
    case 'numbers':
      return typeNumbers(name, built.cells);
    case 'timestamps':
      return { type: 'timestamp', values: mapNumbers(built.values, hasMissing(built.values), keep), missingTokens: built.missingTokens };
    case 'text':
      return typeTextColumn(name, built.column);
    case 'needs-text':
      return null;
  }
}

/** The same as `readColumn`, with each rule and each parse run once per distinct text. */
export function typeTextColumn(name: string, column: TextColumn): TypedColumn {
  const { texts } = column;
  const counts = column.codeCounts();
  const { type, parse } = inferDistinctReading(name, distinctPresentCells(texts, counts));
  const perText = texts.map(parse);
  const missing = new MissingTokenCounts();
  perText.forEach((value, code) => {
    if (value === null) missing.add(texts[code], counts[code]);
  });
  return { type, values: column.rowsOf(perText), missingTokens: missing.counts };
}
