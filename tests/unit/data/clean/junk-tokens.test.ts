import { describe, expect, it } from 'vitest';
import { replaceJunkTokens } from '../../../../src/core/data/clean/junk-tokens';
import { tableArtifact } from '../table-fixture';

describe('replaceJunkTokens', () => {
  const data = tableArtifact({
    city: ['categorical', ['Paris', 'not available in demo dataset', '(not set)', null, ' (not set) ']],
    medium: ['categorical', ['(none)', 'organic', '(none)', 'cpc', 'organic']],
    hits: ['number', [1, 2, 3, 4, 5]],
  });

  it('turns listed tokens (spaces trimmed) into missing values and counts them', () => {
    const { data: cleaned, report } = replaceJunkTokens(data, ['not available in demo dataset', '(not set)']);
    expect(cleaned.table.array('city')).toEqual(['Paris', null, null, null, null]);
    expect(report.valuesChanged).toBe(3);
    expect(report.rowsAffected).toBe(3);
    expect(report.changes.map((change) => change.column)).toEqual(['city']);
  });

  it('leaves tokens that are not listed, such as (none)', () => {
    const { data: cleaned } = replaceJunkTokens(data, ['(not set)']);
    expect(cleaned.table.array('medium')).toEqual(['(none)', 'organic', '(none)', 'cpc', 'organic']);
  });

  it('does not change the input table', () => {
    replaceJunkTokens(data, ['(not set)']);
    expect(data.table.array('city')[2]).toBe('(not set)');
  });
});
