import { describe, expect, it } from 'vitest';
import { dropPickedColumns } from '../../../../src/core/data/clean/drop-columns';
import { dropConstantColumns } from '../../../../src/core/data/clean/drop-constant';
import { dropIdentifierColumns } from '../../../../src/core/data/clean/drop-identifiers';
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
    const { data: kept, report } = dropMostlyMissingColumns(data, { maxMissingShare: 0.6 });
    expect(kept.table.columnNames()).toEqual(['half', 'value']);
    expect(report.columnsDropped).toEqual(['sparse']);
    expect(report.warnings[0]).toMatch(/target value is 75\.0% missing/);
  });

  it('keeps a column exactly at the limit', () => {
    expect(dropMostlyMissingColumns(data, { maxMissingShare: 0.5 }).data.table.columnNames()).toEqual(['half', 'value']);
  });
});

describe('dropPickedColumns', () => {
  const data = {
    ...tableArtifact({ leak: ['number', [1, 2]], city: ['categorical', ['a', null]], value: ['number', [3, 4]] }, 'value'),
    missingTokens: { city: { '(not set)': 1 } },
  };

  it('drops the picked columns and their tally of tokens read as missing', () => {
    const { data: kept, report } = dropPickedColumns(data, { columns: ['city', 'leak'] });
    expect(kept.columns.map((column) => column.name)).toEqual(['value']);
    expect(kept.missingTokens).toEqual({});
    expect(report.columnsDropped).toEqual(['city', 'leak']);
  });

  it('names a picked column the table lacks', () => {
    expect(() => dropPickedColumns(data, { columns: ['sessionId'] })).toThrow('column “sessionId” is not in the table');
  });
});

describe('dropIdentifierColumns', () => {
  it('drops identifier columns and text with a distinct value nearly every row, not repeated categories', () => {
    const rows = 40;
    const data = tableArtifact({
      fullVisitorId: ['identifier', Array.from({ length: rows }, (_, i) => `v${i % 30}`)],
      sessionKey: ['categorical', Array.from({ length: rows }, (_, i) => `s-${i}`)],
      channel: ['categorical', Array.from({ length: rows }, (_, i) => (i % 2 ? 'Organic' : 'Direct'))],
      hits: ['number', Array.from({ length: rows }, (_, i) => i)],
    });
    const { data: kept, report } = dropIdentifierColumns(data);
    expect(kept.columns.map((column) => column.name)).toEqual(['channel', 'hits']);
    expect(report.changes.map((change) => change.detail)).toEqual(['dropped: is an identifier', 'dropped: is identifier-like (40 distinct of 40)']);
  });
});
