import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../src/core/data/read-dataset';
import { SAMPLE_COLUMNS, generateSessionsBytes, generateSessionsCsv } from '../../../src/core/sample/sessions';

const ROWS = 5000;
const sample = await readDataset({ name: 'sample.csv', bytes: generateSessionsBytes(ROWS, 42) });
const column = (name: string) => sample.table.array(name) as unknown[];
const share = (values: unknown[], test: (value: unknown) => boolean) => values.filter(test).length / values.length;

describe('generateSessionsCsv', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    expect(generateSessionsCsv(300, 7)).toBe(generateSessionsCsv(300, 7));
    expect(generateSessionsCsv(300, 7)).not.toBe(generateSessionsCsv(300, 8));
  });

  it('writes the requested rows and the GA columns', () => {
    expect(sample.table.numRows()).toBe(ROWS);
    expect(sample.table.columnNames()).toEqual([...SAMPLE_COLUMNS]);
  });

  it('reads back with the types the notebook expects', () => {
    const types = Object.fromEntries(sample.columns.map((info) => [info.name, info.type]));
    expect(types).toMatchObject({
      fullVisitorId: 'identifier',
      visitStartTime: 'timestamp',
      date: 'timestamp',
      channelGrouping: 'categorical',
      'device.isMobile': 'boolean',
      'geoNetwork.country': 'categorical',
      'totals.pageviews': 'number',
      'totals.bounces': 'number',
      purchaseValue: 'number',
    });
  });

  it('makes the purchase value zero-inflated and heavy-tailed', () => {
    const values = column('purchaseValue') as number[];
    const zeroShare = share(values, (value) => value === 0);
    expect(zeroShare).toBeGreaterThan(0.85);
    expect(zeroShare).toBeLessThan(0.98);
    const positive = values.filter((value) => value > 0).sort((a, b) => a - b);
    const median = positive[Math.floor(positive.length / 2)];
    expect(positive[positive.length - 1]).toBeGreaterThan(5 * median);
  });

  it('ties purchases to engagement: buyers view more pages', () => {
    const values = column('purchaseValue') as number[];
    const pages = column('totals.pageviews') as (number | null)[];
    const meanPages = (buyers: boolean) => {
      const kept = pages.filter((page, row) => page !== null && values[row] > 0 === buyers) as number[];
      return kept.reduce((sum, page) => sum + page, 0) / kept.length;
    };
    expect(meanPages(true)).toBeGreaterThan(2 * meanPages(false));
  });

  it('keeps the GA quirks: blank-or-1 indicators, constant columns, placeholders', () => {
    expect(new Set(column('totals.bounces'))).toEqual(new Set([1, null]));
    expect(new Set(column('totals.newVisits'))).toEqual(new Set([1, null]));
    expect(new Set(column('totals.visits'))).toEqual(new Set([1]));
    expect(new Set(column('socialEngagementType'))).toEqual(new Set(['Not Socially Engaged']));
    const cityJunk = share(column('geoNetwork.city'), (value) => value === 'not available in demo dataset');
    expect(cityJunk).toBeGreaterThan(0.4);
    expect(cityJunk).toBeLessThan(0.6);
    expect(column('geoNetwork.networkDomain')).toContain('unknown.unknown');
    expect(column('trafficSource.medium')).toContain('(none)');
  });

  it('keeps each session consistent: pageviews ≤ hits, no time on site for bounces, mobile flag from device', () => {
    const hits = column('totals.hits') as number[];
    const pages = column('totals.pageviews') as (number | null)[];
    const bounces = column('totals.bounces');
    const time = column('totals.timeOnSite');
    const category = column('device.deviceCategory');
    const mobile = column('device.isMobile');
    for (let row = 0; row < ROWS; row++) {
      if (pages[row] !== null) expect(pages[row]).toBeLessThanOrEqual(hits[row]);
      if (bounces[row] === 1) expect(time[row]).toBeNull();
      expect(mobile[row]).toBe(category[row] !== 'desktop');
    }
  });

  it('spreads categories like the GA export: a dominant country, hundreds of network domains', () => {
    const countries = column('geoNetwork.country');
    const usShare = share(countries, (value) => value === 'United States');
    expect(usShare).toBeGreaterThan(0.3);
    expect(usShare).toBeLessThan(0.5);
    expect(new Set(countries).size).toBeGreaterThan(100);
    expect(new Set(column('channelGrouping')).size).toBeGreaterThanOrEqual(7);
    expect(new Set(column('geoNetwork.networkDomain')).size).toBeGreaterThan(200);
  });

  it('gives visitors several sessions numbered in time order', () => {
    const ids = column('fullVisitorId') as string[];
    const numbers = column('visitNumber') as number[];
    const starts = column('visitStartTime') as number[];
    expect(new Set(ids).size).toBeLessThan(ROWS * 0.8);
    const last = new Map<string, { number: number; start: number }>();
    for (let row = 0; row < ROWS; row++) {
      const previous = last.get(ids[row]);
      if (previous) expect(numbers[row]).toBe(previous.number + 1);
      expect(previous === undefined || starts[row] >= previous.start).toBe(true);
      last.set(ids[row], { number: numbers[row], start: starts[row] });
    }
  });

  it('writes the date column as the UTC day of the start time', () => {
    const dates = column('date') as number[];
    const starts = column('visitStartTime') as number[];
    for (let row = 0; row < 50; row++) expect(dates[row]).toBe(Math.floor(starts[row] / 86_400_000) * 86_400_000);
  });

  it('writes exactly the rows asked for at scale', () => {
    const text = generateSessionsCsv(100_000, 1);
    expect(text.trimEnd().split('\n')).toHaveLength(100_001);
  });
});
