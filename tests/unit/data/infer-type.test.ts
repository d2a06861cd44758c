import { describe, expect, it } from 'vitest';
import { parseIsoCell, readColumn } from '../../../src/core/data/infer-type';

const many = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

describe('readColumn', () => {
  it('reads numbers, with blanks as missing', () => {
    expect(readColumn('x', ['1', ' 2.5 ', '', '-3e2', '.5'])).toEqual({ type: 'number', values: [1, 2.5, null, -300, 0.5] });
  });

  it('reads NaN, inf and overflowing numbers as missing, never as NaN or Infinity', () => {
    const { type, values } = readColumn('x', ['1', 'NaN', 'inf', '-Infinity', '1e400', 'nan']);
    expect(type).toBe('number');
    expect(values).toEqual([1, null, null, null, null, null]);
  });

  it('keeps a 0/1 column as numbers', () => {
    expect(readColumn('flag', ['0', '1', '1'])).toEqual({ type: 'number', values: [0, 1, 1] });
  });

  it.each([
    ['true', 'false'],
    ['TRUE', 'FALSE'],
    ['True', 'False'],
  ])('reads %s/%s as booleans', (yes, no) => {
    expect(readColumn('b', [yes, no, ''])).toEqual({ type: 'boolean', values: [true, false, null] });
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
    expect(readColumn('date', ['20170801', '20180131'])).toEqual({ type: 'timestamp', values: [Date.UTC(2017, 7, 1), Date.UTC(2018, 0, 31)] });
    expect(readColumn('code', ['20170801', '20171399']).type).toBe('number');
  });

  it('reads unix seconds and milliseconds as timestamps only under a time-like name', () => {
    expect(readColumn('visitStartTime', ['1501545759', '1533081599'])).toEqual({ type: 'timestamp', values: [1501545759000, 1533081599000] });
    expect(readColumn('created_at', ['1501545759000'])).toEqual({ type: 'timestamp', values: [1501545759000] });
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
