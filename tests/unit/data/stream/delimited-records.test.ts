import { describe, expect, it } from 'vitest';
import { TextSink } from '../../../../src/core/data/stream/column-builder';
import { DelimitedRecords } from '../../../../src/core/data/stream/delimited-records';
import { InvalidUtf8 } from '../../../../src/core/data/stream/text-chunks';

const encoder = new TextEncoder();

/** Reads `bytes` in pieces of `chunkBytes` through a filter, each column's kept cells gathered as text. */
function readBytes(bytes: Uint8Array, keepRow: ((row: number) => boolean) | undefined, chunkBytes = Infinity) {
  let sinks: TextSink[] = [];
  const asked: number[] = [];
  const records = new DelimitedRecords(
    ',',
    (header) => (sinks = header.map(() => new TextSink())),
    keepRow && ((row) => (asked.push(row), keepRow(row))),
  );
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    records.push(bytes.slice(offset, offset + chunkBytes), offset + chunkBytes >= bytes.length);
  }
  return { records, asked, cells: sinks.map((sink) => sink.column.cells()) };
}

/** Reads `text`'s UTF-8 bytes in pieces of `chunkBytes`. */
const readFiltered = (text: string, keepRow: ((row: number) => boolean) | undefined, chunkBytes = Infinity) => readBytes(encoder.encode(text), keepRow, chunkBytes);

const csv = 'id,name\n0,a\n1,"b, quoted"\n\n2,c,extra\n3,d\n4,e\n';

describe('DelimitedRecords row filter', () => {
  it('hands only the kept records to the sinks', () => {
    const { cells } = readFiltered(csv, (row) => row % 2 === 0);
    expect(cells).toEqual([
      ['0', '3'],
      ['a', 'd'],
    ]);
  });

  it('asks about each well-formed record once, by its index among well-formed records, skipping ragged and blank ones', () => {
    for (const chunkBytes of [1, 3, 7, csv.length]) {
      const { asked } = readFiltered(csv, () => true, chunkBytes);
      expect(asked).toEqual([0, 1, 2, 3]);
    }
  });

  it('counts kept records in rows and every well-formed one in seenRows', () => {
    const { records } = readFiltered(csv, (row) => row >= 1);
    expect(records.rows).toBe(3);
    expect(records.seenRows).toBe(4);
  });

  it('counts and reports ragged records whatever the filter says', () => {
    const { records, cells } = readFiltered(csv, () => false);
    expect(cells).toEqual([[], []]);
    expect(records.rows).toBe(0);
    expect(records.raggedCount).toBe(1);
    expect(records.ragged).toEqual([{ line: 5, fields: 3 }]);
  });

  it('keeps every record without a filter', () => {
    const { records, cells } = readFiltered(csv, undefined);
    expect(records.rows).toBe(4);
    expect(records.seenRows).toBe(4);
    expect(cells[1]).toEqual(['a', 'b, quoted', 'd', 'e']);
  });
});

describe('DelimitedRecords across pieces', () => {
  const texts: Record<string, { text: string; cells: string[][] }> = {
    'CR line ends': { text: 'a,b\r1,x\r2,"y\r\ry"\r3,z', cells: [['1', '2', '3'], ['x', 'y\r\ry', 'z']] },
    'CRLF line ends': { text: 'a,b\r\n1,"x\r\nx"\r\n2,y\r\n', cells: [['1', '2'], ['x\r\nx', 'y']] },
    'mixed line ends and quoted line breaks': { text: 'a,b\n1,"x\n\nx"\r2,y\r\n3,"""z"""\n\n4,"w,\n"', cells: [['1', '2', '3', '4'], ['x\n\nx', 'y', '"z"', 'w,\n']] },
    'a field after a closing quote': { text: 'a,b\n"x"y,1\n"",2\n', cells: [['xy', ''], ['1', '2']] },
    'escaped quotes and text after the closing quote in one record': {
      text: 'a,b,c\n"say ""hi""",x"y"z,"q"""tail\n"","""",x\n',
      cells: [['say "hi"', ''], ['x"y"z', '"'], ['q"tail', 'x']],
    },
    'multi-byte characters inside and outside quotes': {
      text: 'city,note\nZürich,"é, ""日本""\n😀"\n日本,😀\r\n"São ""😀""",x😀y\n',
      cells: [['Zürich', '日本', 'São "😀"'], ['é, "日本"\n😀', '😀', 'x😀y']],
    },
    'an unclosed quote at the end': { text: 'a,b\n1,"x\n2,😀', cells: [['1'], ['x\n2,😀']] },
  };

  it.each(Object.entries(texts))('reads %s the same whatever the size of the pieces', (_, { text, cells }) => {
    const bytes = encoder.encode(text);
    for (let chunkBytes = 1; chunkBytes <= bytes.length; chunkBytes++) {
      const pieces = readBytes(bytes, undefined, chunkBytes);
      expect(pieces.cells).toEqual(cells);
      expect(pieces.records.raggedCount).toBe(0);
    }
  });

  it('keeps a cut record itself and completes it with the next piece', () => {
    const records = new DelimitedRecords(',', (header) => header.map(() => new TextSink()));
    records.push(encoder.encode('a,b\n1,'), false);
    expect(records.rows).toBe(0);
    records.push(encoder.encode('2\n'), true);
    expect(records.rows).toBe(1);
  });

  it('gives ragged records the line they start on whatever the pieces', () => {
    const text = 'a,b\n"1\n2",3\n4\n5,6\n';
    for (const chunkBytes of [1, 2, 5, text.length]) expect(readFiltered(text, undefined, chunkBytes).records.ragged).toEqual([{ line: 4, fields: 1 }]);
  });
});

describe('DelimitedRecords UTF-8 checks', () => {
  const malformed: Record<string, number[]> = {
    'a lone continuation byte': [0x80],
    'a Latin-1 é': [0xe9],
    'an overlong slash': [0xc0, 0xaf],
    'an encoded surrogate': [0xed, 0xa0, 0x80],
    'a code point past U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
    'a character cut short before a comma': [0xe6, 0x97, 0x2c],
  };
  const around = (inside: number[], before: string, after: string) => new Uint8Array([...encoder.encode(before), ...inside, ...encoder.encode(after)]);

  it.each(Object.entries(malformed))('refuses %s in a plain field, a quoted one, the header or a record the filter drops, whatever the pieces', (_, inside) => {
    const files = [around(inside, 'a,b\n1,x', 'y\n2,z\n'), around(inside, 'a,b\n1,"x', ',\ny"\n'), around(inside, 'a', ',b\n1,2\n')];
    for (const bytes of files) {
      for (const chunkBytes of [1, 2, 3, 5, bytes.length]) expect(() => readBytes(bytes, () => false, chunkBytes)).toThrow(InvalidUtf8);
    }
  });

  it('refuses a file that ends inside a multi-byte character', () => {
    const bytes = around([0xe6, 0x97], 'a,b\n1,', '');
    for (const chunkBytes of [1, 2, bytes.length]) expect(() => readBytes(bytes, undefined, chunkBytes)).toThrow(InvalidUtf8);
  });

  it('checks the kept bytes of a cut record as a streaming decoder would: a character cut by the end passes, a malformed one does not', () => {
    const records = new DelimitedRecords(',', (header) => header.map(() => new TextSink()));
    records.push(around([0xe6, 0x97], 'a,b\n1,2\n3,', ''), false);
    expect(() => records.checkKeptBytes()).not.toThrow();
    const damaged = new DelimitedRecords(',', (header) => header.map(() => new TextSink()));
    damaged.push(around([0xff], 'a,b\n1,2\n3,', 'x'), false);
    expect(() => damaged.checkKeptBytes()).toThrow(InvalidUtf8);
  });
});

describe('DelimitedRecords delimiters', () => {
  it.each([',', ';', '\t', '|'])('splits on %j only, whatever characters lie below or above it', (delimiter) => {
    const rows = [
      ['a', 'b c', '(x)'],
      ['1.5', '\t', ''],
      ['~|~', ';;', 'é,'],
    ].map((row) => row.map((cell) => (cell.includes(delimiter) ? `"${cell}"` : cell)));
    let sinks: TextSink[] = [];
    const records = new DelimitedRecords(delimiter, (header) => (sinks = header.map(() => new TextSink())));
    records.push(encoder.encode(rows.map((row) => row.join(delimiter)).join('\n')), true);
    expect(records.header).toEqual(['a', 'b c', '(x)']);
    expect(sinks.map((sink) => sink.column.cells())).toEqual([
      ['1.5', '~|~'],
      ['\t', ';;'],
      ['', 'é,'],
    ]);
  });
});
