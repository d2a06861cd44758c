import { randomBytes } from 'node:crypto';
import { expect, test } from './harness/test';
import type { WorkbenchPage } from './harness/workbench';
import { tempFile } from './harness/temp-file';

const validCsv = new TextEncoder().encode('visits,purchaseValue\n1,0\n3,12.5\n2,0\n');

/** After an error, a good file still opens and loads. */
async function loadsAGoodFile(workbench: WorkbenchPage): Promise<void> {
  await workbench.openDatasetBytes('sessions.csv', validCsv);
  await workbench.waitForCell('load', ['done']);
  expect(await workbench.cell('load').getByTestId('cell-error').count()).toBe(0);
}

/** The Load cell's error as shown: a sentence for the user, never a stack trace. */
async function loadError(workbench: WorkbenchPage): Promise<string> {
  await workbench.waitForCell('load', ['error']);
  const text = await workbench.cell('load').getByTestId('cell-error').innerText();
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return text;
}

test('an empty file gets a clear error in the Load cell and the page keeps working', async ({ workbench }) => {
  await workbench.open();
  await workbench.openDatasetBytes('empty.csv', new Uint8Array());
  expect(await loadError(workbench)).toMatch(/empty\.csv is empty/);

  await loadsAGoodFile(workbench);
});

test('a binary file named .csv gets a clear error in the Load cell and the page keeps working', async ({ workbench }) => {
  // A PNG signature, then noise with NUL bytes: what an image renamed to .csv looks like.
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...randomBytes(4096)]);
  await workbench.open();
  await workbench.openDatasetBytes('photo.csv', png);
  expect(await loadError(workbench)).toMatch(/photo\.csv looks like a binary file/);

  await loadsAGoodFile(workbench);
});

test('a notebook file that cannot be read is refused with the problem by path and changes nothing', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  const before = await workbench.cellStates();

  const broken = { schemaVersion: 1, id: 'broken', title: 'Broken', cells: [{ id: 'a', kind: 'load', params: {} }, { id: 'a', kind: 'clean', params: {} }] };
  const path = tempFile('broken.json', JSON.stringify(broken));
  await workbench.importNotebook(path);

  const notice = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await notice.waitFor();
  expect(await notice.innerText()).toContain("cells[1].id: duplicate id 'a'");
  expect(await workbench.cellStates()).toEqual(before);
});
