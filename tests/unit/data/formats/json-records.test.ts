import { describe, expect, it } from 'vitest';
import { readJsonLines, readJsonRecords } from '../../../../src/core/data/formats/json-records';

describe('readJsonRecords', () => {
  it('makes one column per field, in first-seen order, with absent fields as null', () => {
    expect(readJsonRecords('[{"b": 1}, {"a": "x", "b": 2}]', 'f.json')).toEqual({ header: ['b', 'a'], columns: [[1, 2], [null, 'x']], rows: 2 });
  });

  it('keeps __proto__ and constructor as ordinary fields', () => {
    const raw = readJsonRecords('[{"__proto__": 1, "constructor": 2}]', 'f.json');
    expect(raw.header).toEqual(['__proto__', 'constructor']);
    expect(raw.columns).toEqual([[1], [2]]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it.each([
    ['"text"', /holds a string, not an array of records/],
    ['null', /holds null, not an array of records/],
    ['[{"a": 1}, [1]]', /item 2 of the array is an array, not a record/],
  ])('refuses %s', (text, message) => {
    expect(() => readJsonRecords(text, 'f.json')).toThrow(message);
  });
});

describe('readJsonLines', () => {
  it('reads one record per line and skips blank lines, with CRLF', () => {
    expect(readJsonLines('{"a": 1}\r\n\r\n{"a": 2}\r\n', 'f.ndjson')).toEqual({ header: ['a'], columns: [[1, 2]], rows: 2 });
  });

  it('names the line that is not a record', () => {
    expect(() => readJsonLines('{"a": 1}\n[1]\n', 'f.ndjson')).toThrow(/f\.ndjson line 2 holds an array, not a record/);
  });
});
