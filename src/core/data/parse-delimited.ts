import { TextSink } from './stream/column-builder';
import { DelimitedRecords } from './stream/delimited-records';
import { encodeUtf8 } from './stream/utf8';

/** Where a record with the wrong number of fields starts, for the error message. */
export interface RaggedRecord {
  line: number;
  fields: number;
}

export interface DelimitedText {
  header: string[];
  /** Column-major raw cells, as written (quotes removed, '' for empty). */
  cells: string[][];
  rows: number;
  /** How many records have a field count other than the header's; they are left out of `cells`. */
  raggedCount: number;
  /** The first few of them. */
  ragged: RaggedRecord[];
}

/**
 * Splits delimited text held whole (RFC 4180 quoting: `""` escapes a quote, quoted fields may hold
 * delimiters and line breaks; LF, CRLF or CR line ends; blank lines skipped) into columns of raw
 * cells, with the record splitter the chunked reader uses. Unlike arquero's `fromCSV`, records
 * longer than the header are reported, not silently cut, and repeated header names are kept.
 */
export function parseDelimited(text: string, delimiter: string): DelimitedText {
  let sinks: TextSink[] = [];
  const records = new DelimitedRecords(delimiter, (header) => (sinks = header.map(() => new TextSink())));
  records.push(encodeUtf8(text), true);
  return { header: records.header ?? [], cells: sinks.map((sink) => sink.column.cells()), rows: records.rows, raggedCount: records.raggedCount, ragged: records.ragged };
}
