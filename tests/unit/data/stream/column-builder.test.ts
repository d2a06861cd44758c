import { describe, expect, it } from 'vitest';
import { readColumn } from '../../../../src/core/data/infer-type';
import { ColumnBuilder } from '../../../../src/core/data/stream/column-builder';
import { typeBuiltColumn } from '../../../../src/core/data/stream/type-columns';

const encoder = new TextEncoder();

function add(builder: ColumnBuilder, cell: string): void {
  const bytes = encoder.encode(cell);
  builder.add(bytes, 0, bytes.length);
}

/** A column built from whole cells, as the record splitter hands fields over (ranges of a line's bytes). */
function typed(name: string, cells: readonly string[]) {
  const builder = new ColumnBuilder();
  const line = encoder.encode(cells.join(','));
  let start = 0;
  for (const cell of cells) {
    const end = start + encoder.encode(cell).length;
    builder.add(line, start, end);
    start = end + 1;
  }
  return typeBuiltColumn(name, builder.build());
}

describe('ColumnBuilder missing tokens', () => {
  it('counts blank cells before the first number and NaN/inf cells after it under their own text', () => {
    expect(typed('x', [' ', '', '', '1.5', 'inf', '', 'NaN', '2', 'inf'])).toEqual({
      type: 'number',
      values: [null, null, null, 1.5, null, null, null, 2, null],
      missingTokens: { ' ': 1, '': 3, inf: 2, NaN: 1 },
    });
  });

  it('counts missing cells before the first text under their own text', () => {
    const cells = [' ', '', 'NA', ' ', 'a', '', 'b', 'NA'];
    expect(typed('x', cells)).toEqual({ type: 'categorical', values: [null, null, null, null, 'a', null, 'b', null], missingTokens: { ' ': 2, '': 2, NA: 2 } });
    expect(typed('x', cells)).toEqual(readColumn('x', cells));
  });

  it('counts every cell of a column that is all blank', () => {
    expect(typed('x', ['', ' ', ''])).toEqual({ type: 'categorical', values: [null, null, null], missingTokens: { '': 2, ' ': 1 } });
  });
});

describe('ColumnBuilder timestamps', () => {
  it('reads ISO date-times straight to epoch ms, as typing their text does', () => {
    const cells = ['', '2017-08-01T01:45:19Z', '2017-08-01 02:00:00', ' ', '2017-08-02', '2017-08-01T03:04:05+02:00', ' 2017-08-03T00:00:00Z', '2017-08-01T01:45:19Z'];
    const column = typed('session.startedAt', cells);
    expect(column).toEqual(readColumn('session.startedAt', cells));
    expect(column?.type).toBe('timestamp');
    expect(column?.missingTokens).toEqual({ '': 1, ' ': 1 });
  });

  it('gives the column up to be read as text when a cell is not a timestamp', () => {
    const builder = new ColumnBuilder();
    for (const cell of ['2017-08-01', '2017-08-02', 'soon']) add(builder, cell);
    expect(builder.build()).toEqual({ kind: 'needs-text' });
  });

  it('reads quoted timestamps from the range between their quotes', () => {
    const builder = new ColumnBuilder();
    builder.add(encoder.encode('"2017-08-01"'), 1, 11);
    builder.add(encoder.encode('"2017-08-02T00:00:01Z"'), 1, 21);
    expect(typeBuiltColumn('day', builder.build())?.values).toEqual([Date.UTC(2017, 7, 1), Date.UTC(2017, 7, 2, 0, 0, 1)]);
  });
});

describe('ColumnBuilder empty cells', () => {
  it('counts empty cells, quoted or not, with the other missing texts of a numeric column', () => {
    const builder = new ColumnBuilder();
    const cells = ['1', '', 'nan', '', '2'];
    for (const cell of cells) add(builder, cell);
    builder.add(encoder.encode('""'), 1, 1);
    expect(typeBuiltColumn('x', builder.build())).toEqual({ type: 'number', values: [1, null, null, null, 2, null], missingTokens: { '': 3, nan: 1 } });
  });

  it('keeps no empty-text entry in a column without empty cells', () => {
    expect(typed('x', ['1', 'inf'])?.missingTokens).toEqual({ inf: 1 });
  });
});
