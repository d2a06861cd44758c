import { describe, expect, it } from 'vitest';
import { replaceJunkTokens } from '../../../../src/core/data/clean/junk-tokens';
import { tableArtifact } from '../table-fixture';

describe('replaceJunkTokens', () => {
  const data = tableArtifact({
    city: ['categorical', ['Paris', 'not available in demo dataset', '(not set)', null, ' (not set) ']],
    medium: ['categorical', ['(none)', 'organic', '(none)', 'cpc', '  ']],
    hits: ['number', [1, 2, 3, 4, 5]],
  });
  const only = (tokens: string[], extra: { emptyText?: boolean; columns?: string[] } = {}) => ({ tokens, emptyText: false, columns: [], ...extra });

  it('turns listed tokens (spaces trimmed) into missing values and counts them', () => {
    const { data: cleaned, report } = replaceJunkTokens(data, only(['not available in demo dataset', '(not set)']));
    expect(cleaned.table.array('city')).toEqual(['Paris', null, null, null, null]);
    expect(report.valuesChanged).toBe(3);
    expect(report.rowsAffected).toBe(3);
    expect(report.changes.map((change) => change.column)).toEqual(['city']);
  });

  it('adds what it turned into missing to the table’s tokens, per column with counts', () => {
    const start = { ...data, missingTokens: { city: { '(not set)': 1 } } };
    const { data: cleaned } = replaceJunkTokens(start, only(['not available in demo dataset', '(not set)']));
    expect(cleaned.missingTokens).toEqual({ city: { '(not set)': 3, 'not available in demo dataset': 1 } });
    expect(start.missingTokens).toEqual({ city: { '(not set)': 1 } });
  });

  it('turns empty or space-only text into missing when asked', () => {
    expect(replaceJunkTokens(data, only([])).data.table.array('medium')).toContain('  ');
    const { data: cleaned } = replaceJunkTokens(data, only([], { emptyText: true }));
    expect(cleaned.table.array('medium')).toEqual(['(none)', 'organic', '(none)', 'cpc', null]);
    expect(cleaned.missingTokens).toEqual({ medium: { '': 1 } });
  });

  it('leaves tokens that are not listed, such as (none)', () => {
    const { data: cleaned } = replaceJunkTokens(data, only(['(not set)']));
    expect(cleaned.table.array('medium')).toEqual(['(none)', 'organic', '(none)', 'cpc', '  ']);
  });

  it('looks only in the picked columns, and names one the table lacks', () => {
    const both = tableArtifact({ a: ['categorical', ['x', '(not set)']], b: ['categorical', ['(not set)', 'y']] });
    expect(replaceJunkTokens(both, only(['(not set)'], { columns: ['b'] })).data.table.array('a')).toEqual(['x', '(not set)']);
    expect(() => replaceJunkTokens(both, only(['(not set)'], { columns: ['geoNetwork.city'] }))).toThrow('column “geoNetwork.city” is not in the table');
  });

  it('does not change the input table', () => {
    replaceJunkTokens(data, only(['(not set)']));
    expect(data.table.array('city')[2]).toBe('(not set)');
  });
});
