import type { RaggedRecord } from '../parse-delimited';
import type { FieldSink } from './column-builder';
import { InvalidUtf8 } from './text-chunks';
import { decodeUtf8, malformedUtf8 } from './utf8';

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
/** Bytes at or above this belong to multi-byte characters, which are checked for well-formed UTF-8. */
const MULTI_BYTE = 0x80;
/** Ragged records kept for the message; the rest are only counted. */
const KEPT_RAGGED = 5;
/** Fields a record's ranges have room for before they grow. */
const INITIAL_FIELDS = 64;
const INITIAL_REWRITTEN_BYTES = 1 << 10;

function checkUtf8(bytes: Uint8Array, start: number, end: number): void {
  if (malformedUtf8(bytes, start, end)) throw new InvalidUtf8();
}

function joinBytes(first: Uint8Array, second: Uint8Array, secondEnd: number): Uint8Array {
  const joined = new Uint8Array(first.length + secondEnd);
  joined.set(first);
  joined.set(second.subarray(0, secondEnd), first.length);
  return joined;
}

/**
 * Splits UTF-8 delimited text that arrives in chunks of bytes into records, with the rules of
 * `parseDelimited` (RFC 4180 quotes, LF/CRLF/CR, blank lines skipped, the first record is the
 * header). Fields go to one sink per column as byte ranges of the chunk, so a field never becomes
 * a string unless its sink wants one, and the file is never decoded whole: every delimiter, quote
 * and line break is ASCII, so splitting the bytes splits the text. A quoted field is the range
 * between its quotes; only one with `""` escapes, or text after its closing quote, is rewritten
 * into a buffer of the record's own. Multi-byte characters are checked for well-formed UTF-8 as
 * the fields are split (InvalidUtf8 otherwise), so every byte of the file read is checked once. A
 * record cut by the end of a chunk is kept and read again with the next chunk.
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
  /** Most field bytes lie above the delimiter and line breaks, so one comparison passes them. */
  private readonly highestBreak: number;
  /** The bytes of the last field `fieldEnd` passed, OR-ed together: at or above MULTI_BYTE when it holds a multi-byte character. */
  private fieldBits = 0;
  // The current record's fields: ranges of the chunk, or of `rewrittenBytes` for the fields marked
  // in `rewritten` (all 0 again once the record is handed on, so plain records never write there).
  private starts = new Int32Array(INITIAL_FIELDS);
  private ends = new Int32Array(INITIAL_FIELDS);
  private rewritten = new Uint8Array(INITIAL_FIELDS);
  private rewrittenFields = 0;
  private rewrittenBytes = new Uint8Array(INITIAL_REWRITTEN_BYTES);
  private rewrittenLength = 0;
  /** The bytes of a record cut by the end of the last piece, read again with the next one. */
  private tail: Uint8Array | null = null;

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

  /** Reads the complete records of `bytes`, the next piece of the file; a record cut by its end is kept for the next piece. */
  push(bytes: Uint8Array, isLast: boolean): void {
    const from = this.tail === null ? 0 : this.finishTail(bytes, isLast);
    if (from >= 0) {
      const unfinished = this.read(bytes, from, isLast);
      // A copy: a view would keep the whole piece alive.
      this.tail = unfinished < 0 ? null : bytes.slice(unfinished);
    }
  }

  /**
   * Checks the kept bytes of a cut record when the read stops before the rest of the file, as a
   * streaming decoder would have: malformed bytes there count, a character cut by the end does not.
   */
  checkKeptBytes(): void {
    if (this.tail !== null && malformedUtf8(this.tail, 0, this.tail.length, true)) throw new InvalidUtf8();
  }

  /**
   * Reads the kept record joined with as few of `bytes`' lines as complete it (more than one where
   * a quoted field holds line breaks), so the rest of the piece is read where it lies rather than
   * copied. Returns where the rest of `bytes` starts, or -1 when the record is still unfinished at
   * the end of `bytes` and all of it was kept.
   */
  private finishTail(bytes: Uint8Array, isLast: boolean): number {
    for (let lineEnd = bytes.indexOf(NEWLINE); ; lineEnd = bytes.indexOf(NEWLINE, lineEnd + 1)) {
      const end = lineEnd < 0 ? bytes.length : lineEnd + 1;
      const tail = this.tail!;
      const joined = joinBytes(tail, bytes, end);
      const unfinished = this.read(joined, 0, isLast && end === bytes.length);
      if (unfinished < 0) {
        this.tail = null;
        return end;
      }
      // The kept record is complete and so were the records after it, up to `unfinished`.
      if (unfinished >= tail.length) {
        this.tail = null;
        return unfinished - tail.length;
      }
      if (end === bytes.length) {
        this.tail = joined.slice(unfinished);
        return -1;
      }
      this.tail = tail.slice(unfinished);
    }
  }

  /** Reads the complete records of `bytes` from `from`; returns where the unfinished one starts, or -1. */
  private read(bytes: Uint8Array, from: number, isLast: boolean): number {
    const length = bytes.length;
    const delimiterCode = this.delimiterCode;
    let fieldCount = 0;
    let recordStart = from;
    let recordLine = this.line;
    let i = from;
    this.clearRewrittenFields();
    const unfinished = () => {
      this.line = recordLine;
      return recordStart;
    };
    while (i < length) {
      if (bytes[i] === QUOTE) {
        let rewriteFrom = -1;
        const contentStart = i + 1;
        let contentEnd = length;
        let pieceStart = contentStart;
        for (let close = bytes.indexOf(QUOTE, pieceStart); ; close = bytes.indexOf(QUOTE, pieceStart)) {
          if (close < 0) {
            if (!isLast) return unfinished();
            i = length;
            break;
          }
          if (bytes[close + 1] === QUOTE) {
            if (rewriteFrom < 0) rewriteFrom = this.rewrittenLength;
            this.rewrite(bytes, pieceStart, close + 1);
            pieceStart = close + 2;
            continue;
          }
          contentEnd = close;
          i = close + 1;
          break;
        }
        this.checkQuoted(bytes, contentStart, contentEnd);
        // Text after a closing quote (`"a"b`) is kept, as spreadsheets do.
        const after = i;
        i = this.fieldEnd(bytes, i);
        if (i >= length && !isLast) return unfinished();
        if (rewriteFrom < 0 && after === i) {
          this.keepField(fieldCount++, contentStart, contentEnd);
        } else {
          if (rewriteFrom < 0) rewriteFrom = this.rewrittenLength;
          if (this.fieldBits >= MULTI_BYTE) checkUtf8(bytes, after, i);
          this.rewrite(bytes, pieceStart, contentEnd);
          this.rewrite(bytes, after, i);
          this.keepRewrittenField(fieldCount++, rewriteFrom);
        }
      } else {
        const start = i;
        i = this.fieldEnd(bytes, i);
        if (i >= length && !isLast) return unfinished();
        if (this.fieldBits >= MULTI_BYTE) checkUtf8(bytes, start, i);
        this.keepField(fieldCount++, start, i);
      }
      if (i >= length) break;
      const code = bytes[i];
      i++;
      if (code === delimiterCode) {
        if (i >= length) {
          if (!isLast) return unfinished();
          this.keepField(fieldCount++, i, i);
        }
        continue;
      }
      if (code === RETURN) {
        if (i >= length && !isLast) return unfinished();
        if (bytes[i] === NEWLINE) i++;
      }
      this.line++;
      this.endRecord(bytes, fieldCount, recordLine);
      fieldCount = 0;
      recordStart = i;
      recordLine = this.line;
    }
    if (fieldCount > 0) this.endRecord(bytes, fieldCount, recordLine);
    return -1;
  }

  /** Where the field starting at `i` ends: the next delimiter or line break, or the end of the bytes. */
  private fieldEnd(bytes: Uint8Array, i: number): number {
    const { delimiterCode, highestBreak } = this;
    const length = bytes.length;
    let bits = 0;
    for (; i < length; i++) {
      const code = bytes[i];
      if (code <= highestBreak && (code === delimiterCode || code === NEWLINE || code === RETURN)) break;
      bits |= code;
    }
    this.fieldBits = bits;
    return i;
  }

  /** Counts the line breaks inside a quoted field and checks its multi-byte characters. */
  private checkQuoted(bytes: Uint8Array, start: number, end: number): void {
    let bits = 0;
    for (let i = start; i < end; i++) {
      const code = bytes[i];
      if (code === NEWLINE) this.line++;
      bits |= code;
    }
    if (bits >= MULTI_BYTE) checkUtf8(bytes, start, end);
  }

  private keepField(index: number, start: number, end: number): void {
    if (index === this.starts.length) this.growFields();
    this.starts[index] = start;
    this.ends[index] = end;
  }

  private keepRewrittenField(index: number, start: number): void {
    this.keepField(index, start, this.rewrittenLength);
    this.rewritten[index] = 1;
    this.rewrittenFields++;
  }

  private rewrite(bytes: Uint8Array, start: number, end: number): void {
    const needed = this.rewrittenLength + end - start;
    if (needed > this.rewrittenBytes.length) {
      const grown = new Uint8Array(Math.max(needed, this.rewrittenBytes.length * 2));
      grown.set(this.rewrittenBytes.subarray(0, this.rewrittenLength));
      this.rewrittenBytes = grown;
    }
    this.rewrittenBytes.set(bytes.subarray(start, end), this.rewrittenLength);
    this.rewrittenLength = needed;
  }

  private growFields(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    const rewritten = new Uint8Array(this.rewritten.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    rewritten.set(this.rewritten);
    this.starts = starts;
    this.ends = ends;
    this.rewritten = rewritten;
  }

  private clearRewrittenFields(): void {
    this.rewrittenLength = 0;
    if (this.rewrittenFields === 0) return;
    this.rewritten.fill(0);
    this.rewrittenFields = 0;
  }

  private fieldText(bytes: Uint8Array, index: number): string {
    return decodeUtf8(this.rewritten[index] === 1 ? this.rewrittenBytes : bytes, this.starts[index], this.ends[index]);
  }

  private endRecord(bytes: Uint8Array, fieldCount: number, line: number): void {
    this.handOn(bytes, fieldCount, line);
    this.clearRewrittenFields();
  }

  private handOn(bytes: Uint8Array, fieldCount: number, line: number): void {
    const { starts, ends } = this;
    if (fieldCount === 1 && starts[0] === ends[0]) return;
    if (this.header === null) {
      this.header = Array.from({ length: fieldCount }, (_, index) => this.fieldText(bytes, index));
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
    if (this.rewrittenFields === 0) {
      for (let index = 0; index < fieldCount; index++) sinks[index]?.add(bytes, starts[index], ends[index]);
    } else {
      const { rewritten, rewrittenBytes } = this;
      for (let index = 0; index < fieldCount; index++) sinks[index]?.add(rewritten[index] === 1 ? rewrittenBytes : bytes, starts[index], ends[index]);
    }
    this.rows++;
  }
}
