import type { ColumnType } from '../../cells/types';
import { numericMeaning, parseYyyymmddCell, readColumn, type CellValue } from '../infer-type';
import type { BuiltColumn, NumericCells } from './column-builder';

export interface TypedColumn {
  type: ColumnType;
  values: CellValue[];
}

// Arrays are grown by push: `new Array(n)` for a million rows starts in V8's slow dictionary mode.
function mapPresent(values: Float64Array, convert: (value: number) => CellValue): CellValue[] {
  const mapped: CellValue[] = [];
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    mapped.push(Number.isNaN(value) ? null : convert(value));
  }
  return mapped;
}

function presentNumbers(values: Float64Array): number[] {
  const present: number[] = [];
  for (let row = 0; row < values.length; row++) if (!Number.isNaN(values[row])) present.push(values[row]);
  return present;
}

const keep = (value: number) => value;

/**
 * The type and values `readColumn` gives a column of numbers, computed from the numbers alone; null
 * where the type keeps each cell's text (identifiers, integer codes) and the text cannot be rebuilt
 * from the numbers.
 */
function typeNumbers(name: string, cells: NumericCells): TypedColumn | null {
  // A NaN/inf cell rules out dates, identifiers and codes, whose rules want every cell an integer.
  if (cells.nonFinite > 0) return { type: 'number', values: mapPresent(cells.values, keep) };
  const present = presentNumbers(cells.values);
  const allYyyymmdd = cells.eightDigits && present.every((value) => parseYyyymmddCell(String(value)) !== undefined);
  switch (numericMeaning(name, present, allYyyymmdd)) {
    case 'yyyymmdd':
      return { type: 'timestamp', values: mapPresent(cells.values, (value) => parseYyyymmddCell(String(value)) ?? null) };
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
      return readColumn(name, built.column.cells());
    case 'needs-text':
      return null;
  }
}
