import { parquetWriteBuffer } from 'hyparquet-writer';
import { expect, test } from './harness/test';
import { tempFile } from './harness/temp-file';

const ROWS = 500;
const CHANNELS = ['Direct', 'Organic Search', 'Referral', 'Social'];

function sessionsParquet(): Uint8Array {
  const visits = Array.from({ length: ROWS }, (_, i) => (i * 7) % 23);
  const purchase = Array.from({ length: ROWS }, (_, i) => (i % 5 === 0 ? i * 0.25 : 0));
  const channel = Array.from({ length: ROWS }, (_, i) => CHANNELS[i % CHANNELS.length]);
  const bounced = Array.from({ length: ROWS }, (_, i) => i % 3 === 0);
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'visits', data: visits, type: 'INT32' },
        { name: 'purchaseValue', data: purchase, type: 'DOUBLE' },
        { name: 'channel', data: channel, type: 'STRING' },
        { name: 'bounced', data: bounced, type: 'BOOLEAN' },
      ],
    }),
  );
}

/** The preview grid's cells, row by row, as shown. */
async function previewRows(cell: import('playwright-core').Locator): Promise<string[][]> {
  return cell.locator('table:has(caption) tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

type SavedCells = { cells?: { kind: string; params: Record<string, unknown> }[] } | undefined;
type SavedRecords = { records?: { kind: string; outputColumns?: unknown[] }[] } | undefined;

test('a Parquet file picked through the file input loads with its rows, columns and values', async ({ workbench }) => {
  await workbench.open();
  await workbench.openDataset(tempFile('sessions.parquet', sessionsParquet()));
  await workbench.waitForCell('load', ['done']);
  const load = workbench.cell('load');
  expect(await load.locator('.headline').innerText()).toMatch(/sessions\.parquet: 500 rows × 4 columns \(Parquet\)/);
  const rows = await previewRows(load);
  expect(rows).toHaveLength(20);
  // Row 5: visits (5·7) mod 23 = 12, purchase 5 × 0.25, channel 5 mod 4 → Organic Search, bounced 5 mod 3 ≠ 0.
  expect(rows[5]).toEqual(['12', '1.25', CHANNELS[1], 'false']);
  expect(rows[0]).toEqual(['0', '0', CHANNELS[0], 'true']);
});

test('a Latin-1 CSV is read without mojibake and the Load cell says how it was decoded', async ({ workbench }) => {
  const latin1 = Uint8Array.from('city,purchaseValue\nZürich,1\nSão Paulo,2\n', (char) => char.charCodeAt(0));
  await workbench.open();
  await workbench.openDatasetBytes('cities.csv', latin1);
  await workbench.waitForCell('load', ['done']);
  const load = workbench.cell('load');
  expect(await load.getByTestId('encoding-note').innerText()).toMatch(/Decoded as Latin-1/);
  expect((await previewRows(load)).map((row) => row[0])).toEqual(['Zürich', 'São Paulo']);
});

test('ragged rows stop the load with their count and lines, and can be skipped instead', async ({ workbench }) => {
  const text = 'visits,purchaseValue\n1,0\n2\n3,4\n5,6,7\n8,9\n';
  await workbench.open();
  await workbench.openDatasetBytes('ragged.csv', new TextEncoder().encode(text));
  await workbench.waitForCell('load', ['error']);
  const load = workbench.cell('load');
  expect(await load.getByTestId('cell-error').innerText()).toMatch(/2 rows do not have the header's 2 fields, first at lines 3 \(1 field\), 5 \(3 fields\)/);

  await workbench.setParam(load, 'raggedRows', 'skip');
  await load.getByTestId('run-cell').click();
  await workbench.waitForCell('load', ['done']);
  expect(await load.locator('.headline').innerText()).toMatch(/3 rows × 2 columns/);
  expect(await load.getByRole('status').innerText()).toContain('Skipped 2 rows with the wrong field count, first at lines 3 (1 field), 5 (3 fields).');
});

test('column names holding HTML or __proto__ are shown as text and the page is not altered', async ({ workbench, page }) => {
  const text = '<img src=x onerror="window.hacked=1">,__proto__,purchaseValue\n1,2,3\n4,5,6\n';
  await workbench.open();
  await workbench.openDatasetBytes('names.csv', new TextEncoder().encode(text));
  await workbench.waitForCell('load', ['done']);
  const load = workbench.cell('load');
  expect(await load.locator('img').count()).toBe(0);
  const headers = await load.locator('table:has(caption) thead th .name').allInnerTexts();
  expect(headers).toEqual(['<img src=x onerror="window.hacked=1">', '__proto___2', 'purchaseValue']);
  expect(await load.getByRole('status').innerText()).toContain('Column 2 “__proto__” is a reserved name: renamed to __proto___2.');
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
});

test('a column type chosen in the Load cell is applied and kept in the notebook', async ({ workbench, page }) => {
  const text = `zip,purchaseValue\n${Array.from({ length: 30 }, (_, i) => `${10000 + i},${i}`).join('\n')}\n`;
  await workbench.open();
  await workbench.openDatasetBytes('zips.csv', new TextEncoder().encode(text));
  await workbench.waitForCell('load', ['done']);
  const load = workbench.cell('load');
  const types = load.locator('[data-param=columnTypes]');
  await types.locator('summary').click();
  await types.locator('select[data-column=zip]').selectOption('identifier');
  await load.getByTestId('run-cell').click();
  await workbench.waitForCell('load', ['done']);
  expect(await load.locator('table:has(caption) thead th').first().innerText()).toMatch(/zip\s*identifier/);

  // The run's record reaches IndexedDB just after it is shown; a reload before then would drop it.
  await expect.poll(async () => ((await workbench.savedValue('documents')) as SavedCells)?.cells?.find((cell) => cell.kind === 'load')?.params.columnTypes).toEqual({ zip: 'identifier' });
  await expect
    .poll(async () => ((await workbench.savedValue('results')) as SavedRecords)?.records?.find((record) => record.kind === 'load')?.outputColumns)
    .toContainEqual({ name: 'zip', type: 'identifier' });
  await workbench.reload();
  await workbench.waitForCell('load', ['done']);
  await page.locator('[data-param=columnTypes] summary').click();
  expect(await page.locator('[data-param=columnTypes] select[data-column=zip]').inputValue()).toBe('identifier');
});

test('a corrupt Parquet file and JSON that is not records get clear errors in the Load cell', async ({ workbench }) => {
  const corrupt = sessionsParquet();
  corrupt.fill(0xab, 4, corrupt.length - 8);
  await workbench.open();
  await workbench.openDatasetBytes('broken.parquet', corrupt, 'application/octet-stream');
  await workbench.waitForCell('load', ['error']);
  expect(await workbench.cell('load').getByTestId('cell-error').innerText()).toMatch(/broken\.parquet could not be read as Parquet/);

  await workbench.openDatasetBytes('rows.json', new TextEncoder().encode('{"rows": [1, 2]}'), 'application/json');
  await expect.poll(() => workbench.cell('load').getByTestId('cell-error').innerText()).toMatch(/rows\.json holds an object, not an array of records/);
});

test('a header-only file fails clearly, and a single row of 2,000 columns loads with a capped preview', async ({ workbench }) => {
  await workbench.open();
  await workbench.openDatasetBytes('header.csv', new TextEncoder().encode('visits,purchaseValue\n'));
  await workbench.waitForCell('load', ['error']);
  expect(await workbench.cell('load').getByTestId('cell-error').innerText()).toMatch(/header\.csv has a header but no data rows/);

  const names = Array.from({ length: 2000 }, (_, i) => `c${i}`);
  await workbench.openDatasetBytes('wide.csv', new TextEncoder().encode(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`));
  await workbench.waitForCell('load', ['done']);
  const load = workbench.cell('load');
  expect(await load.locator('.headline').innerText()).toMatch(/wide\.csv: 1 rows × 2,000 columns/);
  expect(await load.locator('table:has(caption) caption').innerText()).toBe('First 1 rows, first 100 of 2,000 columns');
  expect(await load.locator('table:has(caption) thead th').count()).toBe(100);
});
