import { GrowableUint32 } from './growable';
import { decodeUtf8 } from './utf8';

const INITIAL_SLOTS = 1 << 10;
const INITIAL_ENTRIES = 1 << 8;
const INITIAL_ENTRY_BYTES = 1 << 12;
const EMPTY_SLOT = -1;
/**
 * Entries are decoded this many bytes at a time, one string per block that their texts are cut
 * from: few decoder calls, while a block with one non-ASCII text (which makes all its texts
 * two bytes a character) or a kept text (which keeps its block) stays small.
 */
const DECODE_BLOCK_BYTES = 1 << 16;

/**
 * A hash of bytes `start`–`end`, as a signed 32-bit integer (what an Int32Array slot holds). Four
 * bytes go in per multiplication, read as one word through `words` (a view of `bytes`), which is
 * what a hash costs here; the closing mix spreads the high bits into the low ones that pick the slot.
 */
function hashRange(bytes: Uint8Array, words: DataView, start: number, end: number): number {
  let hash = 0x811c9dc5;
  let i = start;
  for (; i + 4 <= end; i += 4) hash = Math.imul(hash ^ words.getInt32(i, true), 0x9e3779b1);
  for (; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x9e3779b1);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x85ebca6b);
  return (hash ^ (hash >>> 13)) | 0;
}

/**
 * A column's raw cells, dictionary-encoded: each distinct text is kept once and rows hold its code.
 * Cells arrive as ranges of UTF-8 bytes and are looked up in an open-addressing table by their
 * bytes, so a value seen before costs no string at all and a new one only a copy of its bytes:
 * the texts are decoded once each, when they are first asked for. Each slot holds a code and its
 * bytes' hash side by side: a probe touches one place in memory unless the hashes match, which
 * matters for a million distinct identifiers.
 */
export class TextColumn {
  /** The distinct texts' bytes one after another; text `code` is `entryBytes[bounds[code]…bounds[code + 1]]`. */
  private entryBytes = new Uint8Array(INITIAL_ENTRY_BYTES);
  private entryWords = new DataView(this.entryBytes.buffer);
  /** The bytes last added from, read four at a time through `words`: a new view per chunk, not per cell. */
  private wordsOf: Uint8Array | null = null;
  private words: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private bounds = new Int32Array(INITIAL_ENTRIES + 1);
  private entries = 0;
  private slots = TextColumn.emptySlots(INITIAL_SLOTS);
  private readonly codes: GrowableUint32;
  private decoded: string[] | null = null;

  /** `expectedRows`: the rows the column will likely hold, so its codes need not be copied as it grows. */
  constructor(expectedRows = 0) {
    this.codes = new GrowableUint32(expectedRows);
  }

  private static emptySlots(count: number): Int32Array {
    const slots = new Int32Array(count * 2);
    for (let slot = 0; slot < slots.length; slot += 2) slots[slot] = EMPTY_SLOT;
    return slots;
  }

  /** Adds the cell held by bytes `start`–`end`, well-formed UTF-8. */
  addRange(bytes: Uint8Array, start: number, end: number): void {
    if (bytes !== this.wordsOf) {
      this.wordsOf = bytes;
      this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const words = this.words;
    const hash = hashRange(bytes, words, start, end);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = slots[slot * 2];
      if (code === EMPTY_SLOT) {
        const next = this.entries;
        slots[slot * 2] = next;
        slots[slot * 2 + 1] = hash;
        this.codes.push(next);
        this.addEntry(bytes, start, end);
        // Kept at most half full, so probes stay short.
        if (this.entries * 4 > slots.length) this.grow();
        return;
      }
      if (slots[slot * 2 + 1] === hash && this.entryEquals(code, bytes, words, start, end)) {
        this.codes.push(code);
        return;
      }
    }
  }

  private entryEquals(code: number, bytes: Uint8Array, words: DataView, start: number, end: number): boolean {
    const from = this.bounds[code];
    const length = end - start;
    if (this.bounds[code + 1] - from !== length) return false;
    // Four bytes per comparison: texts are compared on every row that repeats one.
    const entryWords = this.entryWords;
    let i = 0;
    for (; i + 4 <= length; i += 4) if (entryWords.getInt32(from + i, true) !== words.getInt32(start + i, true)) return false;
    const entryBytes = this.entryBytes;
    for (; i < length; i++) if (entryBytes[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private addEntry(bytes: Uint8Array, start: number, end: number): void {
    const from = this.bounds[this.entries];
    const to = from + end - start;
    if (to > this.entryBytes.length) {
      const grown = new Uint8Array(Math.max(to, this.entryBytes.length * 2));
      grown.set(this.entryBytes.subarray(0, from));
      this.entryBytes = grown;
      this.entryWords = new DataView(grown.buffer);
    }
    this.entryBytes.set(bytes.subarray(start, end), from);
    this.entries++;
    if (this.entries === this.bounds.length) {
      const grown = new Int32Array(this.bounds.length * 2);
      grown.set(this.bounds);
      this.bounds = grown;
    }
    this.bounds[this.entries] = to;
    this.decoded = null;
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
    return this.entries;
  }

  /** The different texts, in the order they first appear; a text's code is its index. */
  get texts(): readonly string[] {
    return (this.decoded ??= this.decodeEntries());
  }

  /**
   * Decodes a block of entries at once and cuts each text out of it: one decoder call per block
   * rather than per text. In a block that is all ASCII a text's bytes and characters line up;
   * otherwise each character's first byte (and the second half of a 4-byte one's surrogate pair) is counted.
   */
  private decodeEntries(): string[] {
    const { bounds, entryBytes, entries } = this;
    const texts = new Array<string>(entries);
    for (let first = 0, last = 0; first < entries; first = last) {
      last = first + 1;
      while (last < entries && bounds[last + 1] - bounds[first] <= DECODE_BLOCK_BYTES) last++;
      const blockStart = bounds[first];
      const block = decodeUtf8(entryBytes, blockStart, bounds[last]);
      if (block.length === bounds[last] - blockStart) {
        for (let code = first; code < last; code++) texts[code] = block.slice(bounds[code] - blockStart, bounds[code + 1] - blockStart);
        continue;
      }
      let unit = 0;
      let byte = blockStart;
      for (let code = first; code < last; code++) {
        const from = unit;
        for (const end = bounds[code + 1]; byte < end; byte++) {
          const lead = entryBytes[byte];
          if ((lead & 0xc0) !== 0x80) unit += lead >= 0xf0 ? 2 : 1;
        }
        texts[code] = block.slice(from, unit);
      }
    }
    return texts;
  }

  /** How many rows hold each text, by code. */
  codeCounts(): Uint32Array {
    const counts = new Uint32Array(this.entries);
    // An index loop: `for…of` over a typed array made an iterator result per row here.
    const codes = this.codes.values;
    for (let row = 0; row < codes.length; row++) counts[codes[row]] += 1;
    return counts;
  }

  /** The cells in row order; each distinct text is one shared string, so this costs a pointer per row. */
  cells(): string[] {
    return this.rowsOf(this.texts);
  }

  /** Each row's entry of `perText`, which holds one value per text (by code): each conversion runs once per text. */
  rowsOf<T>(perText: readonly T[]): T[] {
    const codes = this.codes.values;
    const values = new Array<T>(codes.length);
    for (let row = 0; row < codes.length; row++) values[row] = perText[codes[row]];
    return values;
  }
}
