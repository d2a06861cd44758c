import { describe, expect, it } from 'vitest';
import { deriveColumn } from '../../../../src/core/data/clean/derive-column';
import { checkExpression } from '../../../../src/core/data/clean/expression';
import { filterRows } from '../../../../src/core/data/clean/filter-rows';
import { tableArtifact } from '../table-fixture';

const data = tableArtifact(
  {
    'totals.pageviews': ['number', [1, 4, null, 12]],
    'totals.hits': ['number', [2, 8, 3, 0]],
    city: ['categorical', ['Paris', null, 'Lyon', 'Paris']],
    value: ['number', [0, 10, 0, 25]],
  },
  'value',
);

describe('checkExpression', () => {
  it('accepts both the arrow and the short form, with bracketed names and op functions', () => {
    expect(checkExpression(' d => d["totals.pageviews"] > 1 ', data)).toEqual({ expression: 'd => d["totals.pageviews"] > 1', columns: ['totals.pageviews'] });
    expect(checkExpression('op.log1p(d.value) * d.value', data)).toEqual({ expression: 'op.log1p(d.value) * d.value', columns: ['value'] });
  });

  it('names a column the table lacks', () => {
    expect(() => checkExpression('d.pageViews > 1', data)).toThrow('column “pageViews” is not in the table (expression “d.pageViews > 1”)');
    expect(() => checkExpression('d.totals.hits > 1', data)).toThrow('column “totals” is not in the table (expression “d.totals.hits > 1”); dotted names need brackets, e.g. d["totals.pageviews"]');
  });

  it('explains a syntax error, an unknown name and an unknown function', () => {
    expect(() => checkExpression('d.value >', data)).toThrow(/not a valid expression .* in “d.value >”/);
    expect(() => checkExpression('value > 1', data)).toThrow('“value” is not known: write columns as d.name or d["name"]');
    expect(() => checkExpression('parseInt(d.city)', data)).toThrow(/“parseInt\(d.city\)” calls a function arquero does not offer/);
  });

  it('asks for an expression when there is none', () => {
    expect(() => checkExpression('  ', data)).toThrow(/write an expression/);
  });

  it.each([
    ['globalThis.fetch', /not known/],
    ['window.alert(1)', /calls a function arquero does not offer/],
    ['d => this.constructor', /`this` is not allowed/],
    ['d.city.constructor.constructor("return globalThis")()', /calls a function|only op functions/],
    ['d.city.constructor', /\.constructor is not allowed/],
    ['d.city.__proto__', /\.__proto__ is not allowed/],
    ['d.city["const" + "ructor"]', /computed properties/],
    ['d.city.constructor.constructor`return globalThis```', /\.constructor is not allowed|TaggedTemplateExpression/],
    ['d => { return d.value }', /one expression/],
    ['new Function("return 1")', /not allowed/],
    ['d.value = 1', /not allowed/],
    ['(() => 1)()', /not allowed|does not offer/],
  ])('refuses %s, which could reach the globals', (expression, message) => {
    expect(() => checkExpression(expression, data)).toThrow(message);
  });
});

describe('filterRows', () => {
  it('keeps the rows the expression holds true for; a missing value fails the test', () => {
    const { data: kept, report } = filterRows(data, { expression: 'd => d["totals.pageviews"] > 1' });
    expect(kept.table.array('totals.pageviews')).toEqual([4, 12]);
    expect(kept.table.array('city')).toEqual([null, 'Paris']);
    expect(report.rowsRemoved).toBe(2);
    expect(report.changes[0]).toEqual({ column: null, detail: '2 rows removed, 2 rows kept' });
  });

  it('warns when rows are kept although a value the test reads is missing (null < 5 holds in JavaScript)', () => {
    const { data: kept, report } = filterRows(data, { expression: 'd["totals.pageviews"] < 5' });
    expect(kept.table.numRows()).toBe(3);
    expect(report.warnings[0]).toMatch(/^1 kept row lack a value the expression reads: JavaScript reads a missing value as 0/);
  });

  it('warns when no row is left', () => {
    expect(filterRows(data, { expression: 'd.value > 100' }).report.warnings[0]).toMatch(/No row passes/);
  });

  it('names the problem when the expression fails on the data', () => {
    expect(() => filterRows(data, { expression: 'd.city.length > 4' })).toThrow(/failed on the data: .*null/);
  });
});

describe('deriveColumn', () => {
  it('adds a number column; a division by zero becomes missing and is counted', () => {
    const { data: derived, report } = deriveColumn(data, { name: 'hitsPerView', expression: 'd["totals.hits"] / d["totals.pageviews"]' });
    expect(derived.table.array('hitsPerView')).toEqual([2, 2, null, 0]);
    expect(derived.columns.at(-1)).toEqual({ name: 'hitsPerView', type: 'number' });
    expect(report.columnsAdded).toEqual(['hitsPerView']);
    expect(report.changes[0].detail).toBe('added as number, 1 missing value (1 NaN or infinite result)');
    const zeros = deriveColumn(data, { name: 'r', expression: 'd.value / d["totals.hits"]' });
    expect(zeros.data.table.array('r')).toEqual([0, 1.25, 0, null]);
    expect(zeros.report.changes[0].detail).toBe('added as number, 1 missing value (1 NaN or infinite result)');
  });

  it('warns about values computed from a missing input, which arithmetic reads as 0', () => {
    const { data: derived, report } = deriveColumn(data, { name: 'next', expression: 'd["totals.pageviews"] + 1' });
    expect(derived.table.array('next')).toEqual([2, 5, 1, 13]);
    expect(report.warnings[0]).toMatch(/^1 row got a value although an input is missing/);
  });

  it('types text and boolean results, and replaces a column of the same name in place', () => {
    expect(deriveColumn(data, { name: 'paid', expression: 'd.value > 0' }).data.columns.at(-1)).toEqual({ name: 'paid', type: 'boolean' });
    const { data: replaced, report } = deriveColumn({ ...data, missingTokens: { city: { '(not set)': 2 } } }, { name: 'city', expression: 'op.upper(d.city)' });
    expect(replaced.table.array('city')).toEqual(['PARIS', null, 'LYON', 'PARIS']);
    expect(replaced.columns.map((column) => column.name)).toEqual(['totals.pageviews', 'totals.hits', 'city', 'value']);
    expect(replaced.missingTokens).toEqual({});
    expect(report.valuesChanged).toBe(3);
  });

  it('refuses a result a column cannot hold, and a missing name', () => {
    expect(() => deriveColumn(data, { name: 'pair', expression: '[d.value, 1]' })).toThrow(/gives a list in row 1/);
    expect(() => deriveColumn(data, { name: ' ', expression: 'd.value' })).toThrow(/name the new column/);
  });
});
