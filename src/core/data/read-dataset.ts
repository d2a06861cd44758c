import { table, type ColumnTable } from 'arquero';
import { CellError, datasetBlob, type ColumnInfo, type ColumnType, type DatasetFile, type MissingTokens } from '../cells/types';
import { uniqueColumnNames, type RenamedColumn } from './column-names';
import { decodeText, type Decoding, type EncodingChoice } from './decode-text';
import { byteChunks, headBytes, wholeBytes } from './blob-reader';
import { readArrow } from './formats/arrow';
import { CHUNK_BYTES, readDelimited, type RaggedRowsChoice, type SkippedRows } from './formats/delimited';
import { detectFormat, isGzip, type DataFormat } from './formats/detect-format';
import { readJsonLines, readJsonRecords } from './formats/json-records';
import { readParquet } from './formats/parquet';
import type { RawTable } from './formats/raw-table';
import { readValues, type CellValue } from './infer-type';
import { readAsType } from './override-type';
import { ALL_ROWS, keptRows, type RowSelection } from './row-selection';
import type { Delimiter } from './sniff-delimiter';
import type { ReadHooks } from './stream/read-hooks';

export interface ReadOptions {
  encoding: EncodingChoice;
  raggedRows: RaggedRowsChoice;
  /** Column name → type chosen by the user over the inferred one. */
  columnTypes: Readonly<Record<string, ColumnType>>;
  rows: RowSelection;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { encoding: 'auto', raggedRows: 'stop', columnTypes: {}, rows: ALL_ROWS };

/** How many of the file's rows the table holds. */
export interface RowsRead {
  kept: number;
  /** Well-formed rows the file holds; null when the read stopped once it had the first N. */
  inFile: number | null;
}

export interface TypeOverride {
  name: string;
  inferred: ColumnType;
  chosen: ColumnType;
  /** Present values that could not be read as the chosen type and became missing. */
  unreadable: number;
}

export interface DatasetTable {
  table: ColumnTable;
  columns: ColumnInfo[];
  format: DataFormat;
  compressed: boolean;
  /** For delimited text only. */
  delimiter: Delimiter | null;
  /** For text formats only. */
  decoding: Decoding | null;
  skipped: SkippedRows | null;
  renamed: RenamedColumn[];
  overrides: TypeOverride[];
  /** Overrides naming a column the file does not have. */
  unknownOverrides: string[];
  rowsRead: RowsRead;
  /** Per column, the texts read as missing: blanks, `NA` and the like, values unreadable as a chosen type. */
  missingTokens: MissingTokens;
}

interface Decoded {
  raw: RawTable;
  format: DataFormat;
  delimiter: Delimiter | null;
  decoding: Decoding | null;
  skipped: SkippedRows | null;
  rowsRead: RowsRead;
}

/** Enough of the content to tell its format, refuse a binary file and preview the first rows. */
const HEAD_BYTES = 64 << 10;

/** The rows a selection keeps of a table decoded whole (Parquet, Arrow, JSON). */
function selectRows(raw: RawTable, selection: RowSelection): { raw: RawTable; rowsRead: RowsRead } {
  const kept = keptRows(raw.rows, selection);
  if (!kept) return { raw, rowsRead: { kept: raw.rows, inFile: raw.rows } };
  const pick = <T>(values: readonly T[]) => (values.length === 0 ? [] : Array.from(kept, (row) => values[row]));
  return {
    raw: {
      header: raw.header,
      columns: raw.columns.map(pick),
      rows: kept.length,
      typedColumns: raw.typedColumns?.map((column) => column && { ...column, values: pick(column.values) }),
    },
    rowsRead: { kept: kept.length, inFile: raw.rows },
  };
}

async function decode(file: DatasetFile, options: ReadOptions, hooks: ReadHooks): Promise<Decoded & { compressed: boolean }> {
  const { name } = file;
  const blob = datasetBlob(file);
  if (blob.size === 0) throw new CellError(`${name} is empty`);
  const compressed = isGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer()));
  const head = await headBytes(blob, compressed, name, HEAD_BYTES);
  if (head.length === 0) throw new CellError(`${name} is empty once decompressed`);
  const format = detectFormat(head, name);
  const none = { delimiter: null, decoding: null, skipped: null, compressed };
  const whole = () => wholeBytes(blob, compressed, name);
  switch (format) {
    case 'parquet':
      return { ...selectRows(await readParquet(await whole(), name), options.rows), format, ...none };
    case 'arrow':
      return { ...selectRows(readArrow(await whole(), name), options.rows), format, ...none };
    case 'json':
    case 'ndjson': {
      const { text, ...decoding } = decodeText(await whole(), name, options.encoding);
      if (text.trim() === '') throw new CellError(`${name} is empty (only blank space)`);
      const raw = format === 'json' ? readJsonRecords(text, name) : readJsonLines(text, name);
      return { ...selectRows(raw, options.rows), format, ...none, decoding };
    }
    case 'delimited': {
      const source = { fileName: name, storedBytes: blob.size, head, chunks: () => byteChunks(blob, compressed, name, CHUNK_BYTES), whole };
      const { delimiter, decoding, skipped, seenRows, stoppedEarly, ...raw } = await readDelimited(source, options, hooks);
      return { raw, format, delimiter, decoding, skipped, compressed, rowsRead: { kept: raw.rows, inFile: stoppedEarly ? null : seenRows } };
    }
  }
}

/**
 * Reads a CSV/TSV, JSON, JSON lines, Parquet or Arrow file, gzip-compressed or not, into a typed
 * table, or fails with a message naming what is wrong. Delimited text is read from the file in
 * slices, never whole. `hooks` receive progress and stop the read on cancel.
 */
export async function readDataset(file: DatasetFile, options: ReadOptions = DEFAULT_READ_OPTIONS, hooks: ReadHooks = {}): Promise<DatasetTable> {
  const { raw, ...details } = await decode(file, options, hooks);
  if (raw.header.length === 0) throw new CellError(`${file.name} has no columns`);
  if (raw.rows === 0) {
    throw new CellError(details.rowsRead.inFile === 0 || details.rowsRead.kept === details.rowsRead.inFile ? `${file.name} has a header but no data rows` : `The row selection kept none of ${file.name}'s rows`);
  }

  const { names, renamed } = uniqueColumnNames(raw.header);
  const chosenTypes = new Map(Object.entries(options.columnTypes));
  const data = new Map<string, CellValue[]>();
  const overrides: TypeOverride[] = [];
  const missingTokens: MissingTokens = {};
  const read = (name: string, type: ColumnType, values: CellValue[], tokens: Record<string, number>): ColumnInfo => {
    data.set(name, values);
    if (Object.keys(tokens).length > 0) missingTokens[name] = tokens;
    return { name, type };
  };
  const columns: ColumnInfo[] = names.map((name, index) => {
    const inferred = raw.typedColumns?.[index] ?? readValues(name, raw.columns[index]);
    const chosen = chosenTypes.get(name);
    if (chosen === undefined || chosen === inferred.type) return read(name, inferred.type, inferred.values, inferred.missingTokens);
    const overridden = readAsType(raw.columns[index], chosen);
    overrides.push({ name, inferred: inferred.type, chosen, unreadable: overridden.unreadable });
    return read(name, chosen, overridden.values, overridden.missingTokens);
  });
  const unknownOverrides = [...chosenTypes.keys()].filter((name) => !data.has(name));
  return { table: table(data, names), columns, renamed, overrides, unknownOverrides, missingTokens, ...details };
}
