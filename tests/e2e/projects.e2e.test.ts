import type { Page } from 'playwright-core';
import { expect, test } from './harness/test';
import type { WorkbenchPage } from './harness/workbench';

const rows = 400;
const csv = new TextEncoder().encode(
  `visits,channel,purchaseValue\n${Array.from({ length: rows }, (_, i) => `${1 + (i % 9)},${['Direct', 'Organic', 'Referral'][i % 3]},${i % 6 === 0 ? (i % 40) + 0.5 : 0}`).join('\n')}\n`,
);

const row = (page: Page, id: string) => page.locator(`[data-testid=project-row][data-project-id="${id}"]`);

async function openPanel(page: Page): Promise<void> {
  await page.getByTestId('projects').click();
  await page.getByTestId('projects-panel').waitFor({ state: 'visible' });
}

async function closePanel(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('projects-panel').waitFor({ state: 'hidden' });
}

/** Waits until the kernel has kept the open project's dataset, so a switch finds it. */
async function runExplore(workbench: WorkbenchPage): Promise<void> {
  await workbench.cell('eda').getByTestId('run-cell').click();
  await workbench.waitForCell('eda', ['done']);
}

test('keeps two projects side by side, each with its own dataset and results; rename, duplicate, delete and undo', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await runExplore(workbench);
  const sampleId = await workbench.openProjectId();
  await workbench.waitForKeptDataset(sampleId);

  // A second project from a small CSV, started from the panel.
  await openPanel(page);
  await page.getByTestId('project-new').click();
  await page.getByTestId('drop-zone').waitFor();
  await expect.poll(() => page.getByTestId('recent-project').count()).toBe(1);
  await workbench.openDatasetBytes('visits.csv', csv);
  await workbench.waitForCell('load', ['done']);
  const visitsId = await workbench.openProjectId();
  expect(visitsId).not.toBe(sampleId);
  await workbench.waitForKeptDataset(visitsId);

  // Both listed, with their datasets, sizes and the storage line.
  await openPanel(page);
  await expect.poll(() => page.getByTestId('project-row').count()).toBe(2);
  expect(await row(page, visitsId).getAttribute('aria-current')).toBe('true');
  expect(await row(page, sampleId).getByTestId('project-dataset').innerText()).toBe('sample-sessions.csv');
  expect(await row(page, visitsId).getByTestId('project-dataset').innerText()).toBe('visits.csv');
  const sampleSize = await row(page, sampleId).getByTestId('project-size').innerText();
  expect(sampleSize).toMatch(/\d+(\.\d)? KB|MB/);
  expect(await row(page, sampleId).innerText()).toMatch(/modified/);
  const storageLine = await page.getByTestId('storage-line').innerText();
  expect(storageLine).toMatch(/kept until you delete it|may clear it under storage pressure/);
  expect(storageLine).toMatch(/used of [\d.]+ (KB|MB|GB)/);

  // Back to the sample project: its dataset and its Explore result, as left.
  const listed = (id: string) => workbench.savedValue('projects', id) as Promise<{ modifiedAt: string; openedAt: string }>;
  const sampleBefore = await listed(sampleId);
  await row(page, sampleId).getByTestId('project-open').click();
  await page.getByTestId('dataset').filter({ hasText: 'sample-sessions.csv' }).waitFor();
  expect(await workbench.openProjectId()).toBe(sampleId);
  await workbench.waitForCell('load', ['done']);
  await workbench.waitForCell('eda', ['done']);
  expect(await workbench.cell('eda').getByTestId('profile-row').count()).toBeGreaterThan(3);
  // Opening is no change: the project was opened now, and modified when it was last edited.
  const sampleAfter = await listed(sampleId);
  expect(sampleAfter.modifiedAt).toBe(sampleBefore.modifiedAt);
  expect(sampleAfter.openedAt > sampleBefore.openedAt).toBe(true);

  // And to the CSV project: its own table, Explore not run there yet.
  await openPanel(page);
  await row(page, visitsId).getByTestId('project-open').click();
  await page.getByTestId('dataset').filter({ hasText: 'visits.csv' }).waitFor();
  await workbench.waitForCell('load', ['done']);
  expect(await workbench.cell('eda').getAttribute('data-status')).toBe('idle');
  await runExplore(workbench);
  expect(await workbench.cell('eda').getByTestId('profile-row').count()).toBe(3);

  // Rename the open project (the header follows) and the other one, from the keyboard.
  await openPanel(page);
  await row(page, visitsId).getByTestId('project-rename').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Visits study');
  await page.keyboard.press('Enter');
  await expect.poll(() => row(page, visitsId).getByTestId('project-title').innerText()).toBe('Visits study');
  expect(await page.getByTestId('notebook-title').inputValue()).toBe('Visits study');
  await row(page, sampleId).getByTestId('project-rename').click();
  await page.getByTestId('project-title-input').fill('Sample study');
  await page.getByTestId('project-title-input').press('Enter');
  await expect.poll(() => row(page, sampleId).getByTestId('project-title').innerText()).toBe('Sample study');

  // Duplicate: a third project with the same dataset and results, under a new id.
  await row(page, sampleId).getByTestId('project-duplicate').click();
  await expect.poll(() => page.getByTestId('project-row').count()).toBe(3);
  const copyRow = page.locator('[data-testid=project-row]', { hasText: 'Sample study (copy)' });
  const copyId = (await copyRow.getAttribute('data-project-id'))!;
  expect([sampleId, visitsId]).not.toContain(copyId);
  expect(await copyRow.getByTestId('project-dataset').innerText()).toBe('sample-sessions.csv');
  await copyRow.getByTestId('project-open').click();
  await page.getByTestId('dataset').filter({ hasText: 'sample-sessions.csv' }).waitFor();
  expect(await workbench.openProjectId()).toBe(copyId);
  await workbench.waitForCell('eda', ['done']);

  // Delete the open copy: it closes, leaves the list, and Undo brings it back open.
  await openPanel(page);
  await row(page, copyId).getByTestId('project-delete').click();
  await expect.poll(() => row(page, copyId).count()).toBe(0);
  await page.getByTestId('undo').click();
  await expect.poll(() => row(page, copyId).count()).toBe(1);
  await closePanel(page);
  await expect.poll(() => workbench.openProjectId()).toBe(copyId);

  // Delete the CSV project for good: gone after a reload, its dataset purged; the copy reopens.
  await openPanel(page);
  await row(page, visitsId).getByTestId('project-delete').click();
  await expect.poll(() => row(page, visitsId).count()).toBe(0);
  await closePanel(page);
  await workbench.reload();
  await expect.poll(() => workbench.openProjectId(), { timeout: 15_000 }).toBe(copyId);
  await page.getByTestId('dataset').filter({ hasText: 'sample-sessions.csv' }).waitFor();
  await openPanel(page);
  await expect.poll(() => page.getByTestId('project-row').count()).toBe(2);
  expect(await workbench.savedValue('datasets', visitsId)).toBeUndefined();
  expect(await workbench.savedValue('documents', visitsId)).toBeUndefined();
});

test('a reload during training restores every finished cell and marks the training cell as interrupted', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  // Load reads differently in this run, so the table it makes must be kept before training ends.
  await workbench.setParam(workbench.cell('load'), 'rows', 'first');
  await workbench.setParam(workbench.cell('load'), 'rowCount', '4000');
  await workbench.runAll();
  await workbench.waitForCell('train-mlp', ['running'], { timeout: 60_000 });
  await workbench.cell('train-mlp').getByText(/Epoch \d+\/\d+/).first().waitFor({ timeout: 60_000 });
  const before = await workbench.cellStates();

  await workbench.reload();
  await workbench.waitForCell('load', ['done'], { timeout: 30_000 });
  const after = await workbench.cellStates();
  const finishedBefore = before.filter((cell) => cell.status === 'done').map((cell) => cell.kind);
  expect(finishedBefore).toEqual(expect.arrayContaining(['load', 'clean', 'encode']));
  for (const kind of finishedBefore) expect(after.find((cell) => cell.kind === kind)?.status).toBe('done');
  expect(after.find((cell) => cell.kind === 'train-mlp')?.status).toBe('idle');
  expect(after.find((cell) => cell.kind === 'evaluate')?.status).not.toBe('done');
  const note = workbench.cell('train-mlp').getByTestId('interrupted-note');
  expect(await note.innerText()).toBe('The page closed while this cell ran: run it again.');

  // Later cells run from the table kept mid-run, without the file.
  await page.getByTestId('dataset').filter({ hasText: 'sample-sessions.csv' }).waitFor();
  await runExplore(workbench);
  expect(await workbench.cell('load').getByTestId('rows-note').innerText()).toBe('The first 4,000 rows (of 5,000).');

  // Still marked after another reload, until the cell runs again.
  await workbench.reload();
  await workbench.cell('train-mlp').getByTestId('interrupted-note').waitFor({ timeout: 30_000 });
  await workbench.cell('train-mlp').getByTestId('run-cell').click();
  await workbench.waitForCell('train-mlp', ['running'], { timeout: 60_000 });
  expect(await workbench.cell('train-mlp').getByTestId('interrupted-note').count()).toBe(0);
  await workbench.cell('train-mlp').getByTestId('cancel-cell').click();
  await workbench.waitForCell('train-mlp', ['idle', 'stale', 'done'], { timeout: 15_000 });
  await expect.poll(() => page.getByTestId('run-all').isEnabled()).toBe(true);
});
