import { describe, expect, it } from 'vitest';
import { TextColumn } from '../../../../src/core/data/stream/text-column';

const encoder = new TextEncoder();

function add(column: TextColumn, cell: string): void {
  const bytes = encoder.encode(cell);
  column.addRange(bytes, 0, bytes.length);
}

describe('TextColumn', () => {
  it('gives back every cell in row order, from ranges of longer bytes', () => {
    const column = new TextColumn();
    const line = 'red,blue,,red,a much longer value than thirteen,';
    const bytes = encoder.encode(line);
    let start = 0;
    for (const cell of line.split(',')) {
      column.addRange(bytes, start, start + cell.length);
      start += cell.length + 1;
    }
    add(column, 'blue');
    expect(column.cells()).toEqual([...line.split(','), 'blue']);
  });

  it('reads ranges of bytes that start partway into their buffer, as a piece after a byte-order mark does', () => {
    const column = new TextColumn();
    const bytes = encoder.encode('xyzdesktop,mobile,desktop').subarray(3);
    column.addRange(bytes, 0, 7);
    column.addRange(bytes, 8, 14);
    column.addRange(bytes, 15, 22);
    expect(column.cells()).toEqual(['desktop', 'mobile', 'desktop']);
    expect(column.distinctTexts).toBe(2);
  });

  it('stores each distinct text once, the empty text included', () => {
    const column = new TextColumn();
    for (let row = 0; row < 5000; row++) add(column, row % 3 === 0 ? '' : `level ${row % 7}`);
    expect(column.cells()).toHaveLength(5000);
    expect(column.distinctTexts).toBe(1 + new Set(Array.from({ length: 5000 }, (_, row) => row % 3 === 0 ? '' : `level ${row % 7}`).filter((cell) => cell !== '')).size);
  });

  it('keeps texts apart whose hashes collide in the table', () => {
    const column = new TextColumn();
    const cells = Array.from({ length: 20_000 }, (_, row) => `id-${row}`);
    for (const cell of cells) add(column, cell);
    for (const cell of cells) add(column, cell);
    expect(column.distinctTexts).toBe(20_000);
    expect(column.cells()).toEqual([...cells, ...cells]);
  });

  it('decodes each distinct text once, multi-byte characters and surrogate pairs included', () => {
    const column = new TextColumn();
    const cells = ['Zürich', 'plain', '日本', '', 'a 😀 b', '😀', 'São Paulo, a longer name', 'plain', 'é'];
    for (const cell of cells) add(column, cell);
    expect(column.texts).toEqual(['Zürich', 'plain', '日本', '', 'a 😀 b', '😀', 'São Paulo, a longer name', 'é']);
    expect(column.cells()).toEqual(cells);
  });

  it('decodes many texts, ASCII and not, whichever block of bytes they fall in', () => {
    const column = new TextColumn();
    const cells = Array.from({ length: 30_000 }, (_, row) => (row % 997 === 0 ? `città ${row} 😀` : `city ${row}`));
    for (const cell of cells) add(column, cell);
    expect(column.cells()).toEqual(cells);
  });

  it('gives the texts added after they were first asked for', () => {
    const column = new TextColumn();
    add(column, 'a');
    expect(column.texts).toEqual(['a']);
    add(column, 'b');
    add(column, 'a');
    expect(column.texts).toEqual(['a', 'b']);
    expect(column.cells()).toEqual(['a', 'b', 'a']);
  });

  it('spreads one value per distinct text over the rows that hold it', () => {
    const column = new TextColumn();
    for (const cell of ['1', '2', '1', '1', '2']) add(column, cell);
    expect(column.texts).toEqual(['1', '2']);
    expect(column.rowsOf(column.texts.map((cell) => Number(cell) * 10))).toEqual([10, 20, 10, 10, 20]);
  });

  it('counts the rows holding each distinct text', () => {
    const column = new TextColumn();
    for (const cell of ['b', '', 'a', 'b', 'b', '']) add(column, cell);
    expect(column.texts).toEqual(['b', '', 'a']);
    expect([...column.codeCounts()]).toEqual([3, 2, 1]);
  });
});
