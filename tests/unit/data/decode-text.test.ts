import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/core/cells/types';
import { decodeText } from '../../../src/core/data/decode-text';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Latin-1 bytes for text whose characters are all below U+0100. */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')]), 'f.csv')).toEqual({ text: 'a,b', encoding: 'utf-8', replaced: 0 });
  });

  it('keeps non-ASCII text', () => {
    expect(decodeText(utf8('città,Zürich'), 'f.csv').text).toBe('città,Zürich');
  });

  it('refuses a file with NUL bytes', () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'data.zip')).toThrow(/data\.zip looks like a binary file/);
  });

  it('refuses control-byte noise without NUL bytes as binary', () => {
    const noise = Uint8Array.from({ length: 2000 }, (_, i) => 1 + ((i * 37) % 250));
    expect(() => decodeText(noise, 'noise.csv')).toThrow(/noise\.csv looks like a binary file/);
  });

  it('reads invalid UTF-8 text as Latin-1 and says so', () => {
    expect(decodeText(latin1('city\nZürich\nSão Paulo\n'), 'f.csv')).toEqual({ text: 'city\nZürich\nSão Paulo\n', encoding: 'latin-1', replaced: 0 });
  });

  it('reads windows-1252 punctuation in the 0x80–0x9F range', () => {
    expect(decodeText(new Uint8Array([0x80, 0x35, 0x0a]), 'f.csv', 'latin-1').text).toBe('€5\n');
  });

  it('keeps UTF-8 with a damaged byte as UTF-8, counting the replaced byte', () => {
    const bytes = new Uint8Array([...utf8('Zürich,São Paulo,'), 0xff, ...utf8('x\n')]);
    expect(decodeText(bytes, 'f.csv')).toEqual({ text: 'Zürich,São Paulo,\uFFFDx\n', encoding: 'utf-8', replaced: 1 });
  });

  it('refuses invalid UTF-8 when UTF-8 is forced', () => {
    const attempt = () => decodeText(latin1('Zürich'), 'f.csv', 'utf-8');
    expect(attempt).toThrow(CellError);
    expect(attempt).toThrow(/not valid UTF-8: choose Latin-1/);
  });

  it('reads valid UTF-8 as Latin-1 when Latin-1 is forced', () => {
    expect(decodeText(utf8('é'), 'f.csv', 'latin-1').text).toBe('Ã©');
  });

  it('reads UTF-16 with its byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0xe9, 0x00]);
    expect(decodeText(bytes, 'f.csv')).toEqual({ text: 'a,é', encoding: 'utf-16', replaced: 0 });
  });

  it('accepts a multi-byte character anywhere in the file', () => {
    const text = `${'a'.repeat(4095)}é,b`;
    expect(decodeText(utf8(text), 'f.csv').text).toBe(text);
  });
});
