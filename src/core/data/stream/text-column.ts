import { GrowableUint32 } from './growable';

/**
 * V8 keeps a substring of 13 or more characters as a view into its parent: a dictionary entry cut
 * from a chunk would keep the whole chunk alive. Concatenating and cutting again flattens it into
 * a string of its own.
 */
const SLICED_STRING_MIN_LENGTH = 13;
const ownCopy = (cell: string) => (cell.length < SLICED_STRING_MIN_LENGTH ? cell : ('.' + cell).slice(1));

const INITIAL_SLOTS = 1 << 10;
const EMPTY_SLOT = -1;

/** FNV-1a over UTF-16 code units, as a signed 32-bit integer (what an Int32Array slot holds). */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

function equalsRange(stored: string, text: string, start: number, end: number): boolean {
  if (stored.length !== end - start) return false;
  for (let i = 0; i < stored.length; i++) if (stored.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * A column's raw cells, dictionary-encoded: each distinct text is kept once and rows hold its code.
 * Cells are looked up by their range of the chunk's text in an open-addressing table, so a value
 * seen before costs no string at all. Each slot holds a code and its text's hash side by side: a
 * probe touches one place in memory unless the hashes match, which matters for a million
 * distinct identifiers.
 */
export class TextColumn {
  private readonly distinct: string[] = [];
  private slots = TextColumn.emptySlots(INITIAL_SLOTS);
  private readonly codes = new GrowableUint32();

  private static emptySlots(count: number): Int32Array {
    const slots = new Int32Array(count * 2);
    for (let slot = 0; slot < slots.length; slot += 2) slots[slot] = EMPTY_SLOT;
    return slots;
  }

  add(cell: string): void {
    this.addRange(cell, 0, cell.length);
  }

  addRange(text: string, start: number, end: number): void {
    const hash = hashRange(text, start, end);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = slots[slot * 2];
      if (code === EMPTY_SLOT) {
        const next = this.distinct.length;
        slots[slot * 2] = next;
        slots[slot * 2 + 1] = hash;
        this.codes.push(next);
        this.distinct.push(ownCopy(start === 0 && end === text.length ? text : text.slice(start, end)));
        // Kept at most half full, so probes stay short.
        if (this.distinct.length * 4 > slots.length) this.grow();
        return;
      }
      if (slots[slot * 2 + 1] === hash && equalsRange(this.distinct[code], text, start, end)) {
        this.codes.push(code);
        return;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = TextColumn.emptySlots(old.length);
    const mask = (slots.length >> 1) - 1;
    for (let oldSlot = 0; oldSlot < old.length; oldSlot += 2) {
      if (old[oldSlot] === EMPTY_SLOT) continue;
      let slot = old[oldSlot + 1] & mask;
      while (slots[slot * 2] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      slots[slot * 2] = old[oldSlot];
      slots[slot * 2 + 1] = old[oldSlot + 1];
    }
    this.slots = slots;
  }

  /** How many different texts the column holds. */
  get distinctTexts(): number {
    return this.distinct.length;
  }

  /** The different texts, in the order they first appear; a text's code is its index. */
  get texts(): readonly string[] {
    return this.distinct;
  }

  /** How many rows hold each text, by code. */
  codeCounts(): Uint32Array {
    const counts = new Uint32Array(this.distinct.length);
    // An index loop: `for…of` over a typed array made an iterator result per row here.
    const codes = this.codes.values;
    for (let row = 0; row < codes.length; row++) counts[codes[row]] += 1;
    return counts;
  }

  /** The cells in row order; each distinct text is one shared string, so this costs a pointer per row. */
  cells(): string[] {
    return this.rowsOf(this.distinct);
  }

  /** Each row's entry of `perText`, which holds one value per text (by code): each conversion runs once per text. */
  rowsOf<T>(perText: readonly T[]): T[] {
    const codes = this.codes.values;
    const values = new Array<T>(codes.length);
    for (let row = 0; row < codes.length; row++) values[row] = perText[codes[row]];
    return values;
  }
}
