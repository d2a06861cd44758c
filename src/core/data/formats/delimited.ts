import { CellError, type ColumnType, type ProgressUpdate } from '../../cells/types';
import type { ByteChunk } from '../blob-reader';
import { uniqueColumnNames } from '../column-names';
import { decodeText, type DecodedText, type Decoding, type EncodingChoice } from '../decode-text';
import { parseDelimited, type RaggedRecord } from '../parse-delimited';
import { RowFilter, type RowSelection } from '../row-selection';
import { sniffDelimiter, type Delimiter } from '../sniff-delimiter';
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
  rows: RowSelection;
}

/** A delimited file's content, read in pieces. */
export interface DelimitedSource {
  fileName: string;
  /** The file's size as stored (compressed for gzip), for progress. */
  storedBytes: number;
  /** The content's first bytes, inflated: enough to refuse a binary file and show a preview. */
  head: Uint8Array;
  chunks(): AsyncIterable<ByteChunk>;
  whole(): Promise<Uint8Array>;
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
  /** Well-formed rows read, kept or not; with `stoppedEarly`, the file holds more. */
  seenRows: number;
  stoppedEarly: boolean;
}

const SHOWN_RAGGED_LINES = 5;

export function describeRaggedLines(records: readonly RaggedRecord[]): string {
  const lines = records.slice(0, SHOWN_RAGGED_LINES).map((record) => `${record.line} (${record.fields} field${record.fields === 1 ? '' : 's'})`);
  return `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`;
}

/** Bytes decoded and parsed per slice: big enough that per-chunk work is noise, small enough to report often. */
export const CHUNK_BYTES = 8 << 20;
/** Rows shown while the rest of the file is still being read. */
const PREVIEW_ROWS = 20;

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The first rows of the file's head, row-major, so the page can show them before the whole file is read. */
function previewOf(head: Uint8Array, options: DelimitedOptions): ProgressUpdate['preview'] {
  const text = new TextDecoder(options.encoding === 'latin-1' ? 'windows-1252' : 'utf-8').decode(head);
  // The head ends mid-record; only complete lines are shown.
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete === '') return undefined;
  const { header, cells, rows } = parseDelimited(complete, sniffDelimiter(complete));
  const shown = Math.min(PREVIEW_ROWS, rows);
  return { header, rows: Array.from({ length: shown }, (_, row) => cells.map((column) => column[row])) };
}

/**
 * CSV, TSV, semicolon- or pipe-separated text, read in chunks straight into typed columns.
 * UTF-8 is split into records a piece at a time as bytes, with only the texts kept decoded; a
 * file that is not valid UTF-8 (or is UTF-16, or is read as Latin-1 by choice) is decoded whole
 * by `decodeText` and read from that text, encoded back to UTF-8, the same way.
 */
export async function readDelimited(source: DelimitedSource, options: DelimitedOptions, hooks: ReadHooks = {}): Promise<DelimitedTable> {
  const { fileName, head } = source;
  const textColumnNames = new Set(Object.keys(options.columnTypes));
  const streamOptions: StreamOptions = {
    fileName,
    totalBytes: source.storedBytes,
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
    rows: new RowFilter(options.rows),
  };
  const readText = async (decoded: DecodedText) => {
    const { text, ...decoding } = decoded;
    return { streamed: await readDelimitedStream(() => textChunks(text, source.storedBytes, CHUNK_BYTES), streamOptions, hooks), decoding };
  };
  let read: { streamed: StreamedTable; decoding: Decoding };
  if (options.encoding === 'latin-1' || hasUtf16Bom(head)) {
    read = await readText(decodeText(await source.whole(), fileName, options.encoding));
  } else {
    // Refuses binary files from their first bytes, before any parsing.
    decodeText(head, fileName, 'auto');
    hooks.progress?.({ fraction: 0, message: `Reading ${fileName}…`, preview: previewOf(head, options) });
    try {
      read = { streamed: await readDelimitedStream(() => utf8Chunks(source.chunks()), streamOptions, hooks), decoding: { encoding: 'utf-8', replaced: 0 } };
    } catch (error) {
      if (!(error instanceof InvalidUtf8)) throw error;
      read = await readText(decodeText(await source.whole(), fileName, options.encoding));
    }
  }
  const { streamed, decoding } = read;
  return {
    header: streamed.header,
    columns: streamed.columns.map((column) => ('text' in column ? column.text : [])),
    typedColumns: streamed.columns.map((column) => ('typed' in column ? column.typed : null)),
    rows: streamed.rows,
    seenRows: streamed.seenRows,
    stoppedEarly: streamed.stoppedEarly,
    delimiter: streamed.delimiter,
    decoding,
    skipped: streamed.raggedCount > 0 ? { count: streamed.raggedCount, first: streamed.ragged.slice(0, SHOWN_RAGGED_LINES) } : null,
  };
}
