import { readFileSync } from 'node:fs';
import { SCHEMA_VERSION } from '../../src/core/notebook/document';
import { expect, test } from './harness/test';
import { tempFile } from './harness/temp-file';
import type { WorkbenchPage } from './harness/workbench';

/** Longer than the workbench waits after an edit before it saves. */
const PAST_AUTOSAVE_MS = 1500;

interface StoredDocument {
  schemaVersion: number;
  id: string;
  title: string;
  cells: { id: string; kind: string; params: Record<string, unknown> }[];
}

/** `doc` as a newer build might save it: a later version, an unknown parameter and a cell kind this build has never seen. */
function newerVersionOf(doc: StoredDocument): StoredDocument & { layout: string } {
  const [load, ...rest] = doc.cells;
  return {
    ...doc,
    schemaVersion: SCHEMA_VERSION + 1,
    layout: 'two-columns',
    cells: [{ ...load, params: { ...load.params, sampling: { every: 3 } } }, ...rest, { id: 'forecast-1', kind: 'forecast', params: { horizon: 7 } }],
  };
}

async function expectReadOnly(workbench: WorkbenchPage): Promise<void> {
  const { page } = workbench;
  const banner = page.getByTestId('read-only-banner');
  await banner.waitFor();
  expect(await banner.innerText()).toContain(`saved by a newer version of the workbench (schema ${SCHEMA_VERSION + 1}; this one reads up to ${SCHEMA_VERSION})`);
  expect(await page.getByTestId('run-all').isDisabled()).toBe(true);
  expect(await page.getByTestId('notebook-title').isDisabled()).toBe(true);
  expect(await page.getByTestId('add-cell').count()).toBe(0);
  const load = workbench.cell('load');
  for (const control of ['run-cell', 'move-down', 'duplicate-cell', 'delete-cell', 'cell-title']) {
    expect(await load.getByTestId(control).isDisabled(), control).toBe(true);
  }
  expect(await load.locator('[data-param="target"]').first().isDisabled()).toBe(true);
  expect(await workbench.cell('forecast').innerText()).toContain("kind 'forecast'");
}

test('a project saved by a newer version opens read-only, is never written back, exports as it is and duplicates to an editable copy', async ({ workbench, page }) => {
  await workbench.open();
  const id = 'nb-saved-here';
  const current: StoredDocument = {
    schemaVersion: SCHEMA_VERSION,
    id,
    title: 'Saved here',
    cells: [
      { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
      { id: 'eda', kind: 'eda', params: {} },
      { id: 'why', kind: 'markdown', params: { text: 'Notes' } },
    ],
  };
  await workbench.importNotebook(tempFile('saved-here.json', JSON.stringify(current)));
  await expect.poll(() => workbench.savedValue('documents', id)).toEqual(current);

  const newer = newerVersionOf(current);
  await workbench.putSavedValue('documents', id, newer);
  await workbench.reload();
  await expectReadOnly(workbench);
  const cellsShown = await workbench.cells.count();
  expect(cellsShown).toBe(newer.cells.length);

  // Clicks on the switched-off controls change nothing, and nothing is saved once the autosave delay has passed.
  const storedBefore = JSON.stringify(await workbench.savedValue('documents', id));
  await workbench.cell('load').getByTestId('delete-cell').click({ force: true });
  await page.getByTestId('run-all').click({ force: true });
  await page.waitForTimeout(PAST_AUTOSAVE_MS);
  expect(await workbench.cells.count()).toBe(cellsShown);
  expect(await workbench.cell('load').getAttribute('data-status')).not.toBe('running');
  expect(JSON.stringify(await workbench.savedValue('documents', id))).toBe(storedBefore);
  expect(JSON.parse(storedBefore)).toEqual(newer);

  // The export hands the notebook on as it was saved, newer fields and all.
  const download = await workbench.exportNotebook();
  const { results: _results, dataset: _dataset, ...exported } = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported).toEqual(newer);

  // Duplicate makes an editable copy at this version, without the cell it cannot read.
  await page.getByTestId('duplicate-read-only').click();
  await expect.poll(() => workbench.openProjectId()).not.toBe(id);
  const copyId = await workbench.openProjectId();
  await page.getByTestId('read-only-banner').waitFor({ state: 'detached' });
  expect(await page.getByRole('status').filter({ hasText: 'without the cells this version cannot read' }).innerText()).toContain('a forecast cell');
  expect(await workbench.cell('forecast').count()).toBe(0);
  expect(await page.getByTestId('run-all').isDisabled()).toBe(false);
  await page.getByTestId('notebook-title').fill('My copy');
  await page.getByTestId('notebook-title').blur();
  await expect.poll(async () => ((await workbench.savedValue('documents', copyId)) as StoredDocument | undefined)?.title, { timeout: 5000 }).toBe('My copy');
  const copy = (await workbench.savedValue('documents', copyId)) as StoredDocument;
  expect(copy.schemaVersion).toBe(SCHEMA_VERSION);
  expect(copy.cells.map((cell) => cell.kind)).toEqual(newer.cells.filter((cell) => cell.kind !== 'forecast').map((cell) => cell.kind));
  expect(JSON.stringify(await workbench.savedValue('documents', id))).toBe(storedBefore);
});

test('a notebook file from a newer version imports read-only, kept in this browser exactly as the file has it', async ({ workbench, page }) => {
  await workbench.open();
  const newer = {
    schemaVersion: SCHEMA_VERSION + 1,
    id: 'nb-from-newer',
    title: 'From a newer build',
    layout: 'two-columns',
    cells: [
      { id: 'load', kind: 'load', params: { target: 'purchaseValue', sampling: { every: 3 } } },
      { id: 'forecast-1', kind: 'forecast', title: 'Next week', params: { horizon: 7 } },
    ],
  };
  await workbench.importNotebook(tempFile('newer.json', JSON.stringify(newer)));
  await expectReadOnly(workbench);
  expect(await workbench.openProjectId()).toBe('nb-from-newer');
  await expect.poll(() => workbench.savedValue('documents', 'nb-from-newer')).toEqual(newer);

  await page.waitForTimeout(PAST_AUTOSAVE_MS);
  expect(await workbench.savedValue('documents', 'nb-from-newer')).toEqual(newer);
  // Read-only again after a reload, and listed with the projects.
  await workbench.reload();
  await expectReadOnly(workbench);
  expect(await workbench.openProjectId()).toBe('nb-from-newer');
  await page.getByTestId('projects').click();
  expect(await page.locator('[data-testid=project-row][data-project-id="nb-from-newer"]').innerText()).toContain('From a newer build');
});
