import { float64, int16, int32, int8, type DataType } from '@uwdata/flechette';
import { fromArrow, table as columnTable, toArrowIPC, type ColumnTable } from 'arquero';
import type { ColumnInfo, MissingTokens, TableArtifact } from '../core/cells/types';
import type { CellRecord } from '../core/runtime/record';

/**
 * The loaded table as a project keeps it: columns in Arrow IPC (whole numbers in the narrowest
 * integer type that holds them, text dictionary-encoded), not the file's text, with what is needed
 * to put it back as the Load cell's output without reading the file again.
 */
export interface DatasetSnapshot {
  kind: 'columns';
  /** The file's content id, as plan stamps use it. */
  datasetId: string;
  name: string;
  /** The file's size as it was given. */
  fileBytes: number;
  /** The Load cell's record that produced the table (its stamp then): a changed Load cell reads the file again. */
  record: CellRecord;
  columns: ColumnInfo[];
  target: string | null;
  missingTokens: MissingTokens;
  arrow: Uint8Array;
}

const INTEGER_TYPES: [DataType, number, number][] = [
  [int8(), -128, 127],
  [int16(), -32768, 32767],
  [int32(), -2147483648, 2147483647],
];

/** The narrowest type that holds every number of a column exactly: most session counts fit a byte. */
function numberType(values: ArrayLike<unknown>): DataType {
  let min = 0;
  let max = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) return float64();
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return INTEGER_TYPES.find(([, low, high]) => min >= low && max <= high)?.[0] ?? float64();
}

export function snapshotTable(artifact: TableArtifact, source: Omit<DatasetSnapshot, 'kind' | 'columns' | 'target' | 'missingTokens' | 'arrow'>): DatasetSnapshot {
  const { table, columns, target, missingTokens } = artifact;
  const types: Record<string, DataType> = {};
  for (const column of columns) {
    if (column.type === 'number' || column.type === 'timestamp') types[column.name] = numberType(table.array(column.name) as ArrayLike<unknown>);
  }
  return { kind: 'columns', ...source, columns, target, missingTokens, arrow: toArrowIPC(table, { types }) };
}

/** The table as the Load cell made it: plain arrays, as a fresh read gives, so later cells see no difference. */
export function restoreTable(snapshot: DatasetSnapshot): TableArtifact {
  const arrow = fromArrow(snapshot.arrow);
  const names = arrow.columnNames();
  const data: ColumnTable = columnTable(Object.fromEntries(names.map((name) => [name, Array.from(arrow.array(name) as ArrayLike<unknown>)])), names);
  return { kind: 'table', table: data, columns: snapshot.columns, target: snapshot.target, missingTokens: snapshot.missingTokens };
}
