import { describe, expect, it } from 'vitest';
import { fillTargetWithZero } from '../../../../src/core/data/clean/fill-target';
import { tableArtifact } from '../table-fixture';

describe('fillTargetWithZero', () => {
  it('fills the blank targets with 0 and nothing else', () => {
    const data = tableArtifact({ value: ['number', [null, 12.5, null]], other: ['number', [null, 1, 2]] }, 'value');
    const { data: filled, report } = fillTargetWithZero(data);
    expect(filled.table.array('value')).toEqual([0, 12.5, 0]);
    expect(filled.table.array('other')).toEqual([null, 1, 2]);
    expect(report.valuesChanged).toBe(2);
  });

  it('warns instead of filling a non-numeric target', () => {
    const data = tableArtifact({ value: ['categorical', ['a', null]] }, 'value');
    const { data: same, report } = fillTargetWithZero(data);
    expect(same.table.array('value')).toEqual(['a', null]);
    expect(report.warnings[0]).toMatch(/categorical, not number/);
  });

  it('does nothing without a target', () => {
    const data = tableArtifact({ value: ['number', [null]] });
    expect(fillTargetWithZero(data).report.valuesChanged).toBe(0);
  });
});
