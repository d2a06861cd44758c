import { table, type ColumnTable } from 'arquero';
import { CellError, type ColumnInfo, type ColumnType, type DatasetFile } from '../cells/types';
import { uniqueColumnNames, type RenamedColumn } from './column-names';
import { decodeText, type Decoding, type EncodingChoice } from './decode-text';
import { readArrow } from './formats/arrow';
import { readDelimited, type RaggedRowsChoice, type SkippedRows } from './formats/delimited';
import { detectFormat, isGzip, type DataFormat } from './formats/detect-format';
import { gunzip } from './formats/gunzip';
import { readJsonLines, readJsonRecords } from './formats/json-records';
import { readParquet } from './formats/parquet';
import type { RawTable } from './formats/raw-table';
import { readValues, type CellValue } from './infer-type';
import { readAsType } from './override-type';
import type { Delimiter } from './sniff-delimiter';
import type { ReadHooks } from './stream/read-hooks';

export interface ReadOptions {
  encoding: EncodingChoice;
  raggedRows: RaggedRowsChoice;
  /** Column name → type chosen by the user over the inferred one. */
  columnTypes: Readonly<Record<string, ColumnType>>;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { encoding: 'auto', raggedRows: 'stop', columnTypes: {} };

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
}

interface Decoded {
  raw: RawTable;
  format: DataFormat;
  delimiter: Delimiter | null;
  decoding: Decoding | null;
  skipped: SkippedRows | null;
}

async function decode(bytes: Uint8Array, fileName: string, options: ReadOptions, hooks: ReadHooks): Promise<Decoded> {
  const format = detectFormat(bytes, fileName);
  const none = { delimiter: null, decoding: null, skipped: null };
  switch (format) {
    case 'parquet':
      return { raw: await readParquet(bytes, fileName), format, ...none };
    case 'arrow':
      return { raw: readArrow(bytes, fileName), format, ...none };
    case 'json':
    case 'ndjson': {
      const { text, ...decoding } = decodeText(bytes, fileName, options.encoding);
      if (text.trim() === '') throw new CellError(`${fileName} is empty (only blank space)`);
      const raw = format === 'json' ? readJsonRecords(text, fileName) : readJsonLines(text, fileName);
      return { raw, format, ...none, decoding };
    }
    case 'delimited': {
      const { delimiter, decoding, skipped, ...raw } = await readDelimited(bytes, fileName, options, hooks);
      return { raw, format, delimiter, decoding, skipped };
    }
  }
}

/**
 * Reads a CSV/TSV, JSON, JSON lines, Parquet or Arrow file, gzip-compressed or not, into a typed
 * table, or fails with a message naming what is wrong. `hooks` receive progress and stop the read on cancel.
 */
export async function readDataset(file: DatasetFile, options: ReadOptions = DEFAULT_READ_OPTIONS, hooks: ReadHooks = {}): Promise<DatasetTable> {
  if (file.bytes.length === 0) throw new CellError(`${file.name} is empty`);
  const compressed = isGzip(file.bytes);
  const bytes = compressed ? await gunzip(file.bytes, file.name) : file.bytes;
  if (bytes.length === 0) throw new CellError(`${file.name} is empty once decompressed`);
  const { raw, ...details } = await decode(bytes, file.name, options, hooks);
  if (raw.header.length === 0) throw new CellError(`${file.name} has no columns`);
  if (raw.rows === 0) throw new CellError(`${file.name} has a header but no data rows`);

  const { names, renamed } = uniqueColumnNames(raw.header);
  const chosenTypes = new Map(Object.entries(options.columnTypes));
  const data = new Map<string, CellValue[]>();
  const overrides: TypeOverride[] = [];
  const columns: ColumnInfo[] = names.map((name, index) => {
    const inferred = raw.typedColumns?.[index] ?? readValues(name, raw.columns[index]);
    const chosen = chosenTypes.get(name);
    if (chosen === undefined || chosen === inferred.type) {
      data.set(name, inferred.values);
      return { name, type: inferred.type };
    }
    const { values, unreadable } = readAsType(raw.columns[index], chosen);
    data.set(name, values);
    overrides.push({ name, inferred: inferred.type, chosen, unreadable });
    return { name, type: chosen };
  });
  const unknownOverrides = [...chosenTypes.keys()].filter((name) => !data.has(name));
  return { table: table(data, names), columns, compressed, renamed, overrides, unknownOverrides, ...details };
}
