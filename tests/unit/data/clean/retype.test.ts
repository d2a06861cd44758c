import { describe, expect, it } from 'vitest';
import { retypeColumns } from '../../../../src/core/data/clean/retype';
import { tableArtifact } from '../table-fixture';

describe('retypeColumns', () => {
  it('reads a text column of numbers as numbers once junk is gone', () => {
    const data = tableArtifact({ pageviews: ['categorical', ['3', null, '12', '1']], name: ['categorical', ['a', 'b', 'a', 'b']] });
    const { data: retyped, report } = retypeColumns(data);
    expect(retyped.columns).toEqual([
      { name: 'pageviews', type: 'number' },
      { name: 'name', type: 'categorical' },
    ]);
    expect(retyped.table.array('pageviews')).toEqual([3, null, 12, 1]);
    expect(report.changes).toEqual([{ column: 'pageviews', detail: 'categorical → number' }]);
  });

  it('reads TRUE/FALSE text as booleans', () => {
    const { data: retyped } = retypeColumns(tableArtifact({ paid: ['categorical', ['TRUE', null, 'FALSE']] }));
    expect(retyped.table.array('paid')).toEqual([true, null, false]);
  });

  it('counts NaN text read as a missing number among the tokens read as missing', () => {
    const { data: retyped, report } = retypeColumns(tableArtifact({ revenue: ['categorical', ['3.5', 'NaN', '1', 'NaN']] }));
    expect(retyped.table.array('revenue')).toEqual([3.5, null, 1, null]);
    expect(retyped.missingTokens).toEqual({ revenue: { NaN: 2 } });
    expect(report.valuesChanged).toBe(2);
  });
});
