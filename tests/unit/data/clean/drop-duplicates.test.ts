import { describe, expect, it } from 'vitest';
import { dropDuplicateRows } from '../../../../src/core/data/clean/drop-duplicates';
import { tableArtifact } from '../table-fixture';

describe('dropDuplicateRows', () => {
  const data = tableArtifact({
    visitor: ['categorical', ['a', 'a', 'b', 'a', 'b']],
    hits: ['number', [1, 1, 2, 3, null]],
    code: ['categorical', ['1', '1', '2', '3', 'null']],
  });

  it('keeps the first of rows equal in every column; 1 and "1", null and "null" differ', () => {
    const mixed = tableArtifact({ x: ['categorical', ['1', null, '1', 'null', null]], y: ['number', [1, 2, 1, 2, 2]] });
    const { data: kept, report } = dropDuplicateRows(mixed, { columns: [] });
    expect(kept.table.objects()).toEqual([
      { x: '1', y: 1 },
      { x: null, y: 2 },
      { x: 'null', y: 2 },
    ]);
    expect(report.rowsRemoved).toBe(2);
    expect(report.changes[0]).toEqual({ column: null, detail: '2 rows removed: exact copies of an earlier row' });
  });

  it('tells apart rows whose values differ anywhere, across many rows', () => {
    const count = 5000;
    const many = tableArtifact({
      a: ['number', Array.from({ length: count }, (_, row) => row % 50)],
      b: ['number', Array.from({ length: count }, (_, row) => Math.floor(row / 50) % 40)],
    });
    // 50 × 40 = 2,000 distinct pairs, each first seen in row order.
    const { data: kept } = dropDuplicateRows(many, { columns: [] });
    expect(kept.table.numRows()).toBe(2000);
    expect(new Set((kept.table.objects() as { a: number; b: number }[]).map((row) => `${row.a},${row.b}`)).size).toBe(2000);
  });

  it('compares only the picked columns when asked', () => {
    const { data: kept } = dropDuplicateRows(data, { columns: ['visitor'] });
    expect(kept.table.array('hits')).toEqual([1, 2]);
  });

  it('changes nothing without duplicates, and names a missing column', () => {
    expect(dropDuplicateRows(data, { columns: ['visitor', 'hits'] }).report.rowsRemoved).toBe(1);
    expect(() => dropDuplicateRows(data, { columns: ['sessionId'] })).toThrow('column “sessionId” is not in the table');
  });
});
