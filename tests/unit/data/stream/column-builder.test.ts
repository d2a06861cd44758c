import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../../src/core/data/stream/column-builder';
import { typeBuiltColumn } from '../../../../src/core/data/stream/type-columns';

/** A column built from whole cells, as the record splitter hands plain fields over (ranges of a line). */
function typed(name: string, cells: readonly string[]) {
  const builder = new ColumnBuilder();
  const line = cells.join(',');
  let start = 0;
  for (const cell of cells) {
    builder.add(line, start, start + cell.length, null);
    start += cell.length + 1;
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

  it('counts blank cells before the first text under their own text', () => {
    expect(typed('x', [' ', '', ' ', 'a', '', 'b'])).toEqual({ type: 'categorical', values: [null, null, null, 'a', null, 'b'], missingTokens: { ' ': 2, '': 2 } });
  });

  it('counts every cell of a column that is all blank', () => {
    expect(typed('x', ['', ' ', ''])).toEqual({ type: 'categorical', values: [null, null, null], missingTokens: { '': 2, ' ': 1 } });
  });
});
