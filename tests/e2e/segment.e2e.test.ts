import { join } from 'node:path';
import { sharedDataDir } from './harness/paths';
import { expect, test } from './harness/test';
import { SHOPPERS_BEHAVIOUR_COLUMNS as BEHAVIOUR } from '../fixtures/shoppers';

const shoppersCsv = join(sharedDataDir, 'online_shoppers_intention.csv');

test('segments the real sessions from the add-cell menu, shows the silhouette and profile, and renames a segment', { timeout: 360_000 }, async ({ workbench, page }) => {
  await workbench.open();
  await workbench.openDataset(shoppersCsv);
  await workbench.waitForCell('load', ['done']);
  await workbench.setParam(workbench.cell('load'), 'target', 'Revenue');

  await page.getByTestId('add-cell').last().click();
  await page.locator('[data-testid=add-cell-option][data-kind=segment]').click();
  const segment = workbench.cell('segment');
  await workbench.setParam(segment, 'features', BEHAVIOUR);
  await segment.getByTestId('run-cell').click();
  const status = await workbench.waitForCell('segment', ['done', 'error'], { timeout: 240_000 });
  expect(status, await segment.innerText()).toBe('done');

  const silhouette = Number((await segment.getByTestId('segment-silhouette').innerText()).trim());
  // scikit-learn's KMeans reaches 0.45 at k = 3 on these scaled columns.
  expect(silhouette).toBeGreaterThan(0.42);
  expect(await segment.innerText()).toContain('k = 3');

  const profile = segment.getByTestId('segment-profile');
  const names = profile.getByTestId('segment-name');
  await expect.poll(() => names.count()).toBe(3);
  expect(await names.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['Segment 1', 'Segment 2', 'Segment 3']);
  const sizes = await profile.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td')?.textContent?.replace(/,/g, ''))));
  expect(sizes[3]).toBe(12_330);
  expect(sizes[0] + sizes[1] + sizes[2]).toBe(12_330);
  // Revenue is true in 1,908 of the 12,330 sessions: 15.5% over all clustered rows.
  expect(await profile.locator('tr.overall').innerText()).toMatch(/12,330\s+100\.0%\s+15\.5%/);
  // The elbow chart and the PCA scatter.
  await expect.poll(() => segment.locator('.vega-embed svg.marks').count()).toBe(2);

  await names.first().fill('Window shoppers');
  await names.first().press('Tab');
  await workbench.waitForCell('segment', ['stale']);
  // The scatter's legend takes the new name at once, before the cell runs again.
  await expect.poll(() => segment.locator('.vega-embed svg.marks').last().textContent()).toContain('Window shoppers');
  expect(await segment.locator('[data-param=names]').inputValue()).toContain('Window shoppers');
  await segment.getByTestId('run-cell').click();
  await workbench.waitForCell('segment', ['done'], { timeout: 240_000 });
  expect(await names.first().inputValue()).toBe('Window shoppers');
  expect(await segment.innerText()).not.toContain('Renamed');
  expect(Number((await segment.getByTestId('segment-silhouette').innerText()).trim())).toBe(silhouette);
});
