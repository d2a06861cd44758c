import { describe, expect, it } from 'vitest';
import { detectFormat, isGzip } from '../../../../src/core/data/formats/detect-format';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it('trusts magic bytes over the file name', () => {
    expect(detectFormat(bytes('PAR1\u0000\u0000'), 'export.csv')).toBe('parquet');
    expect(detectFormat(bytes('ARROW1\u0000\u0000'), 'export.csv')).toBe('arrow');
    expect(detectFormat(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0]), 'export.bin')).toBe('arrow');
  });

  it('reads a leading [ as a JSON array and a leading { as JSON lines, after a BOM and blank space', () => {
    expect(detectFormat(bytes('\uFEFF \n [{"a":1}]'), 'rows.txt')).toBe('json');
    expect(detectFormat(bytes('{"a":1}\n{"a":2}\n'), 'rows.txt')).toBe('ndjson');
    expect(detectFormat(bytes('{"a":1}'), 'rows.json')).toBe('json');
  });

  it('falls back to the extension, ignoring .gz, then to delimited text', () => {
    expect(detectFormat(bytes(''), 'rows.jsonl')).toBe('ndjson');
    expect(detectFormat(bytes('x'), 'table.PARQUET.gz')).toBe('parquet');
    expect(detectFormat(bytes('a,b\n1,2\n'), 'data.tsv')).toBe('delimited');
  });

  it('recognises gzip by its two magic bytes', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
    expect(isGzip(bytes('a,b'))).toBe(false);
  });
});
