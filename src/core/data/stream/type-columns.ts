import { inferDistinctReading, numericMeaning, parseYyyymmddCell, distinctPresentCells, type CellValue, type TypedColumn } from '../infer-type';
import { MissingTokenCounts } from '../missing-tokens';
import type { BuiltColumn, NumericCells } from './column-builder';
import type { TextColumn } from './text-column';

export type { TypedColumn } from '../infer-type';

/**
 * Each row's number converted, null where it is NaN. The array is allocated at its final length
 * (growing a million-row array by push copies it many times) and left to V8 to type: while it
 * holds numbers only they stay unboxed, 8 bytes each; the first null turns every non-integer into
 * a heap object of its own, so a column without missing cells never pays for that.
 */
function mapPresent(values: Float64Array, convert: (value: number) => CellValue): CellValue[] {
  const mapped = new Array<CellValue>(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    mapped[row] = Number.isNaN(value) ? null : convert(value);
  }
  return mapped;
}

/** The numbers that are not NaN, unboxed. */
function presentNumbers(values: Float64Array): Float64Array {
  for (let row = 0; row < values.length; row++) if (Number.isNaN(values[row])) return values.filter((value) => !Number.isNaN(value));
  return values;
}

const keep = (value: number) => value;

/** YYYYMMDD dates as epoch ms, each distinct day parsed once: a million rows hold a few hundred days. */
function yyyymmddReader(): (value: number) => number | undefined {
  const parsed = new Map<number, number | undefined>();
  return (value) => {
    if (!parsed.has(value)) parsed.set(value, parseYyyymmddCell(String(value)));
    return parsed.get(value);
  };
}

/**
 * The type and values `readColumn` gives a column of numbers, computed from the numbers alone; null
 * where the type keeps each cell's text (identifiers, integer codes) and the text cannot be rebuilt
 * from the numbers.
 */
function typeNumbers(name: string, cells: NumericCells): TypedColumn | null {
  const { missingTokens } = cells;
  // A NaN/inf cell rules out dates, identifiers and codes, whose rules want every cell an integer.
  if (cells.nonFinite > 0) return { type: 'number', values: mapPresent(cells.values, keep), missingTokens };
  const present = presentNumbers(cells.values);
  const readYyyymmdd = yyyymmddReader();
  const allYyyymmdd = cells.eightDigits && present.every((value) => readYyyymmdd(value) !== undefined);
  switch (numericMeaning(name, present, allYyyymmdd)) {
    case 'yyyymmdd':
      return { type: 'timestamp', values: mapPresent(cells.values, (value) => readYyyymmdd(value) ?? null), missingTokens };
    case 'unix-seconds':
      return { type: 'timestamp', values: mapPresent(cells.values, (value) => value * 1000), missingTokens };
    case 'unix-milliseconds':
      return { type: 'timestamp', values: mapPresent(cells.values, keep), missingTokens };
    case 'identifier':
      return cells.canonical ? { type: 'identifier', values: mapPresent(cells.values, String), missingTokens } : null;
    case 'codes':
      return cells.canonical ? { type: 'categorical', values: mapPresent(cells.values, String), missingTokens } : null;
    case 'number':
      return { type: 'number', values: mapPresent(cells.values, keep), missingTokens };
  }
}

/** A built column typed by the rules of `infer-type.ts`; null where its text must be read again. */
export function typeBuiltColumn(name: string, built: BuiltColumn): TypedColumn | null {
  switch (built.kind) {
    case 'missing':
      return { type: 'categorical', values: new Array<CellValue>(built.rows).fill(null), missingTokens: built.missingTokens };
    case 'numbers':
      return typeNumbers(name, built.cells);
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
