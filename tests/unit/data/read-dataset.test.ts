import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/core/cells/types';
import { readDataset } from '../../../src/core/data/read-dataset';

const file = (text: string, name = 'data.csv') => ({ name, bytes: new TextEncoder().encode(text) });

describe('readDataset', () => {
  it('reads a semicolon file with a BOM and CRLF into typed columns', () => {
    const { table, columns, delimiter } = readDataset(file('\uFEFFname;amount;paid\r\na;1,5;TRUE\r\nb;2;FALSE\r\n'));
    expect(delimiter).toBe(';');
    expect(columns.map((column) => column.type)).toEqual(['categorical', 'categorical', 'boolean']);
    expect(table.array('paid')).toEqual([true, false]);
    expect(table.columnNames()).toEqual(['name', 'amount', 'paid']);
  });

  it('reads a TSV file', () => {
    const { table, columns } = readDataset(file('x\ty\n1\t2\n3\t4\n', 'data.tsv'));
    expect(columns).toEqual([
      { name: 'x', type: 'number' },
      { name: 'y', type: 'number' },
    ]);
    expect(table.array('y')).toEqual([2, 4]);
  });

  it('renames duplicate and empty headers and keeps every column', () => {
    const { table, renamed } = readDataset(file('a,a,\n1,2,3\n'));
    expect(table.columnNames()).toEqual(['a', 'a_2', 'column_3']);
    expect(table.array('a_2')).toEqual([2]);
    expect(renamed.map((change) => change.to)).toEqual(['a_2', 'column_3']);
  });

  it('keeps columns whose names look like integers in file order', () => {
    expect(readDataset(file('b,2019,1\n1,2,3\n')).table.columnNames()).toEqual(['b', '2019', '1']);
  });

  it.each([
    ['', /empty/],
    [' \n \n', /empty/],
    ['a,b\n', /header but no data rows/],
  ])('refuses %j', (text, message) => {
    expect(() => readDataset(file(text))).toThrow(message);
  });

  it('names ragged rows by count and first lines', () => {
    const attempt = () => readDataset(file('a,b\n1,2\n3\n4,5\n6,7,8\n'));
    expect(attempt).toThrow(CellError);
    expect(attempt).toThrow(/2 rows do not have the header's 2 fields, first at lines 3 \(1 fields\), 5 \(3 fields\)/);
  });

  it('refuses binary data', () => {
    expect(() => readDataset({ name: 'model.bin', bytes: new Uint8Array([1, 0, 2, 0]) })).toThrow(/model\.bin looks like a binary file/);
  });
});
