import type { Page } from 'playwright-core';
import { SCHEMA_VERSION } from '../../src/core/notebook/document';
import { MAX_CELLS } from '../../src/core/notebook/migrate';
import { generateSessionsCsv } from '../../src/core/sample/sessions';
import { expect, test } from './harness/test';
import { tempFile } from './harness/temp-file';

/** Markup that would run script if the page ever treated text as HTML; each sets `window.hostile`. */
const hostile = {
  image: '<img src=x onerror=window.hostile=1>',
  script: '<script>window.hostile=2</script>',
  link: 'javascript:window.hostile=3',
};

/** Nothing a hostile text carried became markup: no element, handler or script link, and nothing ran. */
async function expectInert(page: Page): Promise<void> {
  // The whole app: cells, the header's notebook title, the project list, notices.
  expect(await page.locator('#app').locator('img, script, iframe, object, embed, [onerror], [onload], [onclick]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i], a[href^="data:text" i], a[href^="vbscript:" i]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { hostile?: number }).hostile)).toBeUndefined();
}

test('column names made of HTML and script links show as text in every cell that names them', async ({ workbench, page }) => {
  const names = [hostile.image, hostile.script, hostile.link];
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const rows = Array.from({ length: 60 }, (_, i) => `${i % 7},${i % 3},${i % 5},${['a', 'b', 'c'][i % 3]},${(i * 7) % 11}`);
  const csv = [['visits', ...names, 'purchaseValue'].map(quoted).join(','), ...rows].join('\n');

  await workbench.open();
  await workbench.openDatasetBytes('hostile-columns.csv', new TextEncoder().encode(csv));
  await workbench.waitForCell('load', ['done']);
  await workbench.cell('eda').getByTestId('run-cell').click();
  await workbench.waitForCell('eda', ['done']);

  const loadText = await workbench.cell('load').innerText();
  for (const name of names) expect(loadText).toContain(name);
  // Explore draws each column: names land in chart titles and labels, still as text.
  const edaText = await workbench.cell('eda').innerText();
  expect(names.some((name) => edaText.includes(name))).toBe(true);
  await expectInert(page);
});

test('an imported notebook with hostile titles, markdown and prototype keys stays inert and pollutes nothing', async ({ workbench, page }) => {
  const markdown = [
    `# ${hostile.image}`,
    hostile.script,
    `[plain](${hostile.link})`,
    '[upper](JAVASCRIPT:window.hostile=4)',
    '[entity](jav&#x09;ascript:window.hostile=5)',
    '[page](data:text/html;base64,PHNjcmlwdD53aW5kb3cuaG9zdGlsZT02PC9zY3JpcHQ+)',
    // Unquoted: the typographer would make quotes curly.
    '<a href=javascript:window.hostile=7>raw</a>',
    '<javascript:window.hostile=8>',
  ].join('\n\n');
  // Written as text: a JavaScript object literal would turn "__proto__" into a prototype, not a key.
  const text = `{
    "schemaVersion": ${SCHEMA_VERSION}, "id": "hostile", "title": ${JSON.stringify(hostile.script)},
    "__proto__": { "polluted": "document" },
    "constructor": { "prototype": { "polluted": "constructor" } },
    "cells": [
      { "id": "load", "kind": "load", "title": ${JSON.stringify(hostile.image)},
        "params": { "__proto__": { "polluted": "params" }, "constructor": { "prototype": { "polluted": "params" } } } },
      { "id": "note", "kind": "markdown", "title": ${JSON.stringify(hostile.link)}, "params": { "text": ${JSON.stringify(markdown)} } }
    ]
  }`;

  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await workbench.importNotebook(tempFile('hostile.json', text));
  await expect.poll(async () => (await workbench.cellStates()).map((cell) => cell.kind)).toEqual(['load', 'markdown']);

  const titles = await page.getByTestId('cell-title').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(titles).toEqual([hostile.image, hostile.link]);
  const note = workbench.cell('markdown').getByTestId('note-rendered');
  await note.getByRole('heading').waitFor();
  const noteText = await note.innerText();
  expect(noteText).toContain(hostile.image);
  expect(noteText).toContain(hostile.script);
  expect(noteText).toContain('<a href=javascript:window.hostile=7>raw</a>');
  // Refused links stay as their text. The tab hidden in an entity survives percent-encoded, so the
  // browser cannot strip it back to `javascript:`: what is left is a harmless relative link.
  expect(await note.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['jav%09ascript:window.hostile=5']);
  for (const label of ['plain', 'upper', 'page']) await note.getByText(label).first().click();
  await expectInert(page);
  // The notebook's title, a script tag, is listed among the projects as text.
  await page.getByTestId('projects').click();
  await expect.poll(() => page.getByTestId('projects-panel').innerText()).toContain(hostile.script);
  await expectInert(page);

  const pollution = await page.evaluate(() => ({
    object: ({} as Record<string, unknown>).polluted,
    array: ([] as unknown as Record<string, unknown>).polluted,
    fn: (function () {} as unknown as Record<string, unknown>).polluted,
  }));
  expect(pollution).toEqual({ object: undefined, array: undefined, fn: undefined });
});

test(`a notebook of 20,000 cells is refused with the count and the limit, and the open notebook stays`, async ({ workbench, page }) => {
  const cells = Array.from({ length: 20_000 }, (_, i) => ({ id: `note-${i}`, kind: 'markdown', params: { text: `Note ${i}` } }));
  const path = tempFile('huge.json', JSON.stringify({ schemaVersion: SCHEMA_VERSION, id: 'huge', title: 'Huge', cells }));

  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  const before = await workbench.cellStates();
  await workbench.importNotebook(path);

  const notice = page.getByRole('alert').filter({ hasText: 'huge.json' });
  await notice.waitFor();
  expect(await notice.innerText()).toContain(`20,000 cells, more than the ${MAX_CELLS.toLocaleString('en-US')} a notebook may hold`);
  expect(await workbench.cellStates()).toEqual(before);
});

test('a dataset far larger than the storage quota is refused with a message, and the saved project stays whole', async ({ workbench, page, siteUrl }) => {
  await workbench.open();
  // This browser's real quota is gigabytes (a share of the disk): the browser's own quota check is set
  // lower for the site instead, so a real IndexedDB write is refused exactly as on a full disk.
  const quotaBytes = 3 * 1024 * 1024;
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Storage.overrideQuotaForOrigin', { origin: new URL(siteUrl).origin, quotaSize: quotaBytes });

  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  const notices = page.getByTestId('notice');
  expect(await notices.count()).toBe(0);

  // About 18 MB of sessions, six times the quota: it loads and works for this session, but cannot be kept.
  const large = new TextEncoder().encode(generateSessionsCsv(100_000, 7));
  expect(large.length).toBeGreaterThan(5 * quotaBytes);
  await workbench.openDatasetBytes('large-sessions.csv', large);
  await workbench.waitForCell('load', ['done'], { timeout: 120_000 });
  const refusal = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
  await refusal.waitFor({ timeout: 30_000 });
  expect(await refusal.innerText()).toContain('what was saved before is unchanged');
  expect(await workbench.cell('load').innerText()).toMatch(/100,000/);
  await workbench.cell('clean').getByTestId('run-cell').click();
  await workbench.waitForCell('clean', ['done']);

  // Nothing half-written: the notebook comes back whole and nothing saved fails to read.
  const kinds = (await workbench.cellStates()).map((cell) => cell.kind);
  await workbench.reload();
  await expect.poll(async () => (await workbench.cellStates()).map((cell) => cell.kind), { timeout: 30_000 }).toEqual(kinds);
  await expect.poll(() => page.getByTestId('dataset-restoring').count(), { timeout: 30_000 }).toBe(0);
  // The cells that ran keep their results, shown as stale until the file is given again.
  const [load, clean] = await workbench.cellStates();
  expect([load.status, clean.status]).not.toContain('idle');
  expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
});
