import { describe, expect, it } from 'vitest';
import { dropConstantColumns } from '../../../../src/core/data/clean/drop-constant';
import { dropMostlyMissingColumns } from '../../../../src/core/data/clean/drop-mostly-missing';
import { tableArtifact } from '../table-fixture';

describe('dropConstantColumns', () => {
  it('drops columns with one value or none, keeping missing-aside variety', () => {
    const data = tableArtifact({
      visits: ['number', [1, 1, 1, 1]],
      social: ['categorical', ['Not Socially Engaged', null, 'Not Socially Engaged', null]],
      empty: ['categorical', [null, null, null, null]],
      hits: ['number', [1, 2, 1, 2]],
    });
    const { data: kept, report } = dropConstantColumns(data);
    expect(kept.table.columnNames()).toEqual(['hits']);
    expect(kept.columns).toEqual([{ name: 'hits', type: 'number' }]);
    expect(report.columnsDropped).toEqual(['visits', 'social', 'empty']);
  });

  it('keeps a constant target and warns', () => {
    const data = tableArtifact({ value: ['number', [0, 0, 0]], hits: ['number', [1, 2, 3]] }, 'value');
    const { data: kept, report } = dropConstantColumns(data);
    expect(kept.table.columnNames()).toEqual(['value', 'hits']);
    expect(report.warnings[0]).toMatch(/target value is constant/);
  });
});

describe('dropMostlyMissingColumns', () => {
  const data = tableArtifact(
    {
      // 3 of 4 missing = 75%; 2 of 4 = 50%.
      sparse: ['number', [1, null, null, null]],
      half: ['number', [1, 2, null, null]],
      value: ['number', [null, null, null, 5]],
    },
    'value',
  );

  it('drops columns missing more than the limit', () => {
    const { data: kept, report } = dropMostlyMissingColumns(data, 0.6);
    expect(kept.table.columnNames()).toEqual(['half', 'value']);
    expect(report.columnsDropped).toEqual(['sparse']);
    expect(report.warnings[0]).toMatch(/target value is 75\.0% missing/);
  });

  it('keeps a column exactly at the limit', () => {
    expect(dropMostlyMissingColumns(data, 0.5).data.table.columnNames()).toEqual(['half', 'value']);
  });
});
