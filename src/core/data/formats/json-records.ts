import { CellError } from '../../cells/types';
import { isRecord } from '../../is-record';
import type { SourceValue } from '../infer-type';
import type { RawTable } from './raw-table';

type JsonRecord = Record<string, unknown>;

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Columns from records, in the order their fields are first seen; a record without a field is
 * missing there. Columns live in a Map so names such as `__proto__` are plain keys.
 */
function recordsToColumns(records: readonly JsonRecord[]): RawTable {
  const columns = new Map<string, SourceValue[]>();
  records.forEach((record, row) => {
    for (const [name, value] of Object.entries(record)) {
      let column = columns.get(name);
      if (!column) {
        column = new Array<SourceValue>(records.length).fill(null);
        columns.set(name, column);
      }
      column[row] = value;
    }
  });
  return { header: [...columns.keys()], columns: [...columns.values()], rows: records.length };
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CellError(`${where} is not valid JSON (${(error as Error).message})`);
  }
}

/** A JSON array of records: `[{"a": 1, "b": "x"}, ...]`. */
export function readJsonRecords(text: string, fileName: string): RawTable {
  const value = parseJson(text, fileName);
  if (!Array.isArray(value)) {
    throw new CellError(`${fileName} holds ${describeJson(value)}, not an array of records: expected [{"column": value, ...}, ...]`);
  }
  const notRecord = value.findIndex((item) => !isRecord(item));
  if (notRecord >= 0) {
    throw new CellError(`${fileName}: item ${notRecord + 1} of the array is ${describeJson(value[notRecord])}, not a record: expected [{"column": value, ...}, ...]`);
  }
  return recordsToColumns(value as JsonRecord[]);
}

/** JSON lines: one record per line; blank lines are skipped. */
export function readJsonLines(text: string, fileName: string): RawTable {
  const records: JsonRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const value = parseJson(line, `${fileName} line ${index + 1}`);
    if (!isRecord(value)) throw new CellError(`${fileName} line ${index + 1} holds ${describeJson(value)}, not a record: expected one {"column": value, ...} per line`);
    records.push(value);
  });
  return recordsToColumns(records);
}
