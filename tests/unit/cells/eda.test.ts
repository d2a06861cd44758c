import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanCell } from '../../../src/core/cells/clean';
import { edaCell, type EdaView } from '../../../src/core/cells/eda';
import { loadCell } from '../../../src/core/cells/load';
import { CellError, type TableArtifact } from '../../../src/core/cells/types';
import { tableArtifact } from '../data/table-fixture';
import { dataRunContext } from './run-context';

const REAL_DATA = fileURLToPath(new URL('../../../../shared/data/online_shoppers_intention.csv', import.meta.url));

const channel = ['Direct', 'Social', 'Direct', 'Referral', 'Social', 'Direct', 'Referral', 'Social'];
const device = ['desktop', 'desktop', 'mobile', 'mobile', 'desktop', 'mobile', 'desktop', 'mobile'];
const pages = [3, 1, 8, 20, 1, null, 12, 2];
const value = [0, 0, 10, 50, 0, 0, 30, 0];

const data = () =>
  tableArtifact(
    {
      channel: ['categorical', channel],
      device: ['categorical', device],
      pages: ['number', pages],
      value: ['number', value],
    },
    'value',
  );

async function explore(params = edaCell.defaults(), artifact = data()): Promise<EdaView> {
  return (await edaCell.run({ table: artifact }, params, dataRunContext())).view;
}

/** η² by a straightforward two-pass computation, independent of the cell's accumulator. */
function etaSquared(levels: string[], y: number[]): number {
  const grand = y.reduce((a, b) => a + b, 0) / y.length;
  const total = y.reduce((sum, v) => sum + (v - grand) ** 2, 0);
  let between = 0;
  for (const level of new Set(levels)) {
    const group = y.filter((_, i) => levels[i] === level);
    between += group.length * (group.reduce((a, b) => a + b, 0) / group.length - grand) ** 2;
  }
  return between / total;
}

describe('eda cell', () => {
  it('summarizes the target: zero share, mean, median, mean of positives', async () => {
    const view = await explore();
    expect(view.target).toEqual({ column: 'value', count: 8, missing: 0, zeroShare: 5 / 8, mean: 90 / 8, median: 0, max: 50, meanPositive: 30 });
  });

  it('lists, per column, the texts that earlier cells read as missing, most frequent first', async () => {
    const view = await explore(edaCell.defaults(), { ...data(), missingTokens: { pages: { NA: 1 }, channel: { '': 3, '(not set)': 5 } } });
    expect(view.columns.find((column) => column.name === 'pages')!.missingTokens).toEqual([{ value: 'NA', count: 1 }]);
    expect(view.columns.find((column) => column.name === 'channel')!.missingTokens).toEqual([
      { value: '(not set)', count: 5 },
      { value: '', count: 3 },
    ]);
    expect(view.columns.find((column) => column.name === 'device')!.missingTokens).toEqual([]);
  });

  it('profiles every column with its numbers and top values', async () => {
    const view = await explore();
    const pagesSummary = view.columns.find((column) => column.name === 'pages')!;
    const present = [3, 1, 8, 20, 1, 12, 2];
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    expect(pagesSummary).toMatchObject({ count: 7, missing: 1, distinct: 6, min: 1, max: 20 });
    // Sorted 1 1 2 3 8 12 20: p50 is the 4th value, p25 sits at position 1.5 between 1 and 2.
    expect(pagesSummary.quantiles).toMatchObject({ p25: 1.5, p50: 3, p75: 10 });
    expect(pagesSummary.mean).toBeCloseTo(mean, 12);
    expect(pagesSummary.std).toBeCloseTo(Math.sqrt(present.reduce((sum, v) => sum + (v - mean) ** 2, 0) / 6), 12);
    expect(view.columns.find((column) => column.name === 'channel')!.top[0]).toEqual({ value: 'Direct', count: 3 });
  });

  it('groups by the categorical most associated with the target', async () => {
    const view = await explore();
    const expected = etaSquared(channel, value) > etaSquared(device, value) ? 'channel' : 'device';
    expect(view.groupBy?.column).toBe(expected);
    expect(view.groupBy?.correlationRatio).toBeCloseTo(Math.max(etaSquared(channel, value), etaSquared(device, value)), 12);
  });

  it('groups by the chosen column and charts its level means', async () => {
    const view = await explore({ groupBy: 'device' });
    expect(view.groupBy?.column).toBe('device');
    const chart = view.charts.find((entry) => entry.title === 'Mean target by device')!.spec as { data: { values: { level: string; mean: number }[] } };
    expect(chart.data.values).toEqual([
      { level: 'desktop', mean: 30 / 4, count: 4 },
      { level: 'mobile', mean: 60 / 4, count: 4 },
    ]);
  });

  it('fails clearly for a group-by column that is not in the table', async () => {
    await expect(explore({ groupBy: 'country' })).rejects.toThrow(CellError);
    await expect(explore({ groupBy: 'country' })).rejects.toThrow(/Group by: column “country” is not in the table/);
  });

  it('correlates numeric columns with the target over complete rows', async () => {
    const view = await explore();
    const rows = pages.map((page, i) => [page, value[i]]).filter(([page]) => page !== null) as [number, number][];
    const mx = rows.reduce((sum, [x]) => sum + x, 0) / rows.length;
    const my = rows.reduce((sum, [, y]) => sum + y, 0) / rows.length;
    const sxy = rows.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
    const sxx = rows.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
    const syy = rows.reduce((sum, [, y]) => sum + (y - my) ** 2, 0);
    expect(view.correlations).toHaveLength(1);
    expect(view.correlations[0].pearson).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
  });

  it('draws the target histogram, the log1p histogram of positives, group means and correlations', async () => {
    const view = await explore();
    expect(view.charts.map((chart) => chart.title)).toEqual(['Target distribution', 'Positive values, log scale', `Mean target by ${view.groupBy!.column}`, 'Correlation with the target']);
    const all = view.charts[0].spec as { data: { values: { count: number }[] } };
    expect(all.data.values.reduce((sum, bin) => sum + bin.count, 0)).toBe(8);
    const positive = view.charts[1].spec as { data: { values: { start: number; end: number; count: number }[] } };
    expect(positive.data.values.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
    expect(positive.data.values[0].start).toBeCloseTo(Math.log1p(10), 12);
    expect(positive.data.values.at(-1)!.end).toBeCloseTo(Math.log1p(50), 12);
  });

  it('still profiles columns without a target, and says why the target charts are missing', async () => {
    const artifact = { ...data(), target: null };
    const output = await edaCell.run({ table: artifact }, edaCell.defaults(), dataRunContext());
    expect(output.view.columns).toHaveLength(4);
    expect(output.view.charts).toEqual([]);
    expect(output.view.targetMessage).toMatch(/pick a target column in the Load cell/);
  });

  it('draws the correlation matrix of the numeric columns', async () => {
    const view = await explore();
    expect(view.matrix?.columns).toEqual(['pages', 'value']);
    expect(view.matrix?.values[0][1]).toBeCloseTo(view.correlations[0].pearson!, 12);
    expect(view.matrix?.note).toBeNull();
    expect((view.matrix?.spec as { data: { values: unknown[] } }).data.values).toHaveLength(4);
  });

  it('caps the correlation matrix at 20 columns, the most variable, and says so', async () => {
    const rows = 50;
    const columns: Record<string, ['number', number[]]> = {};
    // Column k has mean 100 and spread growing with k: the first five are the least variable.
    for (let k = 0; k < 25; k++) columns[`x${k}`] = ['number', Array.from({ length: rows }, (_, i) => 100 + (k + 1) * Math.sin(i * (k + 2)))];
    const view = await explore(edaCell.defaults(), tableArtifact(columns));
    expect(view.matrix?.columns).toHaveLength(20);
    expect(view.matrix?.omitted).toEqual(['x4', 'x3', 'x2', 'x1', 'x0']);
    expect(view.matrix?.note).toMatch(/20 most variable of 25 numeric columns.*left out: x4, x3, x2, x1, x0\.$/);
  });

  it('names at most ten left-out columns in the note', async () => {
    const columns: Record<string, ['number', number[]]> = {};
    for (let k = 0; k < 35; k++) columns[`x${k}`] = ['number', Array.from({ length: 30 }, (_, i) => 100 + (k + 1) * Math.sin(i * (k + 2)))];
    const view = await explore(edaCell.defaults(), tableArtifact(columns));
    expect(view.matrix?.omitted).toHaveLength(15);
    expect(view.matrix?.note).toMatch(new RegExp(`left out: ${view.matrix!.omitted.slice(0, 10).join(', ')} and 5 more\\.$`));
  });

  it('flags junk tokens in a categorical column', async () => {
    const artifact = tableArtifact({ country: ['categorical', ['US', '(not set)', 'FR', 'US']] });
    const country = (await explore(edaCell.defaults(), artifact)).columns[0];
    expect(country.junkTokens).toEqual([{ value: '(not set)', count: 1 }]);
    expect(country.flags).toContain('junk tokens');
  });

  it('says R² is undefined for a constant target, without NaN anywhere', async () => {
    const artifact = tableArtifact({ pages: ['number', [1, 2, 3, 4]], value: ['number', [5, 5, 5, 5]] }, 'value');
    const view = await explore(edaCell.defaults(), artifact);
    expect(view.targetMessage).toMatch(/value is constant \(always 5\): R² is undefined/);
    expect(JSON.stringify(view)).not.toMatch(/NaN/);
  });

  it('says so when every target cell is missing', async () => {
    const artifact = tableArtifact({ pages: ['number', [1, 2]], value: ['number', [null, null]] }, 'value');
    expect((await explore(edaCell.defaults(), artifact)).targetMessage).toMatch(/value has no values: every cell is missing/);
  });

  it('explains a non-numeric target instead of charting it', async () => {
    const artifact = tableArtifact({ value: ['categorical', ['a', 'b']] }, 'value');
    expect((await explore(edaCell.defaults(), artifact)).targetMessage).toMatch(/value is categorical, not numeric/);
  });

  it('ships aggregates, not rows: the view stays small for a large table', async () => {
    const rows = 20_000;
    const big = tableArtifact(
      {
        channel: ['categorical', Array.from({ length: rows }, (_, i) => channel[i % 8])],
        pages: ['number', Array.from({ length: rows }, (_, i) => i % 37)],
        value: ['number', Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? i % 97 : 0))],
      },
      'value',
    );
    const view = await explore(edaCell.defaults(), big);
    expect(JSON.stringify(view).length).toBeLessThan(20_000);
  });

  it('explores the real shoppers file after Load and Clean: PageValues is zero for about 78% of sessions', async () => {
    const bytes = readFileSync(REAL_DATA);
    const loaded = await loadCell.run({ dataset: { name: 'shoppers.csv', bytes } }, { ...loadCell.defaults(), target: 'PageValues' }, dataRunContext());
    const cleaned = await cleanCell.run({ table: loaded.artifact as TableArtifact }, cleanCell.defaults(), dataRunContext());
    const view = await explore(edaCell.defaults(), cleaned.artifact as TableArtifact);
    // Independent count straight from the text: PageValues is the 9th field and no field is quoted.
    const lines = bytes.toString('utf8').trim().split(/\r?\n/).slice(1);
    const zeros = lines.filter((line) => Number(line.split(',')[8]) === 0).length;
    expect(view.target?.count).toBe(12_330);
    expect(view.target?.zeroShare).toBeCloseTo(zeros / lines.length, 12);
    expect(view.target?.zeroShare).toBeGreaterThan(0.75);
    expect(view.columns.find((column) => column.name === 'Month')?.type).toBe('categorical');
    expect(view.groupBy).not.toBeNull();
  });
});
