/**
 * HyperLogLog distinct-count estimate (Flajolet et al. 2007, with the linear-counting correction
 * for small counts from Heule et al. 2013). 2^12 registers: about 1.6% standard error in 4 KB,
 * whatever the column's size.
 */
const PRECISION = 12;
const REGISTERS = 1 << PRECISION;
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so every output bit depends on every input bit. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class DistinctSketch {
  private readonly registers = new Uint8Array(REGISTERS);

  add(value: string): void {
    const hash = hashString(value);
    const register = hash >>> (32 - PRECISION);
    // Rank: position of the first 1 bit in the remaining 20 bits (21 when they are all 0).
    const rest = (hash << PRECISION) >>> 0;
    const rank = rest === 0 ? 32 - PRECISION + 1 : Math.clz32(rest) + 1;
    if (rank > this.registers[register]) this.registers[register] = rank;
  }

  estimate(): number {
    let inverseSum = 0;
    let empty = 0;
    for (let i = 0; i < REGISTERS; i++) {
      inverseSum += 2 ** -this.registers[i];
      if (this.registers[i] === 0) empty++;
    }
    const raw = (ALPHA * REGISTERS * REGISTERS) / inverseSum;
    if (raw <= 2.5 * REGISTERS && empty > 0) return Math.round(REGISTERS * Math.log(REGISTERS / empty));
    return Math.round(raw);
  }
}
