import { expect, test } from './harness/test';

interface KeptDataset {
  kind?: string;
  name?: string;
  arrow?: Uint8Array;
  bytes?: unknown;
  record?: { kind: string; status: string };
}

const rows = 3000;
const csv = new TextEncoder().encode(
  `visits,channel,purchaseValue\n${Array.from({ length: rows }, (_, i) => `${1 + (i % 9)},${['Direct', 'Organic', 'Referral'][i % 3]},${i % 6 === 0 ? (i % 40) + 0.5 : 0}`).join('\n')}\n`,
);

test('the project keeps the loaded table as columns, not the file, and a reload works from it until the Load cell changes', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.openDatasetBytes('visits.csv', csv);
  await workbench.waitForCell('load', ['done']);

  // Kept by the kernel worker once Load has run: Arrow columns and the Load record, never the text.
  await expect.poll(async () => ((await workbench.savedValue('datasets')) as KeptDataset | undefined)?.kind, { timeout: 15_000 }).toBe('columns');
  const kept = (await workbench.savedValue('datasets')) as KeptDataset;
  expect(kept.name).toBe('visits.csv');
  expect(kept.bytes).toBeUndefined();
  expect(kept.arrow).toBeInstanceOf(Uint8Array);
  expect(kept.record).toMatchObject({ kind: 'load', status: 'done' });

  await workbench.reload();
  await page.getByTestId('dataset').filter({ hasText: 'visits.csv' }).waitFor();
  await workbench.waitForCell('load', ['done']);

  // Later cells run from the kept table; Load itself is handed back as it was.
  const explore = workbench.cell('eda');
  await explore.getByTestId('run-cell').click();
  await workbench.waitForCell('eda', ['done']);
  expect(await explore.locator('[data-testid=profile-row]').count()).toBe(3);
  await workbench.cell('load').getByTestId('run-cell').click();
  await workbench.waitForCell('load', ['done']);
  expect(await workbench.cell('load').locator('.headline').innerText()).toMatch(/visits\.csv: 3,000 rows × 3 columns/);

  // Reading differently needs the file itself, and the cell says so.
  await workbench.setParam(workbench.cell('load'), 'rows', 'first');
  await workbench.cell('load').getByTestId('run-cell').click();
  await workbench.waitForCell('load', ['error']);
  expect(await workbench.cell('load').getByTestId('cell-error').innerText()).toMatch(/keeps visits\.csv as the table it loaded.*drop visits\.csv on the page/);

  // Given the file again, it reads the first N rows and says so on the cell.
  await workbench.setParam(workbench.cell('load'), 'rowCount', '100');
  await workbench.openDatasetBytes('visits.csv', csv);
  await workbench.waitForCell('load', ['done']);
  expect(await workbench.cell('load').getByTestId('rows-note').innerText()).toBe('The first 100 rows (of 3,000).');
});
