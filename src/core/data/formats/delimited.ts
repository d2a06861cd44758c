import { CellError } from '../../cells/types';
import { decodeText, type Decoding, type EncodingChoice } from '../decode-text';
import { parseDelimited, type RaggedRecord } from '../parse-delimited';
import { sniffDelimiter, type Delimiter } from '../sniff-delimiter';
import type { RawTable } from './raw-table';

/** What to do with records whose field count differs from the header's. */
export type RaggedRowsChoice = 'stop' | 'skip';

export interface DelimitedOptions {
  encoding: EncodingChoice;
  raggedRows: RaggedRowsChoice;
}

export interface SkippedRows {
  count: number;
  /** The first few, by line number. */
  first: RaggedRecord[];
}

export interface DelimitedTable extends RawTable {
  delimiter: Delimiter;
  decoding: Decoding;
  skipped: SkippedRows | null;
}

const SHOWN_RAGGED_LINES = 5;

export function describeRaggedLines(records: readonly RaggedRecord[]): string {
  const lines = records.slice(0, SHOWN_RAGGED_LINES).map((record) => `${record.line} (${record.fields} field${record.fields === 1 ? '' : 's'})`);
  return `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`;
}

/** CSV, TSV, semicolon- or pipe-separated text. */
export function readDelimited(bytes: Uint8Array, fileName: string, options: DelimitedOptions): DelimitedTable {
  const { text, ...decoding } = decodeText(bytes, fileName, options.encoding);
  if (text.trim() === '') throw new CellError(`${fileName} is empty (only blank space)`);
  const delimiter = sniffDelimiter(text);
  const parsed = parseDelimited(text, delimiter);
  const ragged = parsed.ragged;
  if (ragged.length > 0 && options.raggedRows === 'stop') {
    throw new CellError(
      `${fileName}: ${ragged.length} row${ragged.length === 1 ? ' does' : 's do'} not have the header's ${parsed.header.length} fields, ` +
        `first at ${describeRaggedLines(ragged)}. Check the delimiter and quoting, or set “Rows with the wrong field count” to skip.`,
    );
  }
  return {
    header: parsed.header,
    columns: parsed.cells,
    rows: parsed.rows,
    delimiter,
    decoding,
    skipped: ragged.length > 0 ? { count: ragged.length, first: ragged.slice(0, SHOWN_RAGGED_LINES) } : null,
  };
}
