import { describe, expect, it } from 'vitest';
import { capOutliers, type CapOutliersParams } from '../../../../src/core/data/clean/cap-outliers';
import { tableArtifact } from '../table-fixture';

describe('capOutliers', () => {
  const pageviews = [1, 5, 20, 150, null, 400, 99, 100, 101, 2];
  const data = tableArtifact({ 'totals.pageviews': ['number', pageviews], city: ['categorical', pageviews.map(() => 'Paris')] });
  const cap = (params: Partial<CapOutliersParams>) => capOutliers(data, { columns: ['totals.pageviews'], method: 'value', sides: 'upper', lower: 0, upper: 100, ...params });

  it('caps values above an absolute bound, as the seeds clip page views at 100', () => {
    const { data: capped, report } = cap({});
    expect(capped.table.array('totals.pageviews')).toEqual([1, 5, 20, 100, null, 100, 99, 100, 100, 2]);
    expect(report.valuesChanged).toBe(3);
    expect(report.changes).toEqual([{ column: 'totals.pageviews', detail: '3 values above 100 → 100' }]);
  });

  it('caps both sides at quantiles of the present values', () => {
    // Present sorted: 1 2 5 20 99 100 101 150 400; p10 = 1.8, p90 = 200.
    const { data: capped, report } = cap({ method: 'quantile', sides: 'both', lower: 0.1, upper: 0.9 });
    const values = capped.table.array('totals.pageviews') as (number | null)[];
    [1.8, 5, 20, 150, null, 200, 99, 100, 101, 2].forEach((expected, row) => (expected === null ? expect(values[row]).toBeNull() : expect(values[row]).toBeCloseTo(expected, 9)));
    expect(report.notes[0]).toMatch(/test rows included/);
  });

  it('refuses quantiles outside 0..1 and crossed bounds, naming the bound', () => {
    expect(() => cap({ method: 'quantile', upper: 99 })).toThrow(/Upper bound 99 is not a quantile/);
    expect(() => cap({ sides: 'both', lower: 200, upper: 100 })).toThrow(/Lower bound 200 must be below the upper bound 100/);
  });

  it('names a missing column, a non-numeric one, and an empty pick', () => {
    expect(() => cap({ columns: ['totals.hits'] })).toThrow('column “totals.hits” is not in the table');
    expect(() => cap({ columns: ['city'] })).toThrow(/column “city” is categorical: capping needs numbers/);
    expect(() => cap({ columns: [] })).toThrow(/pick the columns/);
  });
});
