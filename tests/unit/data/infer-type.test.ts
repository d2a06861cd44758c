import { describe, expect, it } from 'vitest';
import { parseIsoCell, readColumn, readValues } from '../../../src/core/data/infer-type';

const many = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

describe('readColumn', () => {
  it('reads numbers, with blanks as missing', () => {
    expect(readColumn('x', ['1', ' 2.5 ', '', '-3e2', '.5'])).toEqual({ type: 'number', values: [1, 2.5, null, -300, 0.5], missingTokens: { '': 1 } });
  });

  it('reads NaN, inf and overflowing numbers as missing, never as NaN or Infinity', () => {
    const { type, values, missingTokens } = readColumn('x', ['1', 'NaN', 'inf', '-Infinity', '1e400', 'nan', 'inf']);
    expect(type).toBe('number');
    expect(values).toEqual([1, null, null, null, null, null, null]);
    expect(missingTokens).toEqual({ NaN: 1, inf: 2, '-Infinity': 1, '1e400': 1, nan: 1 });
  });

  it('keeps a 0/1 column as numbers', () => {
    expect(readColumn('flag', ['0', '1', '1'])).toEqual({ type: 'number', values: [0, 1, 1], missingTokens: {} });
  });

  it.each([
    ['true', 'false'],
    ['TRUE', 'FALSE'],
    ['True', 'False'],
  ])('reads %s/%s as booleans', (yes, no) => {
    expect(readColumn('b', [yes, no, '', ' '])).toEqual({ type: 'boolean', values: [true, false, null, null], missingTokens: { '': 1, ' ': 1 } });
  });

  it('reads ISO dates and date-times as UTC epoch milliseconds', () => {
    const { type, values } = readColumn('when', ['2020-01-02', '2020-01-02T03:04:05Z', '2020-01-02 03:04', '2020-01-02T03:04:05+02:00']);
    expect(type).toBe('timestamp');
    expect(values).toEqual([Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 2, 3, 4, 5), Date.UTC(2020, 0, 2, 3, 4), Date.UTC(2020, 0, 2, 1, 4, 5)]);
  });

  it('rejects impossible calendar dates', () => {
    expect(parseIsoCell('2021-02-30')).toBeUndefined();
    expect(readColumn('d', ['2021-02-30', '2021-03-01']).type).toBe('categorical');
  });

  it('reads YYYYMMDD integers as dates when every one is a real date', () => {
    expect(readColumn('date', ['20170801', '20180131'])).toEqual({ type: 'timestamp', values: [Date.UTC(2017, 7, 1), Date.UTC(2018, 0, 31)], missingTokens: {} });
    expect(readColumn('code', ['20170801', '20171399']).type).toBe('number');
  });

  it('reads unix seconds and milliseconds as timestamps only under a time-like name', () => {
    expect(readColumn('visitStartTime', ['1501545759', '1533081599'])).toMatchObject({ type: 'timestamp', values: [1501545759000, 1533081599000] });
    expect(readColumn('created_at', ['1501545759000'])).toMatchObject({ type: 'timestamp', values: [1501545759000] });
    expect(readColumn('revenue', ['1501545759', '1533081599']).type).toBe('number');
    expect(readColumn('timeOnSite', ['15', '320']).type).toBe('number');
  });

  it('reads low-cardinality strings as categorical', () => {
    expect(readColumn('channel', many(40, (i) => ['Direct', 'Organic Search', 'Referral'][i % 3])).type).toBe('categorical');
  });

  it('reads nearly all-distinct strings as identifiers', () => {
    expect(readColumn('token', many(40, (i) => `u${i * 7919}`)).type).toBe('identifier');
  });

  it('reads an id-named integer column whose values repeat little as an identifier, keeping the digits', () => {
    const { type, values } = readColumn('userId', many(40, (i) => String(1000 + Math.floor(i / 2))));
    expect(type).toBe('identifier');
    expect(values[0]).toBe('1000');
  });

  it('keeps integers too long for a double as text, so no digit is lost', () => {
    const { type, values } = readColumn('fullVisitorId', many(30, (i) => `72807687884951570${10 + i}`));
    expect(type).toBe('identifier');
    expect(values[0]).toBe('7280768788495157010');
  });

  it('keeps codes with leading zeros as text', () => {
    expect(readColumn('zip', many(30, (i) => ['02139', '10001', '94043'][i % 3])).type).toBe('categorical');
  });

  it('reads long free strings as text', () => {
    expect(readColumn('comment', many(60, (i) => `The customer wrote a longer note number ${i} about delivery`)).type).toBe('text');
  });

  it('reads a numeric column polluted by a junk token as categorical', () => {
    expect(readColumn('totals.pageviews', many(40, (i) => (i === 5 ? '(not set)' : String(i % 7)))).type).toBe('categorical');
  });

  it('reads small integer codes starting at 1 as categorical, keeping the code text', () => {
    const browser = readColumn('Browser', many(200, (i) => String(1 + (i % 8))));
    expect(browser.type).toBe('categorical');
    expect(readColumn('OperatingSystems', many(200, (i) => String(1 + (i % 8)))).type).toBe('categorical');
    expect(browser.values.slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('keeps counts as numbers: from 0, under a quantity-like name, or with too many levels', () => {
    expect(readColumn('Administrative', many(200, (i) => String(i % 8))).type).toBe('number');
    expect(readColumn('visitNumber', many(200, (i) => String(1 + (i % 8)))).type).toBe('number');
    expect(readColumn('totals.pageviews', many(200, (i) => String(1 + (i % 8)))).type).toBe('number');
    expect(readColumn('Region', many(200, (i) => String(1 + (i % 40)))).type).toBe('number');
    expect(readColumn('Region', many(20, (i) => String(1 + (i % 8)))).type).toBe('number');
  });
});

describe('readColumn missing tokens', () => {
  it('keeps the first 20 distinct tokens and drops the counts of further ones', () => {
    const cells = ['1', ...many(25, (i) => ' '.repeat(i + 1)), ' '];
    const { missingTokens } = readColumn('x', cells);
    expect(Object.keys(missingTokens)).toHaveLength(20);
    expect(missingTokens[' ']).toBe(2);
    expect(missingTokens[' '.repeat(21)]).toBeUndefined();
  });
});

describe('readValues', () => {
  it('keeps typed numbers as numbers, with NaN and infinities missing', () => {
    expect(readValues('amount', [1.5, Number.NaN, Number.POSITIVE_INFINITY, null, 1e20])).toEqual({ type: 'number', values: [1.5, null, null, null, 1e20], missingTokens: { NaN: 1, Infinity: 1, null: 1 } });
  });

  it('applies the same rules as text to typed numbers: unix seconds under a time-like name', () => {
    expect(readValues('visitStartTime', [1501545759, 1533081599])).toMatchObject({ type: 'timestamp', values: [1501545759000, 1533081599000] });
  });

  it('reads bigints as numbers where exact and as identifiers beyond', () => {
    expect(readValues('hits', [BigInt(3), BigInt(4)])).toMatchObject({ type: 'number', values: [3, 4] });
    const big = BigInt('12345678901234567890');
    expect(readValues('fullVisitorId', [big, null]).values).toEqual(['12345678901234567890', null]);
  });

  it('reads dates as epoch milliseconds and booleans as booleans', () => {
    expect(readValues('day', [new Date(Date.UTC(2020, 0, 2)), null, new Date(Number.NaN)])).toEqual({ type: 'timestamp', values: [Date.UTC(2020, 0, 2), null, null], missingTokens: { null: 1, 'Invalid Date': 1 } });
    expect(readValues('paid', [true, undefined, false])).toEqual({ type: 'boolean', values: [true, null, false], missingTokens: { null: 1 } });
  });

  it('reads a column mixing kinds as text, nested values as JSON', () => {
    expect(readValues('mixed', [1, 'a', { b: 2 }, null]).values).toEqual(['1', 'a', '{"b":2}', null]);
  });

  it('reads strings from typed formats with the text rules', () => {
    expect(readValues('n', ['1', null, '2.5', ''])).toEqual({ type: 'number', values: [1, null, 2.5, null], missingTokens: { null: 1, '': 1 } });
  });
});
