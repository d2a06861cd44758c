import { describe, expect, it } from 'vitest';
import { uniqueColumnNames } from '../../../src/core/data/column-names';

describe('uniqueColumnNames', () => {
  it('numbers repeated names from 2', () => {
    expect(uniqueColumnNames(['col', 'col', 'x', 'col']).names).toEqual(['col', 'col_2', 'x', 'col_3']);
  });

  it('names empty headers by their position', () => {
    const { names, renamed } = uniqueColumnNames(['a', '', ' ']);
    expect(names).toEqual(['a', 'column_2', 'column_3']);
    expect(renamed).toEqual([
      { position: 2, from: '', to: 'column_2' },
      { position: 3, from: ' ', to: 'column_3' },
    ]);
  });

  it('never produces a name the file already uses', () => {
    expect(uniqueColumnNames(['col', 'col', 'col_2']).names).toEqual(['col', 'col_3', 'col_2']);
    expect(uniqueColumnNames(['column_2', '']).names).toEqual(['column_2', 'column_2_2']);
  });

  it('reports nothing when names are already unique', () => {
    expect(uniqueColumnNames(['a', 'b']).renamed).toEqual([]);
  });
});
