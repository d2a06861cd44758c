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
      { position: 2, from: '', to: 'column_2', why: 'empty' },
      { position: 3, from: ' ', to: 'column_3', why: 'empty' },
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

describe('uniqueColumnNames with reserved names', () => {
  it('renames __proto__ so no object keyed by column names can lose it', () => {
    const { names, renamed } = uniqueColumnNames(['__proto__', 'a', '__proto___2']);
    expect(names).toEqual(['__proto___3', 'a', '__proto___2']);
    expect(renamed).toEqual([{ position: 1, from: '__proto__', to: '__proto___3', why: 'reserved' }]);
  });

  it('says when only surrounding spaces were removed', () => {
    expect(uniqueColumnNames([' a ']).renamed).toEqual([{ position: 1, from: ' a ', to: 'a', why: 'spaces' }]);
  });
});
