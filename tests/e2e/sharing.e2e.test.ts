import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { fromArrow } from 'arquero';
import type { Page } from 'playwright-core';
import { SCHEMA_VERSION, type NotebookDocument } from '../../src/core/notebook/document';
import { IPYNB_METADATA_KEY, VEGA_LITE_MIME, type Ipynb } from '../../src/core/notebook/ipynb';
import { encodeShareLink } from '../../src/core/notebook/share-link';
import { nbconvertToHtml, validateWithNbformat } from './harness/jupyter';
import { tempFile } from './harness/temp-file';
import { expect, test } from './harness/test';
import type { WorkbenchPage } from './harness/workbench';

const schema = JSON.parse(readFileSync(new URL('../schemas/nbformat.v4.5.schema.json', import.meta.url), 'utf8'));
// The official schema carries a few keywords of its own (`item`, `source_hidden`); strict mode would refuse them.
const validateNotebook = new Ajv({ strict: false, allErrors: true }).compile(schema);
const PNG_SIGNATURE = 'iVBORw0KGgo';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** What a Markdown line shows once rendered to HTML: its backslash escapes gone, the rest escaped for HTML. */
const markdownText = (source: string) => escapeHtml(source.replace(/\\(.)/g, '$1'));

async function downloadJson(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string; value: unknown }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, value: JSON.parse(readFileSync(path, 'utf8')) };
}

async function exportNative(workbench: WorkbenchPage): Promise<NotebookDocument> {
  const download = await workbench.exportNotebook();
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

async function openMenu(page: Page): Promise<void> {
  if ((await page.getByTestId('export-menu').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('export-menu').click();
}

test('after a run, the sample notebook exports as an .ipynb valid against nbformat 4.5, with its charts, and imports back as the same document', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.runSampleNotebook({ epochs: 3 });
  const original = await exportNative(workbench);
  const statuses = async () => (await workbench.cellStates()).map((cell) => cell.status);
  const ranStatuses = await statuses();

  await openMenu(page);
  const exported = await downloadJson(page, () => page.getByTestId('export-ipynb').click());
  expect(exported.name).toMatch(/\.ipynb$/);
  const valid = validateNotebook(exported.value);
  expect(validateNotebook.errors ?? []).toEqual([]);
  expect(valid).toBe(true);

  const notebook = exported.value as Ipynb;
  expect(notebook.metadata[IPYNB_METADATA_KEY]).toEqual({ document: original });
  const outputs = notebook.cells.flatMap((cell) => (cell.cell_type === 'code' ? cell.outputs : []));
  const charts = outputs.filter((output) => 'data' in output && VEGA_LITE_MIME in output.data);
  // EDA's charts and matrix, the loss curve and predicted against actual.
  expect(charts.length).toBeGreaterThanOrEqual(4);
  for (const chart of charts) {
    const png = 'data' in chart ? chart.data['image/png'] : undefined;
    expect(typeof png === 'string' && png.startsWith(PNG_SIGNATURE)).toBe(true);
    // A real picture, not an empty canvas: a few KB at least.
    expect((png as string).length).toBeGreaterThan(2000);
  }
  expect(outputs.some((output) => 'data' in output && typeof output.data['text/html'] === 'string' && (output.data['text/html'] as string).includes('<th>R²</th>'))).toBe(true);

  // Jupyter's own validator and nbviewer's renderer read the file as GitHub and JupyterLab users get it.
  const file = tempFile(exported.name, readFileSync(exported.path));
  await validateWithNbformat(file);
  const html = await nbconvertToHtml(file);
  expect(html.split('<img src="data:image/png;base64,').length - 1).toBe(charts.length);
  // Drawn at twice their size for sharpness, shown at their own: nbconvert writes the size the metadata gives.
  expect(html.match(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"\s+width=\d+\s+height=\d+/g) ?? []).toHaveLength(charts.length);
  const steps = notebook.cells.flatMap((cell) => (cell.cell_type === 'markdown' && cell.source.startsWith('## ') ? [cell.source] : []));
  expect(steps).toHaveLength(original.cells.length);
  for (const step of steps) {
    // The Markdown renders: a heading, not `## 5. Train MLP` as text; a bold label, not `**Seed**`.
    expect(html).toContain(`>${markdownText(step.split('\n')[0].slice(3))}<a class="anchor-link"`);
    const parameter = step.match(/^- \*\*(.+?)\*\*: (.+)$/m);
    if (parameter) expect(html).toContain(`<li><strong>${markdownText(parameter[1])}</strong>: ${markdownText(parameter[2])}</li>`);
  }
  expect(html).toContain('<strong>Max epochs</strong>: 3');
  expect(html).toContain('<th>R²</th>');
  const metrics = outputs.flatMap((output) => (output.output_type === 'execute_result' ? [String(output.data['text/plain'])] : [])).filter((text) => text.startsWith('r2: '));
  expect(metrics).toHaveLength(1);
  expect(html).toContain(`<pre>${escapeHtml(metrics[0])}</pre>`);

  await page.getByTestId('import').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: readFileSync(exported.path) });
  await expect.poll(() => page.getByTestId('notice').filter({ hasText: `Opened ${exported.name}` }).count()).toBe(1);
  expect(await exportNative(workbench)).toEqual(original);
  // The same cells with the same parameters on the same data: every result still holds.
  await expect.poll(statuses).toEqual(ranStatuses);
});

test('a Jupyter notebook the workbench did not export is refused with a clear message', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  const before = await exportNative(workbench);
  const foreign = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ id: 'a', cell_type: 'code', metadata: {}, source: 'import pandas', outputs: [], execution_count: null }] };
  await page.getByTestId('import').setInputFiles({ name: 'analysis.ipynb', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(foreign)) });
  const notice = page.getByTestId('notice').filter({ hasText: 'analysis.ipynb is not a notebook this workbench can open' });
  await notice.waitFor();
  expect(await notice.innerText()).toContain('not exported by this workbench');
  expect(await exportNative(workbench)).toEqual(before);
});

test('Copy link makes a #nb= link that opens the same notebook in a fresh browser', async ({ workbench, page, browser }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await page.getByTestId('notebook-title').fill('Shared by link');
  await page.getByTestId('notebook-title').blur();
  const original = await exportNative(workbench);

  await openMenu(page);
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#nb=[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(8000);

  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const fresh = await context.newPage();
    await fresh.goto(link);
    await fresh.getByTestId('notebook-title').waitFor();
    expect(await fresh.getByTestId('notebook-title').inputValue()).toBe('Shared by link');
    expect(new URL(fresh.url()).hash).toBe('');
    const [download] = await Promise.all([fresh.waitForEvent('download'), fresh.getByTestId('export').click()]);
    expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual(original);
    // The template's steps hold no expression: nothing to trust.
    expect(await fresh.getByTestId('trust-banner').count()).toBe(0);
  } finally {
    await context.close();
  }
});

test('a damaged link is refused with a message and opens nothing', async ({ page, siteUrl }) => {
  await page.goto(`${siteUrl}#nb=AAAA-not-a-notebook`);
  const notice = page.getByTestId('notice').filter({ hasText: 'The notebook in this link could not be opened' });
  await notice.waitFor();
  expect(await page.getByTestId('notebook-title').count()).toBe(0);
});

/** A notebook from elsewhere with a row filter and a derived column: both run as code on the data. */
function notebookWithExpressions(): NotebookDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'shared-with-expressions',
    title: 'Filtered sessions',
    cells: [
      { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
      {
        id: 'clean',
        kind: 'clean',
        params: {
          steps: [
            { op: 'retype', enabled: true },
            { op: 'filter-rows', enabled: true, expression: 'd => d.pageviews > 1' },
            { op: 'derive-column', enabled: true, name: 'views_per_minute', expression: 'd => d.pageviews / (d.duration + 1)' },
          ],
        },
      },
      { id: 'eda', kind: 'eda', params: {} },
    ],
  };
}

test('a linked notebook with expressions opens untrusted: they do not run until the user trusts them', async ({ workbench, page, siteUrl }) => {
  await page.goto(`${siteUrl}${await encodeShareLink(notebookWithExpressions())}`);
  const banner = page.getByTestId('trust-banner');
  await banner.waitFor();
  const listed = await banner.getByTestId('trust-expression').allInnerTexts();
  expect(listed).toHaveLength(2);
  expect(listed[0]).toContain('d => d.pageviews > 1');
  expect(listed[1]).toContain('d => d.pageviews / (d.duration + 1)');

  await page.getByTestId('dataset-input').setInputFiles({ name: 'sessions.csv', mimeType: 'text/csv', buffer: Buffer.from(sessionsCsv()) });
  await workbench.waitForCell('load', ['done']);
  await workbench.runAll();
  await page.getByTestId('notice').filter({ hasText: 'wait until you trust' }).waitFor();
  await expect.poll(async () => (await workbench.cellStates()).map((cell) => cell.status)).toEqual(['done', 'idle', 'idle']);
  await workbench.cell('clean').getByTestId('run-cell').click();
  await page.getByTestId('notice').filter({ hasText: 'trust the notebook to run it' }).waitFor();
  expect((await workbench.cellStates())[1].status).toBe('idle');

  // Trust survives nothing but the user's consent: a reload keeps the notebook untrusted.
  await workbench.reload();
  await banner.waitFor();

  await page.getByTestId('trust-accept').click();
  await expect.poll(() => banner.count()).toBe(0);
  await workbench.runAll();
  await workbench.waitForAllDone();
  expect(await workbench.cell('clean').innerText()).toContain('views_per_minute');
});

function sessionsCsv(): string {
  const lines = ['purchaseValue,pageviews,duration,channel'];
  for (let i = 0; i < 300; i++) lines.push(`${i % 5 === 0 ? i * 2 : 0},${i % 9},${(i * 7) % 300},${['Organic', 'Direct', 'Referral'][i % 3]}`);
  return lines.join('\n');
}

test('the notebook JSON can carry the results and the dataset (sizes shown first) and opens elsewhere with both, without running', async ({ workbench, page, browser }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await workbench.cell('eda').getByTestId('run-cell').click();
  await workbench.waitForCell('eda', ['done']);
  const statuses = async (target: Page) =>
    target.locator('[data-testid=cell]').evaluateAll((cells) => cells.map((cell) => `${cell.getAttribute('data-kind')}:${cell.getAttribute('data-status')}`));
  const ran = await statuses(page);
  // The kernel keeps the loaded table just after Load; the menu sizes what is kept when it opens.
  await workbench.waitForKeptDataset();

  await openMenu(page);
  await expect.poll(() => page.getByTestId('export-dataset-size').innerText()).toMatch(/\d+(\.\d+)? (KB|MB)/);
  expect(await page.getByTestId('export-results-size').innerText()).toMatch(/\d+(\.\d+)? (B|KB|MB)/);
  await page.getByTestId('export-results').check();
  await page.getByTestId('export-dataset').check();
  const exported = await downloadJson(page, () => page.getByTestId('export').click());
  const file = exported.value as { results: { cellId: string }[]; dataset: { name: string; arrow: string } };
  expect(file.results.length).toBeGreaterThanOrEqual(3);
  expect(file.dataset.name).toBe('sample-sessions.csv');
  // The sample's 5,000 sessions as Arrow columns.
  expect(fromArrow(Buffer.from(file.dataset.arrow, 'base64')).numRows()).toBe(5000);

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    // One result that names no cell of the notebook: left out, and said so.
    const tampered = { ...file, results: [...file.results, { ...file.results[0], cellId: 'no-such-cell' }] };
    await fresh.getByTestId('import').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
    await fresh.getByTestId('notice').filter({ hasText: '1 of the results' }).waitFor();
    await fresh.getByTestId('dataset').filter({ hasText: 'sample-sessions.csv' }).waitFor();
    await expect.poll(() => statuses(fresh)).toEqual(ran);
    // The dataset is the kernel's again: a cell that was not run runs on it.
    await fresh.locator('[data-testid=cell][data-kind=encode]').getByTestId('run-cell').click();
    await fresh.waitForFunction(() => document.querySelector('[data-testid=cell][data-kind=encode]')?.getAttribute('data-status') === 'done', undefined, { timeout: 60_000 });
  } finally {
    await context.close();
  }
});
