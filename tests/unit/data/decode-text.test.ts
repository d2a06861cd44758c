import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/core/cells/types';
import { decodeText } from '../../../src/core/data/decode-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')]), 'f.csv')).toBe('a,b');
  });

  it('keeps non-ASCII text', () => {
    expect(decodeText(utf8('città,Zürich'), 'f.csv')).toBe('città,Zürich');
  });

  it('refuses a file with NUL bytes', () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'data.zip')).toThrow(/data\.zip looks like a binary file/);
  });

  it('refuses invalid UTF-8 near the start', () => {
    expect(() => decodeText(new Uint8Array([0x61, 0xff, 0xfe, 0x62]), 'f.csv')).toThrow(CellError);
  });

  it('accepts a multi-byte character cut by the checked prefix', () => {
    const text = `${'a'.repeat(1023)}é,b`;
    expect(decodeText(utf8(text), 'f.csv')).toBe(text);
  });
});
