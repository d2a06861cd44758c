import { CellError } from '../../cells/types';
import type { RaggedRecord } from '../parse-delimited';
import { sniffDelimiter, type Delimiter } from '../sniff-delimiter';
import { ColumnBuilder, TextSink, type FieldSink } from './column-builder';
import { DelimitedRecords } from './delimited-records';
import { reportRead, type ReadHooks } from './read-hooks';
import type { TextChunk } from './text-chunks';
import { typeBuiltColumn, typeTextColumn, type TypedColumn } from './type-columns';

/** A column as the reader hands it over: typed, or its raw cells where the caller asked for text. */
export type StreamedColumn = { typed: TypedColumn } | { text: string[] };

export interface StreamedTable {
  header: string[];
  columns: StreamedColumn[];
  rows: number;
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
}

/** One pass over the chunks, the delimiter sniffed from the first. */
async function readRecords(
  chunks: () => Iterable<TextChunk>,
  options: StreamOptions,
  hooks: ReadHooks,
  sinksFor: (header: string[]) => (FieldSink | null)[],
): Promise<{ records: DelimitedRecords; delimiter: Delimiter }> {
  let records: DelimitedRecords | null = null;
  let delimiter: Delimiter = ',';
  let carried = '';
  let blank = true;
  const source = chunks()[Symbol.iterator]();
  let next = source.next();
  while (!next.done) {
    const { text, bytesRead } = next.value;
    next = source.next();
    blank &&= text.trim() === '';
    if (records === null) {
      delimiter = sniffDelimiter(text);
      records = new DelimitedRecords(delimiter, sinksFor);
    }
    carried = records.push(carried + text, next.done === true);
    await reportRead(hooks, bytesRead, options.totalBytes, records.rows);
  }
  if (records === null || blank) throw new CellError(`${options.fileName} is empty (only blank space)`);
  return { records, delimiter };
}

/**
 * Reads delimited text chunk by chunk into typed columns: numbers go straight into typed arrays
 * and text is dictionary-encoded, so neither the file's text nor a string per cell is kept. A
 * column that starts as numbers and later holds text (a junk token deep in the file), or that
 * must be handed over as text, is read again in a second pass over the chunks for those columns only.
 */
export async function readDelimitedStream(chunks: () => Iterable<TextChunk>, options: StreamOptions, hooks: ReadHooks = {}): Promise<StreamedTable> {
  const firstSinks: (ColumnBuilder | TextSink)[] = [];
  const { records, delimiter } = await readRecords(chunks, options, hooks, (header) => {
    const textColumns = options.textColumns(header);
    for (let index = 0; index < header.length; index++) firstSinks.push(textColumns.has(index) ? new TextSink() : new ColumnBuilder());
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
    const rereadSinks = columns.map((column) => (column === null ? new TextSink() : null));
    await readRecords(chunks, options, hooks, () => rereadSinks);
    rereadSinks.forEach((sink, index) => {
      if (sink !== null) columns[index] = { typed: typeTextColumn(header[index], sink.column) };
    });
  }
  return { header, columns: columns as StreamedColumn[], rows: records.rows, delimiter, raggedCount: records.raggedCount, ragged: records.ragged };
}
