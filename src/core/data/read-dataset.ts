import { table, type ColumnTable } from 'arquero';
import { CellError, type ColumnInfo, type DatasetFile } from '../cells/types';
import { uniqueColumnNames, type RenamedColumn } from './column-names';
import { decodeText } from './decode-text';
import { parseDelimited } from './parse-delimited';
import { readColumn } from './infer-type';
import { sniffDelimiter, type Delimiter } from './sniff-delimiter';

export interface DatasetTable {
  table: ColumnTable;
  columns: ColumnInfo[];
  delimiter: Delimiter;
  renamed: RenamedColumn[];
}

const SHOWN_RAGGED_LINES = 5;

/** Reads a CSV/TSV file into a typed table, or fails with a message naming what is wrong. */
export function readDataset(file: DatasetFile): DatasetTable {
  if (file.bytes.length === 0) throw new CellError(`${file.name} is empty`);
  const text = decodeText(file.bytes, file.name);
  if (text.trim() === '') throw new CellError(`${file.name} is empty (only blank space)`);
  const delimiter = sniffDelimiter(text);
  const parsed = parseDelimited(text, delimiter);
  if (parsed.ragged.length > 0) {
    const lines = parsed.ragged.slice(0, SHOWN_RAGGED_LINES).map((record) => `${record.line} (${record.fields} fields)`);
    throw new CellError(
      `${file.name}: ${parsed.ragged.length} row${parsed.ragged.length === 1 ? '' : 's'} do not have the header's ${parsed.header.length} fields, ` +
        `first at line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}. Check the delimiter and quoting.`,
    );
  }
  if (parsed.rows === 0) throw new CellError(`${file.name} has a header but no data rows`);
  const { names, renamed } = uniqueColumnNames(parsed.header);
  const data: Record<string, unknown[]> = {};
  const columns: ColumnInfo[] = names.map((name, index) => {
    const { type, values } = readColumn(name, parsed.cells[index]);
    data[name] = values;
    return { name, type };
  });
  return { table: table(data, names), columns, delimiter, renamed };
}
