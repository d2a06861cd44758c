import { describe, expect, it } from 'vitest';
import { TextSink } from '../../../../src/core/data/stream/column-builder';
import { DelimitedRecords } from '../../../../src/core/data/stream/delimited-records';

/** Reads `text` in pieces of `chunkChars` through a filter, each column's kept cells gathered as text. */
function readFiltered(text: string, keepRow: ((row: number) => boolean) | undefined, chunkChars = text.length) {
  let sinks: TextSink[] = [];
  const asked: number[] = [];
  const records = new DelimitedRecords(
    ',',
    (header) => (sinks = header.map(() => new TextSink())),
    keepRow && ((row) => (asked.push(row), keepRow(row))),
  );
  let carried = '';
  for (let offset = 0; offset < text.length; offset += chunkChars) {
    carried = records.push(carried + text.slice(offset, offset + chunkChars), offset + chunkChars >= text.length);
  }
  return { records, asked, cells: sinks.map((sink) => sink.column.cells()) };
}

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
    for (const chunkChars of [1, 3, 7, csv.length]) {
      const { asked } = readFiltered(csv, () => true, chunkChars);
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
  const texts = {
    'CR line ends': 'a,b\r1,x\r2,"y\r\ry"\r3,z',
    'CRLF line ends': 'a,b\r\n1,"x\r\nx"\r\n2,y\r\n',
    'mixed line ends and quoted line breaks': 'a,b\n1,"x\n\nx"\r2,y\r\n3,"""z"""\n\n4,"w,\n"',
    'a field after a closing quote': 'a,b\n"x"y,1\n"",2\n',
  };

  it.each(Object.entries(texts))('reads %s the same whatever the size of the pieces', (_, text) => {
    const whole = readFiltered(text, undefined);
    for (let chunkChars = 1; chunkChars <= text.length; chunkChars++) {
      const pieces = readFiltered(text, undefined, chunkChars);
      expect(pieces.cells).toEqual(whole.cells);
      expect(pieces.records.rows).toBe(whole.records.rows);
      expect(pieces.records.raggedCount).toBe(whole.records.raggedCount);
    }
  });

  it('keeps a cut record itself, so the caller has nothing to put before the next piece', () => {
    const records = new DelimitedRecords(',', (header) => header.map(() => new TextSink()));
    expect(records.push('a,b\n1,', false)).toBe('');
    expect(records.push('2\n', true)).toBe('');
    expect(records.rows).toBe(1);
  });

  it('gives ragged records the line they start on whatever the pieces', () => {
    const text = 'a,b\n"1\n2",3\n4\n5,6\n';
    for (const chunkChars of [1, 2, 5, text.length]) expect(readFiltered(text, undefined, chunkChars).records.ragged).toEqual([{ line: 4, fields: 1 }]);
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
    records.push(rows.map((row) => row.join(delimiter)).join('\n'), true);
    expect(records.header).toEqual(['a', 'b c', '(x)']);
    expect(sinks.map((sink) => sink.column.cells())).toEqual([
      ['1.5', '~|~'],
      ['\t', ';;'],
      ['', 'é,'],
    ]);
  });
});
