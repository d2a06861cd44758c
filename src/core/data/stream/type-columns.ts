import type { ColumnType } from '../../cells/types';
import { inferDistinctReading, numericMeaning, parseYyyymmddCell, type CellValue } from '../infer-type';
import type { BuiltColumn, NumericCells } from './column-builder';
import type { TextColumn } from './text-column';

export interface TypedColumn {
  type: ColumnType;
  values: CellValue[];
}

// Arrays are allocated at their final length: growing a million-row array by push copies it many times.
function mapPresent(values: Float64Array, convert: (value: number) => CellValue): CellValue[] {
  const mapped = new Array<CellValue>(values.length).fill(null);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (!Number.isNaN(value)) mapped[row] = convert(value);
  }
  return mapped;
}

function presentNumbers(values: Float64Array): number[] {
  let count = 0;
  for (let row = 0; row < values.length; row++) if (!Number.isNaN(values[row])) count++;
  const present = new Array<number>(count);
  let next = 0;
  for (let row = 0; row < values.length; row++) if (!Number.isNaN(values[row])) present[next++] = values[row];
  return present;
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
  // A NaN/inf cell rules out dates, identifiers and codes, whose rules want every cell an integer.
  if (cells.nonFinite > 0) return { type: 'number', values: mapPresent(cells.values, keep) };
  const present = presentNumbers(cells.values);
  const readYyyymmdd = yyyymmddReader();
  const allYyyymmdd = cells.eightDigits && present.every((value) => readYyyymmdd(value) !== undefined);
  switch (numericMeaning(name, present, allYyyymmdd)) {
    case 'yyyymmdd':
      return { type: 'timestamp', values: mapPresent(cells.values, (value) => readYyyymmdd(value) ?? null) };
    case 'unix-seconds':
      return { type: 'timestamp', values: mapPresent(cells.values, (value) => value * 1000) };
    case 'unix-milliseconds':
      return { type: 'timestamp', values: mapPresent(cells.values, keep) };
    case 'identifier':
      return cells.canonical ? { type: 'identifier', values: mapPresent(cells.values, String) } : null;
    case 'codes':
      return cells.canonical ? { type: 'categorical', values: mapPresent(cells.values, String) } : null;
    case 'number':
      return { type: 'number', values: mapPresent(cells.values, keep) };
  }
}

/** A built column typed by the rules of `infer-type.ts`; null where its text must be read again. */
export function typeBuiltColumn(name: string, built: BuiltColumn): TypedColumn | null {
  switch (built.kind) {
    case 'missing':
      return { type: 'categorical', values: new Array<CellValue>(built.rows).fill(null) };
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
  const { type, parse } = inferDistinctReading(name, column.distinctCells());
  return { type, values: column.mapDistinct(parse) };
}
