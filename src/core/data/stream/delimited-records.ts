import type { RaggedRecord } from '../parse-delimited';
import type { FieldSink } from './column-builder';

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
/** Ragged records kept for the message; the rest are only counted. */
const KEPT_RAGGED = 5;

/**
 * Splits delimited text that arrives in chunks into records, with the rules of `parseDelimited`
 * (RFC 4180 quotes, LF/CRLF/CR, blank lines skipped, the first record is the header). Fields go
 * to one sink per column as ranges of the chunk, so a plain field never becomes a string unless
 * its sink wants one. A record cut by the end of a chunk is handed back to be read again with the
 * next chunk.
 */
export class DelimitedRecords {
  header: string[] | null = null;
  /** Well-formed data records that `keepRow` kept (all of them without a filter). */
  rows = 0;
  /** Well-formed data records, kept or not. */
  seenRows = 0;
  raggedCount = 0;
  readonly ragged: RaggedRecord[] = [];
  private sinks: readonly (FieldSink | null)[] = [];
  private line = 1;
  private readonly delimiterCode: number;
  // The current record's fields: ranges of the text, or the unquoted text of a quoted field.
  private starts: number[] = [];
  private ends: number[] = [];
  private unquoted: (string | null)[] = [];

  /**
   * `sinksFor` is called once with the header and gives a sink per column (null to skip it).
   * `keepRow` is asked about each well-formed data record, by its 0-based index among them, before
   * any of its fields reaches a sink (a sample of rows); ragged records are counted whatever it says.
   */
  constructor(
    delimiter: string,
    private readonly sinksFor: (header: string[]) => readonly (FieldSink | null)[],
    private readonly keepRow?: (row: number) => boolean,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Reads the complete records of `text`; returns the unfinished tail to put before the next chunk. */
  push(text: string, isLast: boolean): string {
    const length = text.length;
    const delimiterCode = this.delimiterCode;
    let fieldCount = 0;
    let recordStart = 0;
    let recordLine = this.line;
    let i = 0;
    const unfinished = () => {
      this.line = recordLine;
      return text.slice(recordStart);
    };
    while (i < length) {
      let unquoted: string | null = null;
      let start = i;
      if (text.charCodeAt(i) === QUOTE) {
        let pieces = '';
        let pieceStart = i + 1;
        for (;;) {
          const close = text.indexOf('"', pieceStart);
          if (close < 0) {
            if (!isLast) return unfinished();
            pieces += text.slice(pieceStart);
            i = length;
            break;
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            pieces += text.slice(pieceStart, close + 1);
            pieceStart = close + 2;
            continue;
          }
          pieces += text.slice(pieceStart, close);
          i = close + 1;
          break;
        }
        for (let k = pieces.indexOf('\n'); k >= 0; k = pieces.indexOf('\n', k + 1)) this.line++;
        // Text after a closing quote (`"a"b`) is kept, as spreadsheets do.
        start = i;
        while (i < length) {
          const code = text.charCodeAt(i);
          if (code === delimiterCode || code === NEWLINE || code === RETURN) break;
          i++;
        }
        unquoted = start < i ? pieces + text.slice(start, i) : pieces;
      } else {
        while (i < length) {
          const code = text.charCodeAt(i);
          if (code === delimiterCode || code === NEWLINE || code === RETURN) break;
          i++;
        }
      }
      if (i >= length && !isLast) return unfinished();
      this.keepField(fieldCount++, start, i, unquoted);
      if (i >= length) break;
      const code = text.charCodeAt(i);
      i++;
      if (code === delimiterCode) {
        if (i >= length) {
          if (!isLast) return unfinished();
          this.keepField(fieldCount++, i, i, null);
        }
        continue;
      }
      if (code === RETURN) {
        if (i >= length && !isLast) return unfinished();
        if (text.charCodeAt(i) === NEWLINE) i++;
      }
      this.line++;
      this.endRecord(text, fieldCount, recordLine);
      fieldCount = 0;
      recordStart = i;
      recordLine = this.line;
    }
    if (fieldCount > 0) this.endRecord(text, fieldCount, recordLine);
    return '';
  }

  private keepField(index: number, start: number, end: number, unquoted: string | null): void {
    this.starts[index] = start;
    this.ends[index] = end;
    this.unquoted[index] = unquoted;
  }

  private fieldText(text: string, index: number): string {
    return this.unquoted[index] ?? text.slice(this.starts[index], this.ends[index]);
  }

  private endRecord(text: string, fieldCount: number, line: number): void {
    if (fieldCount === 1 && this.fieldText(text, 0) === '') return;
    if (this.header === null) {
      this.header = Array.from({ length: fieldCount }, (_, index) => this.fieldText(text, index));
      this.sinks = this.sinksFor(this.header);
      return;
    }
    if (fieldCount !== this.header.length) {
      if (this.ragged.length < KEPT_RAGGED) this.ragged.push({ line, fields: fieldCount });
      this.raggedCount++;
      return;
    }
    const row = this.seenRows++;
    if (this.keepRow !== undefined && !this.keepRow(row)) return;
    const sinks = this.sinks;
    for (let index = 0; index < fieldCount; index++) sinks[index]?.add(text, this.starts[index], this.ends[index], this.unquoted[index]);
    this.rows++;
  }
}
