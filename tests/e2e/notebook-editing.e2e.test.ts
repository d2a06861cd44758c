import { expect, test } from './harness/test';

// Unquoted attributes: the note's typographer would turn quotes into curly ones.
const hostileNote = [
  '# Findings',
  '<script>window.noteInjected = 1</script>',
  '<img src=missing.png onerror=window.noteInjected=2>',
  '[run me](javascript:window.noteInjected=3)',
  '[UCI dataset](https://archive.ics.uci.edu/)',
].join('\n\n');

test('a Markdown note shows raw HTML as text and refuses javascript: links', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);

  await page.getByTestId('add-cell').last().click();
  await page.locator('[data-testid=add-cell-option][data-kind=markdown]').click();
  const note = workbench.cell('markdown');
  await note.getByTestId('note-edit').click();
  await note.locator('[data-param=text]').fill(hostileNote);
  await note.getByTestId('note-done').click();

  const rendered = note.getByTestId('note-rendered');
  await rendered.getByRole('heading', { name: 'Findings' }).waitFor();
  const text = await rendered.innerText();
  expect(text).toContain('<script>window.noteInjected = 1</script>');
  expect(text).toContain('<img src=missing.png onerror=window.noteInjected=2>');
  expect(await rendered.locator('script, img, [onerror]').count()).toBe(0);
  expect(await rendered.locator('a[href^="javascript:" i]').count()).toBe(0);
  expect(await rendered.getByRole('link', { name: 'UCI dataset' }).getAttribute('href')).toBe('https://archive.ics.uci.edu/');
  await rendered.getByText('run me').click();
  expect(await page.evaluate(() => (window as { noteInjected?: number }).noteInjected)).toBeUndefined();
});

test('a changed copy of Train marks only itself and its dependants stale; moving and deleting rewire the notebook', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.runSampleNotebook({ epochs: 3 });
  const kinds = async () => (await workbench.cellStates()).map((cell) => cell.kind);
  const statuses = async () => (await workbench.cellStates()).map((cell) => cell.status);

  await workbench.cell('train-mlp').getByTestId('duplicate-cell').click();
  await expect.poll(kinds).toEqual(['load', 'clean', 'eda', 'encode', 'train-mlp', 'train-mlp', 'evaluate', 'classify', 'score']);
  // An identical copy feeds Evaluate and Score the same stamp, so their results still hold.
  await expect.poll(statuses).toEqual(['done', 'done', 'done', 'done', 'done', 'idle', 'done', 'done', 'done']);

  const copy = workbench.cell('train-mlp', 1);
  await copy.getByTestId('run-cell').click();
  await workbench.waitForCell('train-mlp', ['done'], { nth: 1 });
  await workbench.setParam(copy, 'epochs', '4');
  await expect.poll(statuses).toEqual(['done', 'done', 'done', 'done', 'done', 'stale', 'stale', 'done', 'stale']);

  // Above the original, the copy no longer feeds Evaluate and Score: the original does, as when they ran.
  await copy.getByTestId('move-up').click();
  await expect.poll(statuses).toEqual(['done', 'done', 'done', 'done', 'stale', 'done', 'done', 'done', 'done']);

  await workbench.cell('train-mlp', 0).getByTestId('delete-cell').click();
  await expect.poll(kinds).toEqual(['load', 'clean', 'eda', 'encode', 'train-mlp', 'evaluate', 'classify', 'score']);
  await expect.poll(statuses).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done', 'done']);

  // Moving Clean above Load leaves Clean without a table to read, and everything below it changes.
  await workbench.cell('clean').getByTestId('move-up').click();
  await expect.poll(kinds).toEqual(['clean', 'load', 'eda', 'encode', 'train-mlp', 'evaluate', 'classify', 'score']);
  await expect.poll(statuses).toEqual(['stale', 'done', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale']);
  await workbench.cell('clean').getByTestId('run-cell').click();
  await workbench.waitForCell('clean', ['error']);
  expect(await workbench.cell('clean').getByTestId('cell-error').innerText()).toMatch(/No earlier cell produces a table/);
  await expect.poll(() => page.getByTestId('run-all').isEnabled()).toBe(true);
});

test('Shift+Enter in a cell runs it, and the cells it needs first', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  expect((await workbench.cellStates()).map((cell) => cell.status)).toEqual(['done', 'idle', 'idle', 'idle', 'idle', 'idle', 'idle', 'idle']);

  await workbench.cell('eda').locator('[data-param=groupBy]').focus();
  await page.keyboard.press('Shift+Enter');
  await workbench.waitForCell('eda', ['done']);
  expect((await workbench.cellStates()).map((cell) => cell.status)).toEqual(['done', 'done', 'done', 'idle', 'idle', 'idle', 'idle', 'idle']);
});
