import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Locator } from 'playwright-core';
import { expect, test } from './harness/test';
import type { WorkbenchPage } from './harness/workbench';
import { tempFile } from './harness/temp-file';

/** Far above the 10,000 distinct values counted exactly, so the id column's count is an estimate. */
const ROWS = 200_000;
const CHANNELS = ['Direct', 'Organic Search', 'Referral', 'Social'];

type Sessions = ReturnType<typeof sessions>;

/** Sessions whose every statistic the test knows: rows are generated from their index. */
function sessions() {
  const id: string[] = [];
  const amount: (number | null)[] = [];
  const seconds: number[] = [];
  const channel: (string | null)[] = [];
  const purchase: number[] = [];
  for (let i = 0; i < ROWS; i++) {
    id.push(`s-${String(i).padStart(6, '0')}`);
    amount.push(i % 7 === 3 ? null : ((i * 37) % 1000) / 10);
    seconds.push(Math.round(((i * 7919) % 5003) * 1.5) / 10 + 0.25);
    channel.push(i % 11 === 5 ? null : CHANNELS[(i * i) % 4 === 0 ? 0 : i % 4]);
    purchase.push(i % 9 === 0 ? (i % 50) + 0.5 : 0);
  }
  return { id, amount, seconds, channel, purchase };
}

/** The sessions as a CSV: a missing amount is written `NA` in every 5th such row, blank otherwise. */
function sessionsCsv(data: Sessions): Uint8Array {
  const lines = ['session_id,channel,amount,seconds,purchase'];
  for (let i = 0; i < ROWS; i++) {
    const amount = data.amount[i] ?? (i % 5 === 0 ? 'NA' : '');
    lines.push(`${data.id[i]},${data.channel[i] ?? ''},${amount},${data.seconds[i]},${data.purchase[i]}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function sessionsParquet(data: Sessions): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'session_id', data: data.id, type: 'STRING' },
        { name: 'channel', data: data.channel, type: 'STRING' },
        { name: 'amount', data: data.amount, type: 'DOUBLE' },
        { name: 'seconds', data: data.seconds, type: 'DOUBLE' },
        { name: 'purchase', data: data.purchase, type: 'DOUBLE' },
      ],
    }),
  );
}

/** The texts read as missing in the amount column, as the profile lists them: a CSV's blanks and `NA`s, a Parquet file's nulls. */
function missingTokensText(data: Sessions, path: string): string {
  const missingRows = data.amount.flatMap((value, row) => (value === null ? [row] : []));
  if (path.endsWith('.parquet')) return `null ${missingRows.length.toLocaleString('en-US')}`;
  const na = missingRows.filter((row) => row % 5 === 0).length;
  const tokens = [
    ['(blank)', missingRows.length - na],
    ['NA', na],
  ] as const;
  return [...tokens]
    .sort((a, b) => b[1] - a[1])
    .map(([token, count]) => `${token} ${count.toLocaleString('en-US')}`)
    .join(' · ');
}

/** numpy.percentile's default: linear interpolation at position (n − 1)·q of the sorted values. */
function percentile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** A number as the table shows it: thousands separators, possibly rounded to 4 significant digits. */
async function shown(row: Locator, stat: string): Promise<number> {
  const text = (await row.locator(`[data-stat=${stat}]`).innerText()).trim();
  expect(text, stat).not.toBe('');
  return Number(text.replace(/,/g, '').replace(/^≈\s*/, ''));
}

function expectNear(actual: number, expected: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * 1e-3 + 1e-9);
}

/** Opens the file through the file input, profiles it and checks every figure against `data`. */
async function checkProfile(workbench: WorkbenchPage, path: string, data: Sessions): Promise<Locator> {
  await workbench.open();
  await workbench.openDataset(path);
  await workbench.waitForCell('load', ['done']);
  expect(await workbench.cell('load').locator('.headline').innerText()).toContain(`${ROWS.toLocaleString('en-US')} rows × 5 columns`);
  await workbench.setParam(workbench.cell('load'), 'target', 'purchase');
  const explore = workbench.cell('eda');
  await explore.getByTestId('run-cell').click();
  await workbench.waitForCell('eda', ['done']);

  const row = (name: string) => explore.locator(`[data-testid=profile-row][data-column="${name}"]`);

  const amounts = data.amount.filter((value): value is number => value !== null).sort((a, b) => a - b);
  const amountRow = row('amount');
  expect(await shown(amountRow, 'count')).toBe(amounts.length);
  expect(await shown(amountRow, 'missing')).toBe(ROWS - amounts.length);
  expect(await amountRow.locator('[data-stat=missing-tokens]').innerText()).toBe(missingTokensText(data, path));
  expect(await shown(amountRow, 'distinct')).toBe(new Set(amounts).size);
  expect(await shown(amountRow, 'min')).toBe(amounts[0]);
  expect(await shown(amountRow, 'max')).toBe(amounts.at(-1));
  const mean = amounts.reduce((sum, value) => sum + value, 0) / amounts.length;
  expectNear(await shown(amountRow, 'mean'), mean);
  expectNear(await shown(amountRow, 'std'), Math.sqrt(amounts.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (amounts.length - 1)));
  for (const [stat, q] of [['p1', 0.01], ['p25', 0.25], ['p50', 0.5], ['p75', 0.75], ['p99', 0.99]] as const) {
    expectNear(await shown(amountRow, stat), percentile(amounts, q));
  }
  expect(await amountRow.locator('svg rect').count()).toBeGreaterThan(1);

  const purchaseRow = row('purchase');
  const zeroShare = data.purchase.filter((value) => value === 0).length / ROWS;
  expect(await purchaseRow.locator('[data-stat=zeros]').innerText()).toBe(`${(zeroShare * 100).toFixed(1)}%`);

  const counts = new Map<string, number>();
  for (const level of data.channel) if (level !== null) counts.set(level, (counts.get(level) ?? 0) + 1);
  const expectedTop = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  const channelRow = row('channel');
  expect(await shown(channelRow, 'missing')).toBe(data.channel.filter((level) => level === null).length);
  expect(await shown(channelRow, 'distinct')).toBe(counts.size);
  const topShown = await channelRow.locator('[data-stat=top] .value').allInnerTexts();
  expect(topShown.map((text) => text.trim())).toEqual(expectedTop.map(([level, count]) => `${level} (${count.toLocaleString('en-US')})`));

  const idRow = row('session_id');
  expect(await idRow.locator('[data-stat=distinct]').innerText()).toMatch(/^≈ /);
  expect(Math.abs((await shown(idRow, 'distinct')) - ROWS) / ROWS).toBeLessThan(0.05);
  expect(await explore.getByTestId('distinct-note').innerText()).toMatch(/HyperLogLog estimates/);
  expect(await idRow.locator('[data-stat=flags]').innerText()).toContain('identifier-like');

  // Three numeric columns with spread: a 3 × 3 heatmap, nothing left out.
  await explore.locator('[data-testid=correlation-matrix] svg').first().waitFor();
  expect(await explore.getByTestId('correlation-note').count()).toBe(0);

  // Sorting: missing, largest first, puts amount (every 7th row empty) above channel (every 11th).
  await explore.locator('[data-sort-key=missing]').click();
  const order = await explore.locator('[data-testid=profile-row]').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-column')));
  expect(order.slice(0, 2)).toEqual(['amount', 'channel']);
  await explore.locator('[data-sort-key=name]').click();
  const byName = await explore.locator('[data-testid=profile-row]').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-column')));
  expect(byName).toEqual([...byName].sort());
  return explore;
}

test('the Explore cell profiles a generated 200k-row CSV: counts, quantiles, top values and flags match an independent computation', async ({ workbench }) => {
  const data = sessions();
  await checkProfile(workbench, tempFile('profile-sessions.csv', sessionsCsv(data)), data);
});

test('the same sessions as a Parquet file give the same profile', async ({ workbench }) => {
  const data = sessions();
  await checkProfile(workbench, tempFile('profile-sessions.parquet', sessionsParquet(data)), data);
});
