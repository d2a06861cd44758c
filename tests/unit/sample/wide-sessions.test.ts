import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { parseDelimited } from '../../../src/core/data/parse-delimited';
import { readDataset } from '../../../src/core/data/read-dataset';
import { SAMPLE_COLUMNS, generateSessionsCsv } from '../../../src/core/sample/sessions';
import { WIDE_SESSION_COLUMNS, wideSessionsCsvChunks } from '../../../src/core/sample/wide-sessions';

const ROWS = 2_500;
const BLOCK_ROWS = 1_000;
const wideText = (rows: number, seed: number) => [...wideSessionsCsvChunks(rows, seed, BLOCK_ROWS)].join('');
const text = wideText(ROWS, 11);
const parsed = parseDelimited(text, ',');
const cells = (name: string) => parsed.cells[parsed.header.indexOf(name)];

describe('wideSessionsCsvChunks', () => {
  it('writes 52 distinct columns, the sample columns first', () => {
    expect(WIDE_SESSION_COLUMNS).toHaveLength(52);
    expect(new Set(WIDE_SESSION_COLUMNS).size).toBe(52);
    expect(parsed.header).toEqual([...WIDE_SESSION_COLUMNS]);
    expect(parsed.header.slice(0, SAMPLE_COLUMNS.length)).toEqual([...SAMPLE_COLUMNS]);
  });

  it('writes exactly the requested rows, every one with all 52 fields, across a partial last block', () => {
    expect(parsed.rows).toBe(ROWS);
    expect(parsed.ragged).toEqual([]);
  });

  it('yields the header, then one chunk per block', () => {
    const chunks = [...wideSessionsCsvChunks(ROWS, 11, BLOCK_ROWS)];
    expect(chunks).toHaveLength(1 + Math.ceil(ROWS / BLOCK_ROWS));
    expect(chunks[0]).toBe(`${WIDE_SESSION_COLUMNS.join(',')}\n`);
    expect(chunks.slice(1).map((chunk) => chunk.split('\n').length - 1)).toEqual([1000, 1000, 500]);
  });

  it('repeats exactly for a seed and differs between seeds', () => {
    expect(wideText(1_200, 3)).toBe(wideText(1_200, 3));
    expect(wideText(1_200, 3)).not.toBe(wideText(1_200, 4));
  });

  it('starts each row with a row of the sessions generator, seeded per block from the file seed', () => {
    const blockSeed = createRandom(11).seed();
    const baseLines = generateSessionsCsv(BLOCK_ROWS, blockSeed).trimEnd().split('\n').slice(1);
    const wideLines = text.split('\n').slice(1, BLOCK_ROWS + 1);
    wideLines.forEach((line, row) => expect(line.startsWith(baseLines[row] + ',')).toBe(true));
  });

  it('writes session.startedAt as the ISO form of visitStartTime', () => {
    const starts = cells('visitStartTime');
    cells('session.startedAt').forEach((iso, row) => {
      expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(iso) / 1000).toBe(Number(starts[row]));
    });
  });

  it('reads back with a mix of types: timestamps, numbers, booleans, categories, an identifier', async () => {
    const { columns } = await readDataset({ name: 'wide.csv', bytes: new TextEncoder().encode(text) });
    const types = Object.fromEntries(columns.map((info) => [info.name, info.type]));
    expect(types).toMatchObject({
      fullVisitorId: 'identifier',
      'session.startedAt': 'timestamp',
      'geoNetwork.latitude': 'number',
      'hits.productPrice': 'number',
      'session.latencyMs': 'number',
      'trafficSource.isTrueDirect': 'boolean',
      'hits.promoViewed': 'boolean',
      'ab.enrolled': 'boolean',
      'hits.productCategory': 'categorical',
      'device.screenResolution': 'categorical',
    });
  });

  it('leaves blanks where GA leaves them: some latencies, most transactions', () => {
    const blankShare = (name: string) => cells(name).filter((value) => value === '').length / ROWS;
    expect(blankShare('session.latencyMs')).toBeGreaterThan(0);
    expect(blankShare('session.latencyMs')).toBeLessThan(0.05);
    expect(blankShare('totals.transactions')).toBeGreaterThan(0.9);
  });

  it('refuses a negative or fractional row count', () => {
    expect(() => wideSessionsCsvChunks(-1, 1).next()).toThrow(RangeError);
    expect(() => wideSessionsCsvChunks(2.5, 1).next()).toThrow(RangeError);
    expect(() => wideSessionsCsvChunks(10, 1, 0).next()).toThrow(RangeError);
  });
});
