import { CellError, type ColumnType } from '../../cells/types';
import { uniqueColumnNames } from '../column-names';
import { decodeText, type DecodedText, type Decoding, type EncodingChoice } from '../decode-text';
import type { RaggedRecord } from '../parse-delimited';
import type { Delimiter } from '../sniff-delimiter';
import type { ReadHooks } from '../stream/read-hooks';
import { readDelimitedStream, type StreamedTable, type StreamOptions } from '../stream/read-delimited-stream';
import { InvalidUtf8, textChunks, utf8Chunks } from '../stream/text-chunks';
import type { RawTable } from './raw-table';

/** What to do with records whose field count differs from the header's. */
export type RaggedRowsChoice = 'stop' | 'skip';

export interface DelimitedOptions {
  encoding: EncodingChoice;
  raggedRows: RaggedRowsChoice;
  /** Column name → type the user chose; those columns are handed over as text. */
  columnTypes: Readonly<Record<string, ColumnType>>;
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

/** Bytes decoded and parsed per slice: big enough that per-chunk work is noise, small enough to report often. */
const CHUNK_BYTES = 8 << 20;
/** Enough of the head to tell text from binary. */
const SNIFF_BYTES = 4096;

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * CSV, TSV, semicolon- or pipe-separated text, read in chunks straight into typed columns.
 * UTF-8 is decoded a slice at a time; a file that is not valid UTF-8 (or is UTF-16, or is read as
 * Latin-1 by choice) is decoded whole by `decodeText` and read from that text the same way.
 */
export async function readDelimited(bytes: Uint8Array, fileName: string, options: DelimitedOptions, hooks: ReadHooks = {}): Promise<DelimitedTable> {
  const textColumnNames = new Set(Object.keys(options.columnTypes));
  const streamOptions: StreamOptions = {
    fileName,
    totalBytes: bytes.length,
    // Columns the user re-types are read from their text, as the other formats' are.
    textColumns: (header) => new Set(uniqueColumnNames(header).names.flatMap((name, index) => (textColumnNames.has(name) ? [index] : []))),
    onRecordsRead(records) {
      if (records.raggedCount > 0 && options.raggedRows === 'stop') {
        const count = records.raggedCount;
        throw new CellError(
          `${fileName}: ${count} row${count === 1 ? ' does' : 's do'} not have the header's ${records.header?.length ?? 0} fields, ` +
            `first at ${describeRaggedLines(records.ragged)}. Check the delimiter and quoting, or set “Rows with the wrong field count” to skip.`,
        );
      }
    },
  };
  const readText = async (decoded: DecodedText) => {
    const { text, ...decoding } = decoded;
    return { streamed: await readDelimitedStream(() => textChunks(text, bytes.length, CHUNK_BYTES), streamOptions, hooks), decoding };
  };
  let read: { streamed: StreamedTable; decoding: Decoding };
  if (options.encoding === 'latin-1' || hasUtf16Bom(bytes)) {
    read = await readText(decodeText(bytes, fileName, options.encoding));
  } else {
    // Refuses binary files from their first bytes, before any parsing.
    decodeText(bytes.subarray(0, SNIFF_BYTES), fileName, 'auto');
    try {
      read = { streamed: await readDelimitedStream(() => utf8Chunks(bytes, CHUNK_BYTES), streamOptions, hooks), decoding: { encoding: 'utf-8', replaced: 0 } };
    } catch (error) {
      if (!(error instanceof InvalidUtf8)) throw error;
      read = await readText(decodeText(bytes, fileName, options.encoding));
    }
  }
  const { streamed, decoding } = read;
  return {
    header: streamed.header,
    columns: streamed.columns.map((column) => ('text' in column ? column.text : [])),
    typedColumns: streamed.columns.map((column) => ('typed' in column ? column.typed : null)),
    rows: streamed.rows,
    delimiter: streamed.delimiter,
    decoding,
    skipped: streamed.raggedCount > 0 ? { count: streamed.raggedCount, first: streamed.ragged.slice(0, SHOWN_RAGGED_LINES) } : null,
  };
}
