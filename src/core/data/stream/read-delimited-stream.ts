import { CellError } from '../../cells/types';
import type { ByteChunk } from '../blob-reader';
import type { RaggedRecord } from '../parse-delimited';
import { estimateRows, type RowFilter, type RowSelection } from '../row-selection';
import { sniffDelimiter, type Delimiter } from '../sniff-delimiter';
import { ColumnBuilder, TextSink, type FieldSink } from './column-builder';
import { DelimitedRecords } from './delimited-records';
import { reportRead, type ReadHooks } from './read-hooks';
import { typeBuiltColumn, typeTextColumn, type TypedColumn } from './type-columns';

/** A column as the reader hands it over: typed, or its raw cells where the caller asked for text. */
export type StreamedColumn = { typed: TypedColumn } | { text: string[] };

export interface StreamedTable {
  header: string[];
  columns: StreamedColumn[];
  /** Rows kept (a row filter may keep fewer than the file holds). */
  rows: number;
  /** Well-formed rows read, kept or not. */
  seenRows: number;
  /** True when the read stopped before the end of the file because the row filter had enough. */
  stoppedEarly: boolean;
  delimiter: Delimiter;
  raggedCount: number;
  /** The first few ragged records, by line. */
  ragged: RaggedRecord[];
}

export interface StreamOptions {
  fileName: string;
  totalBytes: number;
  /** Columns (by position) to hand over as raw text rather than typed, e.g. those the user re-types. */
  textColumns(header: readonly string[]): ReadonlySet<number>;
  /** Called once all records are read, before types are inferred; may throw to stop the read. */
  onRecordsRead?(records: DelimitedRecords): void;
  /** Keeps some rows only (the first N, a sample); every pass keeps the same ones. */
  rows?: RowFilter;
}

/** The file as pieces of UTF-8 without a byte-order mark: `utf8Chunks` or `textChunks`. */
type ChunkSource = () => AsyncIterable<ByteChunk> | Iterable<ByteChunk>;

function iterate(chunks: ChunkSource): AsyncIterator<ByteChunk> | Iterator<ByteChunk> {
  const source = chunks();
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

/** Room over the estimated rows, so that columns sized from a close estimate never grow. */
const ROWS_MARGIN = 1.05;

/** The rows a pass will likely keep of a file estimated to hold `fileRows`. */
function expectedKeptRows(fileRows: number, selection: RowSelection | undefined): number {
  const rows = Math.ceil(fileRows * ROWS_MARGIN);
  if (selection === undefined || selection.mode === 'all') return rows;
  if (selection.mode === 'first') return Math.min(rows, selection.count);
  // A sample keeps about its count: a few more rows or a few fewer.
  return Math.min(rows, Math.ceil(('share' in selection ? fileRows * selection.share : selection.count) * ROWS_MARGIN));
}

/**
 * One pass over the chunks, the delimiter sniffed from the first; stops early once the row filter
 * has enough. `sinksFor` is also told how many rows the pass will likely keep, estimated from the first chunk.
 */
async function readRecords(
  chunks: ChunkSource,
  options: StreamOptions,
  hooks: ReadHooks,
  pass: string,
  sinksFor: (header: string[], expectedRows: number) => (FieldSink | null)[],
): Promise<{ records: DelimitedRecords; delimiter: Delimiter; stoppedEarly: boolean }> {
  let records: DelimitedRecords | null = null;
  let delimiter: Delimiter = ',';
  let blank = true;
  let stoppedEarly = false;
  // Only the first piece, and the pieces after it while all are blank, are decoded: to sniff the
  // delimiter and to tell a file of blank space.
  const sniffing = new TextDecoder();
  const source = iterate(chunks);
  let next = await source.next();
  while (!next.done) {
    const { bytes, bytesRead } = next.value;
    next = await source.next();
    const text: string = blank ? sniffing.decode(bytes, { stream: true }) : '';
    blank &&= text.trim() === '';
    if (records === null) {
      delimiter = sniffDelimiter(text);
      const fileRows = estimateRows(text, bytesRead, options.totalBytes);
      options.rows?.expect(fileRows);
      const expectedRows = expectedKeptRows(fileRows, options.rows?.selection);
      records = new DelimitedRecords(delimiter, (header) => sinksFor(header, expectedRows), options.rows?.keep);
    }
    records.push(bytes, next.done === true);
    await reportRead(hooks, bytesRead, options.totalBytes, records.rows, pass);
    if (!next.done && options.rows?.enough(records.seenRows)) {
      records.checkKeptBytes();
      stoppedEarly = true;
      await source.return?.();
      break;
    }
  }
  if (records === null || blank) throw new CellError(`${options.fileName} is empty (only blank space)`);
  return { records, delimiter, stoppedEarly };
}

/**
 * Reads delimited text chunk by chunk into typed columns: numbers go straight into typed arrays
 * and text is dictionary-encoded, so neither the file's text nor a string per cell is kept. A
 * column that starts as numbers and later holds text (a junk token deep in the file), or that
 * must be handed over as text, is read again in a second pass over the chunks for those columns only.
 */
export async function readDelimitedStream(chunks: ChunkSource, options: StreamOptions, hooks: ReadHooks = {}): Promise<StreamedTable> {
  const firstSinks: (ColumnBuilder | TextSink)[] = [];
  const { records, delimiter, stoppedEarly } = await readRecords(chunks, options, hooks, 'Read', (header, expectedRows) => {
    const textColumns = options.textColumns(header);
    for (let index = 0; index < header.length; index++) firstSinks.push(textColumns.has(index) ? new TextSink(expectedRows) : new ColumnBuilder(expectedRows));
    return firstSinks;
  });
  options.onRecordsRead?.(records);
  const header = records.header ?? [];
  const columns = firstSinks.map((sink, index): StreamedColumn | null => {
    if (sink instanceof TextSink) return { text: sink.column.cells() };
    const typed = typeBuiltColumn(header[index], sink.build());
    return typed === null ? null : { typed };
  });
  if (columns.includes(null)) {
    const rereadSinks = columns.map((column) => (column === null ? new TextSink(records.rows) : null));
    const reread = rereadSinks.filter((sink) => sink !== null).length;
    // Progress starts again from the top of the file, and says why.
    await readRecords(chunks, options, hooks, `Reading ${reread} column${reread === 1 ? '' : 's'} again as text (a value deep in the file is not a number):`, () => rereadSinks);
    rereadSinks.forEach((sink, index) => {
      if (sink !== null) columns[index] = { typed: typeTextColumn(header[index], sink.column) };
    });
  }
  return {
    header,
    columns: columns as StreamedColumn[],
    rows: records.rows,
    seenRows: records.seenRows,
    stoppedEarly,
    delimiter,
    raggedCount: records.raggedCount,
    ragged: records.ragged,
  };
}
