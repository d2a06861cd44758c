import type { Locator } from 'playwright-core';
import { expect, test } from './harness/test';
import type { WorkbenchPage } from './harness/workbench';

const opsOf = (clean: Locator) => clean.getByTestId('operation').evaluateAll((items) => items.map((item) => item.getAttribute('data-op')));
const stepLine = (clean: Locator, op: string) => clean.locator(`[data-testid=clean-step][data-op="${op}"] [data-testid=clean-step-line]`).innerText();

async function runClean(workbench: WorkbenchPage, clean: Locator): Promise<void> {
  await clean.getByTestId('run-cell').click();
  await workbench.waitForCell('clean', ['done', 'error']);
}

async function openSample(workbench: WorkbenchPage): Promise<Locator> {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  return workbench.cell('clean');
}

test('Clean steps: add one from the menu, reorder it, switch one off, and read each step’s what-changed line', async ({ workbench }) => {
  const clean = await openSample(workbench);
  await runClean(workbench, clean);
  expect(await opsOf(clean)).toEqual(['junk-tokens', 'retype', 'blanks-as-zero', 'drop-constant', 'drop-mostly-missing', 'fill-target']);
  expect(await stepLine(clean, 'junk-tokens')).toMatch(/^[\d,]+ values in [\d,]+ rows$/);
  expect(await stepLine(clean, 'drop-constant')).toMatch(/^\d+ columns? dropped$/);

  // Cap page views at 100, as the seed notebooks do, then move the step above the target fill.
  await clean.getByTestId('operation-add').selectOption('cap-outliers');
  const cap = clean.locator('[data-testid=operation][data-op=cap-outliers]');
  await cap.locator('[data-param=columns] input[value="totals.pageviews"]').check();
  await cap.locator('[data-param=method]').selectOption('value');
  await cap.locator('[data-param=upper]').fill('100');
  await cap.getByTestId('operation-up').click();
  expect(await opsOf(clean)).toEqual(['junk-tokens', 'retype', 'blanks-as-zero', 'drop-constant', 'drop-mostly-missing', 'cap-outliers', 'fill-target']);

  // Off, the 1-or-blank fill only shows what it would do, and totals.bounces is then dropped as constant.
  await clean.locator('[data-testid=operation][data-op=blanks-as-zero] [data-testid=operation-enabled]').uncheck();
  await workbench.waitForCell('clean', ['stale']);
  await runClean(workbench, clean);
  expect(await clean.getByTestId('clean-step').evaluateAll((items) => items.map((item) => item.getAttribute('data-op')))).toEqual([
    'junk-tokens',
    'retype',
    'blanks-as-zero',
    'drop-constant',
    'drop-mostly-missing',
    'cap-outliers',
    'fill-target',
  ]);
  expect(await stepLine(clean, 'cap-outliers')).toMatch(/^[\d,]+ values? in [\d,]+ rows?$/);
  expect(await clean.locator('[data-testid=clean-step][data-op=cap-outliers]').innerText()).toMatch(/totals\.pageviews: [\d,]+ values? above 100 → 100/);
  expect(await stepLine(clean, 'blanks-as-zero')).toMatch(/^off · would change: [\d,]+ values in [\d,]+ rows$/);
  expect(await clean.locator('[data-testid=clean-step][data-op=drop-constant]').innerText()).toContain('totals.bounces: dropped: is constant (1)');

  // A step naming a column this file lacks stops the cell with a message naming the step and the column.
  await clean.getByTestId('operation-add').selectOption('filter-rows');
  await clean.locator('[data-testid=operation][data-op=filter-rows] [data-param=expression]').fill('d => d.pageViews > 1');
  await runClean(workbench, clean);
  expect(await clean.getByTestId('cell-error').innerText()).toContain('Step 8 (Filter rows): column “pageViews” is not in the table');
  await clean.locator('[data-testid=operation][data-op=filter-rows] [data-testid=operation-remove]').click();
  expect(await opsOf(clean)).not.toContain('filter-rows');
});

test('a suggested Clean step is added with one click and then applied', async ({ workbench }) => {
  const clean = await openSample(workbench);
  await runClean(workbench, clean);
  const suggestion = clean.locator('[data-testid=suggestion][data-op=drop-identifiers]');
  expect(await suggestion.innerText()).toContain('fullVisitorId');
  expect(await suggestion.getByTestId('suggestion-line').innerText()).toMatch(/^would change: \d+ columns? dropped$/);

  await suggestion.getByTestId('suggestion-add').click();
  await expect.poll(() => opsOf(clean)).toEqual(['junk-tokens', 'retype', 'blanks-as-zero', 'drop-constant', 'drop-mostly-missing', 'fill-target', 'drop-identifiers']);
  await workbench.waitForCell('clean', ['stale']);
  await runClean(workbench, clean);
  expect(await clean.locator('[data-testid=clean-step][data-op=drop-identifiers]').innerText()).toContain('fullVisitorId: dropped');
  expect(await clean.locator('[data-testid=suggestion][data-op=drop-identifiers]').count()).toBe(0);
});
