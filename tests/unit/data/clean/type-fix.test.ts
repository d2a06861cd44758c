import { describe, expect, it } from 'vitest';
import { fixTypes } from '../../../../src/core/data/clean/type-fix';
import { tableArtifact } from '../table-fixture';

describe('fixTypes', () => {
  const data = tableArtifact({
    revenue: ['categorical', ['12.5', 'n/a', '3', null, 'n/a', '-']],
    paid: ['categorical', ['1', '0', 'yes', '1', null, '0']],
    day: ['categorical', ['2017-08-01', '20170802', null, 'soon', '2017-08-03', '2017-08-04']],
    browser: ['number', [1, 2, 3, 1, 2, 3]],
  });

  it('parses numbers stored as text; what cannot be read becomes missing, listed and tallied', () => {
    const { data: fixed, report } = fixTypes(data, { columns: ['revenue'], to: 'number' });
    expect(fixed.table.array('revenue')).toEqual([12.5, null, 3, null, null, null]);
    expect(fixed.columns[0]).toEqual({ name: 'revenue', type: 'number' });
    expect(fixed.missingTokens).toEqual({ revenue: { 'n/a': 2, '-': 1 } });
    expect(report.valuesChanged).toBe(3);
    expect(report.changes[0].detail).toBe('categorical → number; 3 values unreadable → missing (“n/a” ×2, “-” ×1)');
  });

  it('parses booleans (0/1, true/false) and timestamps', () => {
    expect(fixTypes(data, { columns: ['paid'], to: 'boolean' }).data.table.array('paid')).toEqual([true, false, null, true, null, false]);
    const days = fixTypes(data, { columns: ['day'], to: 'timestamp' }).data.table.array('day');
    expect(days).toEqual([Date.UTC(2017, 7, 1), Date.UTC(2017, 7, 2), null, null, Date.UTC(2017, 7, 3), Date.UTC(2017, 7, 4)]);
  });

  it('reads integer codes as categories', () => {
    const { data: fixed } = fixTypes(data, { columns: ['browser'], to: 'categorical' });
    expect(fixed.table.array('browser')).toEqual(['1', '2', '3', '1', '2', '3']);
    expect(fixed.columns[3].type).toBe('categorical');
  });

  it('warns when nothing in a column reads as the type', () => {
    const { report } = fixTypes(tableArtifact({ city: ['categorical', ['Paris', 'Lyon']] }), { columns: ['city'], to: 'number' });
    expect(report.warnings[0]).toMatch(/No value of city reads as number/);
  });

  it('names a missing column', () => {
    expect(() => fixTypes(data, { columns: ['totals.transactionRevenue'], to: 'number' })).toThrow('column “totals.transactionRevenue” is not in the table');
  });
});
