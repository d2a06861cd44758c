import { describe, expect, it } from 'vitest';
import { TextColumn } from '../../../../src/core/data/stream/text-column';

describe('TextColumn', () => {
  it('gives back every cell in row order, from ranges and whole strings alike', () => {
    const column = new TextColumn();
    const line = 'red,blue,,red,a much longer value than thirteen,';
    let start = 0;
    for (const cell of line.split(',')) {
      column.addRange(line, start, start + cell.length);
      start += cell.length + 1;
    }
    column.add('blue');
    expect(column.cells()).toEqual([...line.split(','), 'blue']);
  });

  it('stores each distinct text once, the empty text included', () => {
    const column = new TextColumn();
    for (let row = 0; row < 5000; row++) column.add(row % 3 === 0 ? '' : `level ${row % 7}`);
    expect(column.cells()).toHaveLength(5000);
    expect(column.distinctTexts).toBe(1 + new Set(Array.from({ length: 5000 }, (_, row) => row % 3 === 0 ? '' : `level ${row % 7}`).filter((cell) => cell !== '')).size);
  });

  it('keeps texts apart whose hashes collide in the table', () => {
    const column = new TextColumn();
    const cells = Array.from({ length: 20_000 }, (_, row) => `id-${row}`);
    for (const cell of cells) column.add(cell);
    for (const cell of cells) column.add(cell);
    expect(column.distinctTexts).toBe(20_000);
    expect(column.cells()).toEqual([...cells, ...cells]);
  });

  it('spreads one value per distinct text over the rows that hold it', () => {
    const column = new TextColumn();
    for (const cell of ['1', '2', '1', '1', '2']) column.add(cell);
    expect(column.texts).toEqual(['1', '2']);
    expect(column.rowsOf(column.texts.map((cell) => Number(cell) * 10))).toEqual([10, 20, 10, 10, 20]);
  });

  it('counts the rows holding each distinct text', () => {
    const column = new TextColumn();
    for (const cell of ['b', '', 'a', 'b', 'b', '']) column.add(cell);
    expect(column.texts).toEqual(['b', '', 'a']);
    expect([...column.codeCounts()]).toEqual([3, 2, 1]);
  });
});
