import type { RaggedRecord } from '../parse-delimited';
import type { FieldSink } from './column-builder';

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
/** Ragged records kept for the message; the rest are only counted. */
const KEPT_RAGGED = 5;
/** Fields a record's ranges have room for before they grow. */
const INITIAL_FIELDS = 64;

/**
 * Splits delimited text that arrives in chunks into records, with the rules of `parseDelimited`
 * (RFC 4180 quotes, LF/CRLF/CR, blank lines skipped, the first record is the header). Fields go
 * to one sink per column as ranges of the chunk, so a plain field never becomes a string unless
 * its sink wants one. A record cut by the end of a chunk is kept and read again with the next chunk.
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
  /** Most field characters lie above the delimiter and line breaks, so one comparison passes them. */
  private readonly highestBreak: number;
  // The current record's fields: ranges of the text, and the unquoted text of its quoted fields
  // (all null again once the record is handed on, so plain records never write there).
  private starts = new Int32Array(INITIAL_FIELDS);
  private ends = new Int32Array(INITIAL_FIELDS);
  private unquoted: (string | null)[] = [];
  private quotedFields = 0;
  /** The start of a record cut by the end of the last piece, read again with the next one. */
  private tail = '';

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
    this.highestBreak = Math.max(this.delimiterCode, NEWLINE, RETURN);
  }

  /**
   * Reads the complete records of `text`, the next piece of the file. A record cut by its end is
   * kept here and read with the next piece, so this returns '' (callers written to put a returned
   * tail before the next piece keep working). Keeping it here means a piece is read as the flat
   * string the decoder made: reading each character through a concatenation (`tail + piece`)
   * made the whole read about a fifth slower.
   */
  push(text: string, isLast: boolean): string {
    const from = this.tail === '' ? 0 : this.finishTail(text, isLast);
    if (from >= 0) {
      const unfinished = this.read(text, from, isLast);
      this.tail = unfinished < 0 ? '' : text.slice(unfinished);
    }
    return '';
  }

  /**
   * Reads the kept record joined with as few of `text`'s lines as complete it (more than one where
   * a quoted field holds line breaks). Returns where the rest of `text` starts, or -1 when the
   * record is still unfinished at the end of `text` and all of it was kept.
   */
  private finishTail(text: string, isLast: boolean): number {
    for (let lineEnd = text.indexOf('\n'); ; lineEnd = text.indexOf('\n', lineEnd + 1)) {
      const end = lineEnd < 0 ? text.length : lineEnd + 1;
      const tail = this.tail;
      const joined = tail + text.slice(0, end);
      const unfinished = this.read(joined, 0, isLast && end === text.length);
      if (unfinished < 0) {
        this.tail = '';
        return end;
      }
      // The kept record is complete and so were the records after it, up to `unfinished`.
      if (unfinished >= tail.length) {
        this.tail = '';
        return unfinished - tail.length;
      }
      if (end === text.length) {
        this.tail = joined.slice(unfinished);
        return -1;
      }
      this.tail = tail.slice(unfinished);
    }
  }

  /** Reads the complete records of `text` from `from`; returns where the unfinished one starts, or -1. */
  private read(text: string, from: number, isLast: boolean): number {
    const length = text.length;
    const delimiterCode = this.delimiterCode;
    let fieldCount = 0;
    let recordStart = from;
    let recordLine = this.line;
    let i = from;
    this.clearQuotedFields();
    const unfinished = () => {
      this.line = recordLine;
      return recordStart;
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
        i = this.fieldEnd(text, i);
        unquoted = start < i ? pieces + text.slice(start, i) : pieces;
      } else {
        i = this.fieldEnd(text, i);
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
    return -1;
  }

  /** Where the field starting at `i` ends: the next delimiter or line break, or the end of the text. */
  private fieldEnd(text: string, i: number): number {
    const { delimiterCode, highestBreak } = this;
    const length = text.length;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code <= highestBreak && (code === delimiterCode || code === NEWLINE || code === RETURN)) return i;
    }
    return length;
  }

  private keepField(index: number, start: number, end: number, unquoted: string | null): void {
    if (index === this.starts.length) this.growFields();
    this.starts[index] = start;
    this.ends[index] = end;
    if (unquoted !== null) {
      this.unquoted[index] = unquoted;
      this.quotedFields++;
    }
  }

  private growFields(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  private clearQuotedFields(): void {
    if (this.quotedFields === 0) return;
    this.unquoted.fill(null);
    this.quotedFields = 0;
  }

  private fieldText(text: string, index: number): string {
    return this.unquoted[index] ?? text.slice(this.starts[index], this.ends[index]);
  }

  private endRecord(text: string, fieldCount: number, line: number): void {
    this.handOn(text, fieldCount, line);
    this.clearQuotedFields();
  }

  private handOn(text: string, fieldCount: number, line: number): void {
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
    const { sinks, starts, ends } = this;
    if (this.quotedFields === 0) {
      for (let index = 0; index < fieldCount; index++) sinks[index]?.add(text, starts[index], ends[index], null);
    } else {
      for (let index = 0; index < fieldCount; index++) sinks[index]?.add(text, starts[index], ends[index], this.unquoted[index] ?? null);
    }
    this.rows++;
  }
}
