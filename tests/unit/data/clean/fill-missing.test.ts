import { describe, expect, it } from 'vitest';
import { fillMissing, type FillMissingParams } from '../../../../src/core/data/clean/fill-missing';
import { tableArtifact } from '../table-fixture';

describe('fillMissing', () => {
  const data = tableArtifact(
    {
      timeOnSite: ['number', [10, null, 30, 100, null]],
      city: ['categorical', ['Paris', null, 'Lyon', 'Paris', null]],
      visitStart: ['timestamp', [0, 1000, null, 3000, 4000]],
      value: ['number', [null, 1, 2, 3, 4]],
    },
    'value',
  );
  const fill = (method: FillMissingParams['method'], columns: string[] = [], value = '') => fillMissing(data, { method, columns, value });

  it('fills numbers with the median, the target aside, and says it was taken over every row', () => {
    const { data: filled, report } = fill('median');
    expect(filled.table.array('timeOnSite')).toEqual([10, 30, 30, 100, 30]);
    expect(filled.table.array('visitStart')).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(filled.table.array('value')).toEqual([null, 1, 2, 3, 4]);
    expect(filled.table.array('city')).toEqual(['Paris', null, 'Lyon', 'Paris', null]);
    expect(report.changes[0]).toEqual({ column: 'timeOnSite', detail: '2 missing values → median 30' });
    expect(report.notes[0]).toMatch(/all 5 rows, test rows included/);
  });

  it('fills with the mean', () => {
    expect(fill('mean', ['timeOnSite']).data.table.array('timeOnSite')).toEqual([10, 140 / 3, 30, 100, 140 / 3]);
  });

  it('fills with the most frequent value, of any type', () => {
    expect(fill('mode', ['city']).data.table.array('city')).toEqual(['Paris', 'Paris', 'Lyon', 'Paris', 'Paris']);
  });

  it('fills with a constant read as the column’s type, and names a constant that is not one', () => {
    expect(fill('constant', ['timeOnSite'], '0').data.table.array('timeOnSite')).toEqual([10, 0, 30, 100, 0]);
    expect(fill('constant', ['city'], 'elsewhere').data.table.array('city')).toEqual(['Paris', 'elsewhere', 'Lyon', 'Paris', 'elsewhere']);
    expect(() => fill('constant', ['timeOnSite'], 'zero')).toThrow('Value “zero” is not a number for column “timeOnSite”');
    expect(() => fill('constant', [], '0')).toThrow(/pick the columns/);
  });

  it('gives text columns a “(missing)” level and refuses it for numbers', () => {
    expect(fill('missing-category').data.table.array('city')).toEqual(['Paris', '(missing)', 'Lyon', 'Paris', '(missing)']);
    expect(() => fill('missing-category', ['timeOnSite'])).toThrow(/column “timeOnSite” is number/);
  });

  it('adds a 0/1 indicator column per column with missing values, leaving the values', () => {
    const { data: filled, report } = fill('indicator', ['timeOnSite', 'city']);
    expect(filled.table.array('timeOnSite_missing')).toEqual([0, 1, 0, 0, 1]);
    expect(filled.table.array('city_missing')).toEqual([0, 1, 0, 0, 1]);
    expect(filled.table.array('timeOnSite')).toEqual([10, null, 30, 100, null]);
    expect(filled.columns.slice(-2)).toEqual([
      { name: 'timeOnSite_missing', type: 'number' },
      { name: 'city_missing', type: 'number' },
    ]);
    expect(report.columnsAdded).toEqual(['timeOnSite_missing', 'city_missing']);
  });

  it('refuses an indicator whose name is taken', () => {
    const taken = tableArtifact({ a: ['number', [1, null]], a_missing: ['number', [0, 0]] });
    expect(() => fillMissing(taken, { method: 'indicator', columns: ['a'], value: '' })).toThrow(/column “a_missing” already exists/);
  });

  it('names a column the table lacks, and one the method cannot fill', () => {
    expect(() => fill('median', ['totals.timeOnSite'])).toThrow('column “totals.timeOnSite” is not in the table');
    expect(() => fill('median', ['city'])).toThrow(/column “city” is categorical: the median needs numbers/);
  });

  it('warns, rather than inventing a value, where a column has nothing to take a median from', () => {
    const empty = tableArtifact({ a: ['number', [null, null]] });
    const { data: same, report } = fillMissing(empty, { method: 'median', columns: ['a'], value: '' });
    expect(same.table.array('a')).toEqual([null, null]);
    expect(report.warnings[0]).toMatch(/a has no values/);
  });
});
