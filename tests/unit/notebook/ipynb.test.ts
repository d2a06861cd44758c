import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { SCHEMA_VERSION, type NotebookDocument } from '../../../src/core/notebook/document';
import { buildIpynb, CHART_PNG_SCALE, chartsToRender, IPYNB_METADATA_KEY, isIpynb, JUPYTER_CHART_WIDTH, readIpynb, VEGA_LITE_MIME, type Ipynb, type IpynbSource } from '../../../src/core/notebook/ipynb';
import { DocumentError } from '../../../src/core/notebook/migrate';
import { updateCellParams } from '../../../src/core/notebook/operations';
import { instantiateTemplate } from '../../../src/core/notebook/template';
import { planNotebook, cellStatus } from '../../../src/core/runtime/plan';
import type { CellRecord, CellStatus } from '../../../src/core/runtime/record';
import { Session } from '../../../src/core/runtime/session';
import { generateSessionsCsv } from '../../../src/core/sample/sessions';

const schema = JSON.parse(readFileSync(new URL('../../schemas/nbformat.v4.5.schema.json', import.meta.url), 'utf8'));
// The official schema carries a few keywords of its own (`item`, `source_hidden`); strict mode would refuse them.
const validateNotebook = new Ajv({ strict: false, allErrors: true }).compile(schema);
const template = JSON.parse(readFileSync(new URL('../../../notebooks/purchase-value.json', import.meta.url), 'utf8'));

function expectValid(notebook: unknown): void {
  const valid = validateNotebook(JSON.parse(JSON.stringify(notebook)));
  expect(validateNotebook.errors ?? [], JSON.stringify(validateNotebook.errors?.slice(0, 3))).toEqual([]);
  expect(valid).toBe(true);
}

function sourceOf(doc: NotebookDocument, records: CellRecord[], datasetId: string | null): IpynbSource {
  const byCell = Object.fromEntries(records.map((record) => [record.cellId, record]));
  const statuses: Record<string, CellStatus> = Object.fromEntries(planNotebook(doc, datasetId).map((plan) => [plan.cellId, cellStatus(plan, byCell[plan.cellId])]));
  return { doc, records: byCell, statuses };
}

/** A blank RGB picture of the given size, as a PNG in base64. */
function pngBase64(width: number, height: number): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const scanlines = Buffer.alloc(height * (1 + width * 3));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines)), chunk('IEND', Buffer.alloc(0))]).toString('base64');
}

const codeCells = (notebook: Ipynb) => notebook.cells.filter((cell) => cell.cell_type === 'code');
const markdownOf = (notebook: Ipynb, cellId: string) => notebook.cells.find((cell) => cell.cell_type === 'markdown' && (cell.metadata[IPYNB_METADATA_KEY] as { cellId: string }).cellId === cellId)!.source;
const outputsOf = (notebook: Ipynb, cellId: string) => {
  const cell = notebook.cells.find((candidate) => candidate.cell_type === 'code' && (candidate.metadata[IPYNB_METADATA_KEY] as { cellId: string }).cellId === cellId);
  return cell?.cell_type === 'code' ? cell.outputs : [];
};

describe('buildIpynb after a full run of the template', () => {
  let doc: NotebookDocument;
  let source: IpynbSource;

  beforeAll(async () => {
    const session = new Session(() => createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/' }), async () => {});
    const datasetId = await session.setDataset({ name: 'sample-sessions.csv', bytes: new TextEncoder().encode(generateSessionsCsv(800, 3)) });
    const opened = instantiateTemplate(template);
    const train = opened.cells.find((cell) => cell.kind === 'train-mlp')!;
    const quick = updateCellParams(opened, train.id, { epochs: 3 });
    doc = { ...quick, cells: [{ id: 'note-1', kind: 'markdown', params: { text: '# Why\nPurchase value per *session*.' } }, ...quick.cells] };
    const records: CellRecord[] = [];
    for (const cell of doc.cells.filter((candidate) => candidate.kind !== 'markdown')) {
      await session.run(doc, cell.id, { signal: new AbortController().signal, onRecord: (record) => records.push(record) });
    }
    expect(records.filter((record) => record.status !== 'done').map((record) => `${record.kind}: ${record.error}`)).toEqual([]);
    source = sourceOf(doc, records, datasetId);
  }, 120_000);

  it('is valid against the official nbformat 4.5 schema, with and without chart images', () => {
    expectValid(buildIpynb(source));
    const images = new Map(chartsToRender(source).map((chart) => [chart.key, 'iVBORw0KGgo=']));
    expectValid(buildIpynb(source, images));
  });

  it('keeps the workbench document in the metadata, and reading it back gives the same document', () => {
    const notebook = JSON.parse(JSON.stringify(buildIpynb(source)));
    expect(isIpynb(notebook)).toBe(true);
    expect(readIpynb(notebook)).toEqual(doc);
  });

  it('writes a Markdown cell per workbench cell, describing the step and its parameters', () => {
    const notebook = buildIpynb(source);
    const markdown = notebook.cells.filter((cell) => cell.cell_type === 'markdown');
    expect(markdown).toHaveLength(doc.cells.length);
    expect(markdown[0].source).toBe('# Why\nPurchase value per *session*.');
    const train = doc.cells.find((cell) => cell.kind === 'train-mlp')!;
    const text = markdownOf(notebook, train.id);
    // The note is not numbered: Train is the template's fifth step.
    expect(text).toMatch(/^## 5\. Train MLP/);
    expect(text).toContain('- **Max epochs**: 3');
    expect(text).toMatch(/_Ran .* s on (wasm|cpu)\._/);
    const clean = doc.cells.find((cell) => cell.kind === 'clean')!;
    expect(markdownOf(notebook, clean.id)).toMatch(/- \*\*.*\*\*:\n {4}1\. /);
  });

  it('gives every cell a unique nbformat id and numbers the runs in order', () => {
    const notebook = buildIpynb(source);
    const ids = notebook.cells.map((cell) => cell.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const counts = codeCells(notebook).map((cell) => (cell.cell_type === 'code' ? cell.execution_count : null));
    expect(counts).toEqual(counts.map((_, index) => index + 1));
    expect(counts).toHaveLength(doc.cells.length - 1);
  });

  it('exports charts as Vega-Lite 5 with a fixed width, plus the PNG the page rendered', () => {
    const charts = chartsToRender(source);
    const train = doc.cells.find((cell) => cell.kind === 'train-mlp')!;
    const evaluate = doc.cells.find((cell) => cell.kind === 'evaluate')!;
    expect(charts.some((chart) => chart.key.startsWith(`${train.id}/`))).toBe(true);
    expect(charts.some((chart) => chart.key.startsWith(`${evaluate.id}/`))).toBe(true);
    const images = new Map(charts.map((chart, index) => [chart.key, `cG5n${index}`]));
    const notebook = buildIpynb(source, images);
    const chartOutputs = codeCells(notebook).flatMap((cell) => (cell.cell_type === 'code' ? cell.outputs : [])).filter((output) => 'data' in output && VEGA_LITE_MIME in output.data);
    expect(chartOutputs).toHaveLength(charts.length);
    const pngs = chartOutputs.map((output) => ('data' in output ? output.data['image/png'] : undefined));
    expect(new Set(pngs)).toEqual(new Set(images.values()));
    for (const output of chartOutputs) {
      const spec = 'data' in output ? (output.data[VEGA_LITE_MIME] as Record<string, unknown>) : {};
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect(JSON.stringify(spec)).not.toContain('"container"');
    }
    const loss = outputsOf(notebook, train.id).find((output) => 'data' in output && VEGA_LITE_MIME in output.data)!;
    expect('data' in loss && (loss.data[VEGA_LITE_MIME] as { width: unknown }).width).toBe(JUPYTER_CHART_WIDTH);
  });

  it('titles a chart whose spec has no title of its own, so the picture says what it shows', () => {
    const train = doc.cells.find((cell) => cell.kind === 'train-mlp')!;
    const loss = chartsToRender(source).find((chart) => chart.key.startsWith(`${train.id}/`))!;
    expect(loss.spec.title).toBe('Training and validation loss per epoch');
    const eda = doc.cells.find((cell) => cell.kind === 'eda')!;
    const titles = chartsToRender(source).filter((chart) => chart.key.startsWith(`${eda.id}/`)).map((chart) => chart.spec.title);
    // The spec's own title stays when it has one.
    expect(titles).toContain('Correlation between numeric columns (Pearson)');
    for (const output of codeCells(buildIpynb(source)).flatMap((cell) => (cell.cell_type === 'code' ? cell.outputs : []))) {
      if ('data' in output && VEGA_LITE_MIME in output.data) expect((output.data[VEGA_LITE_MIME] as { title?: unknown }).title).toBeTruthy();
    }
  });

  it('tells Jupyter to show each PNG at the chart size, not at the size it was drawn', () => {
    const charts = chartsToRender(source);
    const images = new Map(charts.map((chart, index) => [chart.key, pngBase64(600 * CHART_PNG_SCALE + 2 * index, 220 * CHART_PNG_SCALE)]));
    const notebook = buildIpynb(source, images);
    const chartOutputs = codeCells(notebook).flatMap((cell) => (cell.cell_type === 'code' ? cell.outputs : [])).filter((output) => 'data' in output && VEGA_LITE_MIME in output.data);
    expect(chartOutputs.map((output) => ('metadata' in output ? output.metadata['image/png'] : undefined))).toEqual(
      charts.map((_, index) => ({ width: 600 + index, height: 220 })),
    );
    expectValid(notebook);
  });

  it('gives no display size for an image that is not a PNG', () => {
    const images = new Map(chartsToRender(source).map((chart) => [chart.key, 'bm90IGEgcGljdHVyZSBhdCBhbGwsIGp1c3QgdGV4dA==']));
    const chartOutputs = codeCells(buildIpynb(source, images)).flatMap((cell) => (cell.cell_type === 'code' ? cell.outputs : [])).filter((output) => 'data' in output && VEGA_LITE_MIME in output.data);
    expect(chartOutputs.length).toBeGreaterThan(0);
    for (const output of chartOutputs) expect('metadata' in output ? output.metadata : null).toEqual({});
  });

  it('exports the classifier at its chosen threshold: test metrics and the reliability chart', () => {
    const classify = doc.cells.find((cell) => cell.kind === 'classify')!;
    const charts = chartsToRender(source);
    expect(charts.filter((chart) => chart.key.startsWith(`${classify.id}/`))).toHaveLength(1);
    const html = outputsOf(buildIpynb(source), classify.id).map((output) => ('data' in output ? output.data['text/html'] : undefined)).find((value) => typeof value === 'string');
    expect(html).toContain('<th>ROC AUC</th>');
  });

  it('exports a segmentation with its elbow and its scatter', async () => {
    const session = new Session(() => Promise.reject(new Error('segmenting never trains')), async () => {});
    const datasetId = await session.setDataset({ name: 'sample-sessions.csv', bytes: new TextEncoder().encode(generateSessionsCsv(400, 5)) });
    const segmented: NotebookDocument = {
      schemaVersion: SCHEMA_VERSION,
      id: 'seg',
      title: 'Segments',
      cells: [
        { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
        { id: 'segment', kind: 'segment', params: { features: ['totals.pageviews', 'totals.hits'], k: '3' } },
      ],
    };
    const records: CellRecord[] = [];
    await session.run(segmented, 'segment', { signal: new AbortController().signal, onRecord: (record) => records.push(record) });
    expect(records.map((record) => record.error ?? record.status)).toEqual(['done', 'done']);
    const segmentSource = sourceOf(segmented, records, datasetId);
    expect(chartsToRender(segmentSource).map((chart) => chart.key)).toEqual(['segment/1', 'segment/2']);
    expectValid(buildIpynb(segmentSource));
  });

  it('exports metrics as a table and the summary as text/plain', () => {
    const notebook = buildIpynb(source);
    const evaluate = doc.cells.find((cell) => cell.kind === 'evaluate')!;
    const outputs = outputsOf(notebook, evaluate.id);
    const html = outputs.map((output) => ('data' in output ? output.data['text/html'] : undefined)).find((value) => typeof value === 'string') as string;
    expect(html).toContain('<th>R²</th>');
    expect(html).toContain('Model (test)');
    const summary = outputs.find((output) => output.output_type === 'execute_result');
    expect(summary && 'data' in summary ? summary.data['text/plain'] : '').toMatch(/r2: -?\d/);
    // Six significant digits at most, as in the tables: no float noise such as 0.23519999999925495.
    const numbers = String(summary && 'data' in summary ? summary.data['text/plain'] : '').match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(0);
    for (const number of numbers) expect(number.replace(/^-?0\.0*|[.-]/g, '').length).toBeLessThanOrEqual(6);
  });

  it('marks the output of a cell whose parameters changed since its run as stale', () => {
    const train = doc.cells.find((cell) => cell.kind === 'train-mlp')!;
    const edited = updateCellParams(doc, train.id, { epochs: 4 });
    const stale = sourceOf(edited, Object.values(source.records), null);
    const notebook = buildIpynb(stale);
    expect(markdownOf(notebook, train.id)).toContain('_Output of an earlier run');
    expectValid(notebook);
  });
});

describe('buildIpynb on hostile and odd input', () => {
  const hostile: NotebookDocument = {
    schemaVersion: SCHEMA_VERSION,
    id: 'nb',
    title: '<img src=x onerror=alert(1)>',
    cells: [
      { id: 'a b/c?', kind: 'load', title: '<script>alert(1)</script>', params: { target: '<b>x</b>' } },
      { id: 'a-b-c-', kind: 'nonsense', params: {} },
      { id: 'x'.repeat(90), kind: 'clean', params: { steps: [{ op: 'filter-rows', enabled: true, expression: 'd => d.a | 1 < 2' }] } },
    ],
  };
  const loadRecord: CellRecord = {
    cellId: 'a b/c?',
    kind: 'load',
    stamp: 's',
    status: 'done',
    ms: 10,
    finishedAt: '2026-01-01T00:00:00.000Z',
    view: {
      fileName: '<evil>.csv',
      rows: 1,
      format: 'csv',
      encodingNote: null,
      columns: [{ name: '<script>alert(1)</script>', type: 'text', missing: 0 }],
      preview: [['<img src=x onerror=alert(1)>']],
      typeCounts: { text: 1 },
      renamed: [],
      skipped: null,
      overrides: [],
      target: null,
      warnings: [],
      rowsNote: null,
    },
    summary: { rows: 1 },
  };
  const failed: CellRecord = { cellId: 'a-b-c-', kind: 'nonsense', stamp: 's', status: 'error', error: 'Unknown cell kind', ms: 1, finishedAt: '2026-01-01T00:00:00.000Z' };
  const source: IpynbSource = { doc: hostile, records: { 'a b/c?': loadRecord, 'a-b-c-': failed }, statuses: { 'a b/c?': 'done', 'a-b-c-': 'error' } };

  it('escapes every value in HTML tables and every parameter in Markdown', () => {
    const notebook = buildIpynb(source);
    const rendered = notebook.cells.flatMap((cell) => (cell.cell_type === 'markdown' ? [cell.source] : cell.outputs.map((output) => ('data' in output ? output.data['text/html'] : undefined))));
    const text = JSON.stringify(rendered);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
    expect(text).not.toContain('<b>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('\\\\<script\\\\>');
    expectValid(notebook);
  });

  it('makes valid, unique cell ids from any workbench id', () => {
    const ids = buildIpynb(source).cells.map((cell) => cell.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('exports a failed run as an error output', () => {
    const outputs = outputsOf(buildIpynb(source), 'a-b-c-');
    expect(outputs).toEqual([{ output_type: 'error', ename: 'CellError', evalue: 'Unknown cell kind', traceback: ['Unknown cell kind'] }]);
  });

  it('falls back to the summary when a saved view has a shape its kind no longer reads', () => {
    const odd: IpynbSource = { ...source, records: { 'a b/c?': { ...loadRecord, view: { columns: 'not a list' } } } };
    const outputs = outputsOf(buildIpynb(odd), 'a b/c?');
    expect(outputs).toEqual([{ output_type: 'execute_result', data: { 'text/plain': 'rows: 1' }, metadata: {}, execution_count: 1 }]);
  });
});

describe('readIpynb', () => {
  const doc: NotebookDocument = { schemaVersion: SCHEMA_VERSION, id: 'nb', title: 'T', cells: [{ id: 'a', kind: 'load', params: {} }] };

  it('refuses a Jupyter notebook the workbench did not export, saying why', () => {
    const foreign = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3' } }, cells: [] };
    expect(isIpynb(foreign)).toBe(true);
    expect(() => readIpynb(foreign)).toThrow(DocumentError);
    expect(() => readIpynb(foreign)).toThrow(/not exported by this workbench/);
  });

  it('names the path of a problem in the embedded document', () => {
    const notebook = buildIpynb({ doc, records: {}, statuses: {} });
    (notebook.metadata[IPYNB_METADATA_KEY] as { document: { cells: unknown[] } }).document.cells = [{ id: 'a' }];
    expect(() => readIpynb(notebook)).toThrow(/metadata\.session_workbench\.document\.cells\[0\]\.kind/);
  });

  it('carries an older embedded document forward through migrate()', () => {
    const v1 = JSON.parse(readFileSync(new URL('../../../notebooks/fixtures/purchase-value-v1.json', import.meta.url), 'utf8'));
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: { [IPYNB_METADATA_KEY]: { document: v1 } }, cells: [] };
    expect(readIpynb(notebook).schemaVersion).toBe(SCHEMA_VERSION);
  });
});
