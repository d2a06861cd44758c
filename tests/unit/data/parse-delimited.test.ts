import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/core/data/parse-delimited';

describe('parseDelimited', () => {
  it('splits a header and rows into columns', () => {
    const parsed = parseDelimited('a,b\n1,x\n2,y\n', ',');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.cells).toEqual([['1', '2'], ['x', 'y']]);
    expect(parsed.rows).toBe(2);
  });

  it('keeps delimiters, escaped quotes and line breaks inside quoted fields', () => {
    const parsed = parseDelimited('name,note\n"Smith, J","said ""hi""\nthen left"\nplain,"x"\n', ',');
    expect(parsed.cells[0]).toEqual(['Smith, J', 'plain']);
    expect(parsed.cells[1]).toEqual(['said "hi"\nthen left', 'x']);
  });

  it('reads CRLF and lone CR line ends', () => {
    expect(parseDelimited('a,b\r\n1,2\r\n3,4', ',').cells).toEqual([['1', '3'], ['2', '4']]);
    expect(parseDelimited('a,b\r1,2\r3,4\r', ',').cells).toEqual([['1', '3'], ['2', '4']]);
  });

  it('keeps empty fields, including a trailing one at the end of the file', () => {
    const parsed = parseDelimited('a,b,c\n,2,\n1,,', ',');
    expect(parsed.cells).toEqual([['', '1'], ['2', ''], ['', '']]);
  });

  it('skips blank lines', () => {
    expect(parseDelimited('a,b\n\n1,2\n\n', ',').rows).toBe(1);
  });

  it('reports records with too few or too many fields with the line they start on', () => {
    const parsed = parseDelimited('a,b\n1,2\n3\n"multi\nline",4\n5,6,7\n', ',');
    expect(parsed.rows).toBe(2);
    expect(parsed.ragged).toEqual([
      { line: 3, fields: 1 },
      { line: 6, fields: 3 },
    ]);
  });

  it('uses the delimiter it is given', () => {
    expect(parseDelimited('a\tb\n1,5\t2', '\t').cells).toEqual([['1,5'], ['2']]);
  });
});
