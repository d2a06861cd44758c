import { describe, expect, it } from 'vitest';
import { decodeUtf8, malformedUtf8 } from '../../../../src/core/data/stream/utf8';

/** A seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const fatal = new TextDecoder('utf-8', { fatal: true });

function decoderRefuses(bytes: Uint8Array, stream = false): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return false;
  } catch {
    return true;
  }
}

describe('malformedUtf8', () => {
  it('agrees with the fatal TextDecoder on random bytes, whole or held back at the end as a stream', () => {
    const next = random(3);
    // Bytes drawn mostly from the lead and continuation ranges, where the rules are.
    const pool = [0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
    for (let trial = 0; trial < 20_000; trial++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 5) }, () => pool[Math.floor(next() * pool.length)]);
      expect(malformedUtf8(bytes, 0, bytes.length)).toBe(decoderRefuses(bytes));
      expect(malformedUtf8(bytes, 0, bytes.length, true)).toBe(decoderRefuses(bytes, true));
    }
  });

  it('passes every character of the Unicode range, one to four bytes long', () => {
    const text = String.fromCodePoint(0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff);
    const bytes = new TextEncoder().encode(text);
    expect(malformedUtf8(bytes, 0, bytes.length)).toBe(false);
    expect(fatal.decode(bytes)).toBe(text);
  });

  it('looks only between start and end', () => {
    const bytes = new Uint8Array([0xff, 0x61, 0xc3, 0xa9, 0xff]);
    expect(malformedUtf8(bytes, 1, 4)).toBe(false);
    expect(malformedUtf8(bytes, 1, 3)).toBe(true);
    expect(malformedUtf8(bytes, 1, 3, true)).toBe(false);
  });
});

describe('decodeUtf8', () => {
  it('decodes a range of the bytes', () => {
    const bytes = new TextEncoder().encode('a,日本,b');
    expect(decodeUtf8(bytes, 2, 8)).toBe('日本');
    expect(decodeUtf8(bytes, 2, 2)).toBe('');
  });
});
