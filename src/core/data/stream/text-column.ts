import { GrowableUint32 } from './growable';

/**
 * V8 keeps a substring of 13 or more characters as a view into its parent: a dictionary key cut
 * from a chunk would keep the whole chunk alive. Concatenating and cutting again flattens it into
 * a string of its own.
 */
const SLICED_STRING_MIN_LENGTH = 13;
const ownCopy = (cell: string) => (cell.length < SLICED_STRING_MIN_LENGTH ? cell : ('.' + cell).slice(1));

/** A column's raw cells, dictionary-encoded: each distinct text is kept once, rows hold its code. */
export class TextColumn {
  private readonly codeOf = new Map<string, number>();
  private readonly distinct: string[] = [];
  private readonly codes = new GrowableUint32();

  add(cell: string): void {
    let code = this.codeOf.get(cell);
    if (code === undefined) {
      code = this.distinct.length;
      const key = ownCopy(cell);
      this.codeOf.set(key, code);
      this.distinct.push(key);
    }
    this.codes.push(code);
  }

  get rows(): number {
    return this.codes.length;
  }

  /** The cells in row order; each distinct text is one shared string, so this costs a pointer per row. */
  cells(): string[] {
    const codes = this.codes.values;
    const cells = new Array<string>(codes.length);
    for (let row = 0; row < codes.length; row++) cells[row] = this.distinct[codes[row]];
    return cells;
  }
}
