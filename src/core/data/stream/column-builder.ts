import { isMissingCell, parseIsoCell, parseNumberCell, parseYyyymmddCell } from '../infer-type';
import { MissingTokenCounts } from '../missing-tokens';
import { readFastNumber } from './fast-number';
import { readFastTimestamp } from './fast-timestamp';
import { GrowableFloat64 } from './growable';
import { TextColumn } from './text-column';
import { decodeUtf8, encodeUtf8 } from './utf8';

/** Receives one field of each kept record: a range of well-formed UTF-8 bytes, quotes already taken off. */
export interface FieldSink {
  add(bytes: Uint8Array, start: number, end: number): void;
}

/** A column's raw cells kept as text, for the type rules that need the text itself. */
export class TextSink implements FieldSink {
  readonly column: TextColumn;

  constructor(expectedRows = 0) {
    this.column = new TextColumn(expectedRows);
  }

  add(bytes: Uint8Array, start: number, end: number): void {
    this.column.addRange(bytes, start, end);
  }
}

/** What a column read as numbers holds once every row is in. */
export interface NumericCells {
  /** One per row; NaN where the cell is missing or was NaN/inf. */
  values: Float64Array;
  /** Cells written as NaN/inf/overflow, which are present but not numbers. */
  nonFinite: number;
  /** Every number is written as `String(value)` writes it, so the text can be rebuilt. */
  canonical: boolean;
  /** Every present cell is written as eight digits (a YYYYMMDD candidate). */
  eightDigits: boolean;
  /** The texts of the cells that are NaN in `values`. */
  missingTokens: Record<string, number>;
}

export type BuiltColumn =
  | { kind: 'missing'; rows: number; missingTokens: Record<string, number> }
  | { kind: 'numbers'; cells: NumericCells }
  /** ISO dates or date-times as epoch ms, NaN where missing. */
  | { kind: 'timestamps'; values: Float64Array; missingTokens: Record<string, number> }
  | { kind: 'text'; column: TextColumn }
  /** Numbers or timestamps at first, then a cell that is not: its text must be read again. */
  | { kind: 'needs-text' };

/**
 * Reads a column without knowing its type: while its cells are numbers, or ISO timestamps, they go
 * straight into a Float64Array and no text is kept; a column whose first present cell is neither
 * keeps its text, dictionary-encoded. A column of numbers or timestamps that later meets other
 * text gives up (`needs-text`). Timestamps are read this way because a column of date-times holds
 * nearly as many distinct texts as rows, each of which the dictionary would copy and keep.
 */
export class ColumnBuilder implements FieldSink {
  private mode: 'missing' | 'numbers' | 'timestamps' | 'text' | 'needs-text' = 'missing';
  private missingRows = 0;
  /** The texts of the missing cells before the first present one (blank, or a token such as NA), all kept. */
  private readonly leadingMissing = new Map<string, number>();
  /** The texts of the cells read as missing in a column of numbers or timestamps; a text column counts its own. */
  private readonly missing = new MissingTokenCounts();
  /** Empty cells among them, the usual missing ones in a sparse column: counted here and added to `missing` at the end. */
  private emptyCells = 0;
  private numbers: GrowableFloat64 | null = null;
  private text: TextColumn | null = null;
  private nonFinite = 0;
  private canonical = true;
  private eightDigits = true;

  /** `expectedRows`: the rows the column will likely hold, so its arrays need not be copied as they grow. */
  constructor(private readonly expectedRows = 0) {}

  add(bytes: Uint8Array, start: number, end: number): void {
    switch (this.mode) {
      case 'numbers':
        return this.addNumber(bytes, start, end);
      case 'timestamps':
        return this.addTimestamp(bytes, start, end);
      case 'text':
        return this.text!.addRange(bytes, start, end);
      case 'needs-text':
        return;
      case 'missing': {
        const cell = decodeUtf8(bytes, start, end);
        if (isMissingCell(cell)) {
          this.missingRows++;
          this.leadingMissing.set(cell, (this.leadingMissing.get(cell) ?? 0) + 1);
          return;
        }
        if (parseNumberCell(cell) !== undefined) {
          this.startNumbers('numbers');
          return this.addNumber(bytes, start, end);
        }
        if (!Number.isNaN(readFastTimestamp(bytes, start, end))) {
          this.startNumbers('timestamps');
          return this.addTimestamp(bytes, start, end);
        }
        this.mode = 'text';
        this.text = new TextColumn(this.expectedRows);
        // The leading cells are all missing, so their order does not matter, only their texts.
        for (const [token, rows] of this.leadingMissing) {
          const tokenBytes = encodeUtf8(token);
          for (let row = 0; row < rows; row++) this.text.addRange(tokenBytes, 0, tokenBytes.length);
        }
        return this.text.addRange(bytes, start, end);
      }
    }
  }

  private startNumbers(mode: 'numbers' | 'timestamps'): void {
    this.mode = mode;
    this.numbers = new GrowableFloat64(this.expectedRows);
    for (let row = 0; row < this.missingRows; row++) this.numbers.push(NaN);
    this.addLeadingMissing(this.missing);
  }

  private addEmpty(): void {
    // Takes the empty text's place among the tokens now, so the cap keeps the first ones seen.
    if (this.emptyCells++ === 0) this.missing.add('', 0);
    this.numbers!.push(NaN);
  }

  private missingTokens(): Record<string, number> {
    if (this.emptyCells > 0) this.missing.add('', this.emptyCells);
    this.emptyCells = 0;
    return this.missing.counts;
  }

  private addTimestamp(bytes: Uint8Array, start: number, end: number): void {
    if (start === end) return this.addEmpty();
    const fast = readFastTimestamp(bytes, start, end);
    if (!Number.isNaN(fast)) return this.numbers!.push(fast);
    const cell = decodeUtf8(bytes, start, end);
    if (isMissingCell(cell)) {
      this.missing.add(cell);
      return this.numbers!.push(NaN);
    }
    const value = parseIsoCell(cell);
    if (value !== undefined) return this.numbers!.push(value);
    this.mode = 'needs-text';
    this.numbers = null;
  }

  private addNumber(bytes: Uint8Array, start: number, end: number): void {
    if (start === end) return this.addEmpty();
    const numbers = this.numbers!;
    const fast = readFastNumber(bytes, start, end);
    if (fast) {
      numbers.push(fast.value);
      if (!fast.canonical) this.canonical = false;
      if (!fast.eightDigitInteger) this.eightDigits = false;
      return;
    }
    const cell = decodeUtf8(bytes, start, end);
    if (isMissingCell(cell)) {
      this.missing.add(cell);
      return numbers.push(NaN);
    }
    const value = parseNumberCell(cell);
    if (value === undefined) {
      this.mode = 'needs-text';
      this.numbers = null;
      return;
    }
    if (value === null) {
      this.nonFinite++;
      this.canonical = false;
      this.missing.add(cell);
      numbers.push(NaN);
    } else {
      numbers.push(value);
      if (String(value) !== cell) this.canonical = false;
    }
    if (parseYyyymmddCell(cell) === undefined) this.eightDigits = false;
  }

  private addLeadingMissing(counts: MissingTokenCounts): void {
    for (const [token, rows] of this.leadingMissing) counts.add(token, rows);
  }

  /**
   * Hands the column over, once. The builder lets go of its arrays, so a caller typing one column
   * after another can free each column's arrays before the next is typed rather than after the last.
   */
  build(): BuiltColumn {
    const built = this.builtColumn();
    this.numbers = null;
    this.text = null;
    return built;
  }

  private builtColumn(): BuiltColumn {
    switch (this.mode) {
      case 'missing': {
        const missing = new MissingTokenCounts();
        this.addLeadingMissing(missing);
        return { kind: 'missing', rows: this.missingRows, missingTokens: missing.counts };
      }
      case 'numbers': {
        const { nonFinite, canonical, eightDigits } = this;
        return { kind: 'numbers', cells: { values: this.numbers!.values, nonFinite, canonical, eightDigits, missingTokens: this.missingTokens() } };
      }
      case 'timestamps':
        return { kind: 'timestamps', values: this.numbers!.values, missingTokens: this.missingTokens() };
      case 'text':
        return { kind: 'text', column: this.text! };
      case 'needs-text':
        return { kind: 'needs-text' };
    }
  }
}
