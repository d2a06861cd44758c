import { describe, expect, it } from 'vitest';
import { fillBlanksAsZero } from '../../../../src/core/data/clean/blanks-as-zero';
import { tableArtifact } from '../table-fixture';

describe('fillBlanksAsZero', () => {
  const data = tableArtifact(
    {
      bounces: ['number', [1, null, 1, null, null]],
      hits: ['number', [1, null, 3, 4, 5]],
      allOnes: ['number', [1, 1, 1, 1, 1]],
      value: ['number', [1, null, 1, null, 1]],
    },
    'value',
  );

  it('with no columns picked, fills blanks with 0 only where 1 is the only other value', () => {
    const { data: filled, report } = fillBlanksAsZero(data, { columns: [] });
    expect(filled.table.array('bounces')).toEqual([1, 0, 1, 0, 0]);
    expect(filled.table.array('hits')).toEqual([1, null, 3, 4, 5]);
    expect(filled.table.array('allOnes')).toEqual([1, 1, 1, 1, 1]);
    expect(report.valuesChanged).toBe(3);
    expect(report.rowsAffected).toBe(3);
  });

  it('leaves the target to its own step unless it is picked', () => {
    expect(fillBlanksAsZero(data, { columns: [] }).data.table.array('value')).toEqual([1, null, 1, null, 1]);
    expect(fillBlanksAsZero(data, { columns: ['value'] }).data.table.array('value')).toEqual([1, 0, 1, 0, 1]);
  });

  it('fills any picked number column, whatever its other values', () => {
    const { data: filled, report } = fillBlanksAsZero(data, { columns: ['hits'] });
    expect(filled.table.array('hits')).toEqual([1, 0, 3, 4, 5]);
    expect(filled.table.array('bounces')).toEqual([1, null, 1, null, null]);
    expect(report.changes).toEqual([{ column: 'hits', detail: '1 blank → 0' }]);
  });

  it('names a picked column the table lacks, or one that is not numeric', () => {
    expect(() => fillBlanksAsZero(data, { columns: ['totals.newVisits'] })).toThrow('column “totals.newVisits” is not in the table');
    const text = tableArtifact({ city: ['categorical', ['Paris', null]] });
    expect(() => fillBlanksAsZero(text, { columns: ['city'] })).toThrow(/column “city” is categorical/);
  });
});
