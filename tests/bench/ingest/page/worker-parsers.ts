import { loadCSV } from 'arquero';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { readDataset } from '../../../../src/core/data/read-dataset';
import { checksumOf } from './checksum';
import { CHECKSUM_COLUMN, type ParsedColumns, type WorkerParserName } from './protocol';

/** Rows udsv looks at to guess each column's type (its default of 10 misses columns blank at the top). */
const UDSV_SCHEMA_ROWS = 1000;

/** Each candidate, run inside a worker on the dropped file, ending with columns (or rows) in JS. */
export const workerParsers: Record<WorkerParserName, (file: File) => Promise<ParsedColumns>> = {
  /** The Load cell's reader, as the kernel worker runs it: the File read a slice at a time, a typed arquero table out. */
  async workbench(file) {
    const { table } = await readDataset({ name: file.name, blob: file });
    return { rows: table.numRows(), columns: table.numCols(), checksum: checksumOf(table.array(CHECKSUM_COLUMN) as Iterable<unknown>) };
  },

  /** arquero's own loader, streaming the file through its object URL. */
  async arquero(file) {
    const url = URL.createObjectURL(file);
    try {
      const table = await loadCSV(url);
      return { rows: table.numRows(), columns: table.numCols(), checksum: checksumOf(table.array(CHECKSUM_COLUMN) as Iterable<unknown>) };
    } finally {
      URL.revokeObjectURL(url);
    }
  },

  /** papaparse reading the file in chunks, typed values gathered into one array per column. */
  papaparse(file) {
    return new Promise((resolve, reject) => {
      let header: string[] | null = null;
      let columns: unknown[][] = [];
      Papa.parse<unknown[]>(file, {
        dynamicTyping: true,
        skipEmptyLines: true,
        chunk({ data }) {
          let start = 0;
          if (header === null) {
            header = data[0].map(String);
            columns = header.map(() => []);
            start = 1;
          }
          for (let row = start; row < data.length; row++) {
            const record = data[row];
            for (let column = 0; column < columns.length; column++) columns[column].push(record[column]);
          }
        },
        complete() {
          if (header === null) return reject(new Error('papaparse read no rows'));
          resolve({ rows: columns[0].length, columns: header.length, checksum: checksumOf(columns[header.indexOf(CHECKSUM_COLUMN)]) });
        },
        error: reject,
      });
    });
  },

  /** udsv on the whole text: a schema guessed from the first rows, then typed columns. */
  async udsv(file) {
    const text = await file.text();
    const schema = inferSchema(text, {}, UDSV_SCHEMA_ROWS);
    const columns = initParser(schema).typedCols<unknown[][]>(text);
    const names = schema.cols.map((column) => column.name);
    return { rows: columns[0].length, columns: names.length, checksum: checksumOf(columns[names.indexOf(CHECKSUM_COLUMN)]) };
  },
};
