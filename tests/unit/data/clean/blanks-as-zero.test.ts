import { describe, expect, it } from 'vitest';
import { fillIndicatorBlanks } from '../../../../src/core/data/clean/blanks-as-zero';
import { tableArtifact } from '../table-fixture';

describe('fillIndicatorBlanks', () => {
  const data = tableArtifact(
    {
      bounces: ['number', [1, null, 1, null, null]],
      hits: ['number', [1, null, 3, 4, 5]],
      allOnes: ['number', [1, 1, 1, 1, 1]],
      value: ['number', [1, null, 1, null, 1]],
    },
    'value',
  );

  it('fills blanks with 0 only where 1 is the only other value', () => {
    const { data: filled, report } = fillIndicatorBlanks(data);
    expect(filled.table.array('bounces')).toEqual([1, 0, 1, 0, 0]);
    expect(filled.table.array('hits')).toEqual([1, null, 3, 4, 5]);
    expect(filled.table.array('allOnes')).toEqual([1, 1, 1, 1, 1]);
    expect(report.valuesChanged).toBe(3);
    expect(report.rowsAffected).toBe(3);
  });

  it('leaves the target to its own step', () => {
    expect(fillIndicatorBlanks(data).data.table.array('value')).toEqual([1, null, 1, null, 1]);
  });
});
