import type { TopLevelSpec } from 'vega-lite';
import { getCellKind } from '../cells/registry';
import type { Summary } from '../cells/types';
import type { CellValue } from '../data/infer-type';
import { isRecord } from '../is-record';
import type { CellRecord, CellStatus } from '../runtime/record';
import { base64ToBytes } from './base64';
import { describeParams, escapeMarkdown } from './describe-params';
import type { CellDocument, NotebookDocument } from './document';
import { recordExhibits, type Exhibit } from './exhibits';
import { figure } from './exhibits/figure';
import { DocumentError, migrate } from './migrate';

/**
 * A notebook as a Jupyter notebook (nbformat 4.5): per workbench cell, a Markdown cell saying what
 * the step does with which parameters and a code cell holding its outputs as MIME bundles. The
 * workbench document rides in the notebook's metadata, so importing the file gives it back whole.
 */

/** Where the workbench keeps its own document in the notebook metadata. */
export const IPYNB_METADATA_KEY = 'session_workbench';
/** Jupyter renders this MIME type with Vega-Lite 5; the specs this workbench draws read the same there. */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';
const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
/** Jupyter output areas give a chart no container to fill: charts get a fixed width instead. */
export const JUPYTER_CHART_WIDTH = 600;
/** Exported charts are drawn at twice their size to stay sharp on dense screens; Jupyter is told the size to show. */
export const CHART_PNG_SCALE = 2;
/** nbformat 4.5 cell ids: letters, digits, - and _, at most 64 characters. */
const CELL_ID_LENGTH = 60;

export type MimeBundle = Record<string, unknown>;

export type IpynbOutput =
  | { output_type: 'display_data'; data: MimeBundle; metadata: Record<string, unknown> }
  | { output_type: 'execute_result'; data: MimeBundle; metadata: Record<string, unknown>; execution_count: number | null }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

export type IpynbCell =
  | { id: string; cell_type: 'markdown'; metadata: Record<string, unknown>; source: string }
  | { id: string; cell_type: 'code'; metadata: Record<string, unknown>; source: string; outputs: IpynbOutput[]; execution_count: number | null };

export interface Ipynb {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: IpynbCell[];
}

/** What the export reads: the document and, per cell, its last record and status (stale or not). */
export interface IpynbSource {
  doc: NotebookDocument;
  records: Readonly<Record<string, CellRecord>>;
  statuses: Readonly<Record<string, CellStatus>>;
}

/** A chart to render as PNG before the export is built; `key` names it in the images passed back. */
export interface ChartToRender {
  key: string;
  spec: TopLevelSpec;
}

interface ExportedCell {
  cell: CellDocument;
  record: CellRecord | undefined;
  status: CellStatus;
  exhibits: Exhibit[];
}

const chartKey = (cellId: string, index: number) => `${cellId}/${index}`;

function exportedCells(source: IpynbSource): ExportedCell[] {
  return source.doc.cells.map((cell) => {
    const record = source.records[cell.id];
    return { cell, record, status: source.statuses[cell.id] ?? 'idle', exhibits: record?.status === 'done' ? recordExhibits(record) : [] };
  });
}

/**
 * The spec as Jupyter gets it: a Vega-Lite 5 schema, fixed widths where the workbench fills its cell,
 * and the exhibit's title where the spec has none, since a viewer that shows the picture hides the text beside it.
 */
function jupyterChartSpec({ spec, title }: Extract<Exhibit, { type: 'chart' }>): TopLevelSpec {
  const fixWidths = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fixWidths);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === 'width' && item === 'container' ? JUPYTER_CHART_WIDTH : fixWidths(item)]),
    );
  };
  return { ...(fixWidths(spec) as TopLevelSpec), $schema: VEGA_LITE_V5_SCHEMA, title: spec.title ?? title };
}

/** Every chart the export will hold, for the page to render as PNG (`renderChartPng`) first. */
export function chartsToRender(source: IpynbSource): ChartToRender[] {
  return exportedCells(source).flatMap(({ cell, exhibits }) =>
    exhibits.flatMap((exhibit, index) => (exhibit.type === 'chart' ? [{ key: chartKey(cell.id, index), spec: jupyterChartSpec(exhibit) }] : [])),
  );
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return figure(value);
  return String(value);
}

function tableHtml(exhibit: Extract<Exhibit, { type: 'table' }>): string {
  const head = exhibit.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  const body = exhibit.rows.map((row) => `<tr>${exhibit.columns.map((_, i) => `<td>${escapeHtml(valueText(row[i]))}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${escapeHtml(exhibit.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Columns padded to their widest value, as pandas prints a frame. */
function tableText(exhibit: Extract<Exhibit, { type: 'table' }>): string {
  const lines = [exhibit.columns, ...exhibit.rows.map((row) => exhibit.columns.map((_, i) => valueText(row[i])))];
  const widths = exhibit.columns.map((_, i) => Math.max(...lines.map((line) => String(line[i] ?? '').length)));
  const body = lines.map((line) => line.map((text, i) => String(text ?? '').padEnd(widths[i])).join('  ').trimEnd());
  return [exhibit.caption, ...body].join('\n');
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The size to show a chart's PNG at, from its IHDR chunk (width and height at bytes 16 and 20);
 * null for anything that is not a PNG. Without it Jupyter shows the picture at twice the chart's size.
 */
function pngDisplaySize(png: string): { width: number; height: number } | null {
  let head: Uint8Array;
  try {
    // 32 base64 characters are the first 24 bytes: the signature and the IHDR size.
    head = base64ToBytes(png.slice(0, 32));
  } catch {
    return null;
  }
  if (head.length < 24 || PNG_SIGNATURE.some((byte, i) => head[i] !== byte)) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  return { width: Math.round(view.getUint32(16) / CHART_PNG_SCALE), height: Math.round(view.getUint32(20) / CHART_PNG_SCALE) };
}

function chartOutput(exhibit: Extract<Exhibit, { type: 'chart' }>, png: string | undefined): IpynbOutput {
  const size = png ? pngDisplaySize(png) : null;
  return {
    output_type: 'display_data',
    data: { [VEGA_LITE_MIME]: jupyterChartSpec(exhibit), ...(png ? { 'image/png': png } : {}), 'text/plain': exhibit.title },
    metadata: size ? { 'image/png': size } : {},
  };
}

function exhibitOutput(exhibit: Exhibit, png: string | undefined): IpynbOutput {
  switch (exhibit.type) {
    case 'chart':
      return chartOutput(exhibit, png);
    case 'table':
      return { output_type: 'display_data', data: { 'text/html': tableHtml(exhibit), 'text/plain': tableText(exhibit) }, metadata: {} };
    case 'text':
      return { output_type: 'display_data', data: { 'text/plain': exhibit.text }, metadata: {} };
  }
}

const summaryText = (summary: Summary) => Object.entries(summary).map(([name, value]) => `${name}: ${valueText(value)}`).join('\n');

function runLine({ record, status }: ExportedCell): string {
  if (!record) return '_Not run._';
  const finished = Number.isNaN(Date.parse(record.finishedAt)) ? record.finishedAt : `${new Date(record.finishedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const when = `${escapeMarkdown(finished)}, ${(record.ms / 1000).toFixed(1)} s${record.backend ? ` on ${escapeMarkdown(record.backend)}` : ''}`;
  if (status === 'stale') return `_Output of an earlier run (${when}): the parameters or the data changed since._`;
  return record.status === 'error' ? `_Failed (${when})._` : `_Ran ${when}._`;
}

function markdownSource(exported: ExportedCell, position: number): string {
  const { cell } = exported;
  const kind = getCellKind(cell.kind);
  if (kind?.note) return typeof cell.params.text === 'string' ? cell.params.text : '';
  const title = escapeMarkdown(cell.title ?? kind?.label ?? cell.kind);
  if (!kind) return `## ${position}. ${title}\n\nA cell of a kind this workbench does not know (${escapeMarkdown(cell.kind)}).`;
  return [`## ${position}. ${title}`, '', escapeMarkdown(kind.description), '', ...describeParams(kind, cell.params), '', runLine(exported)].join('\n');
}

function outputsOf(exported: ExportedCell, images: ReadonlyMap<string, string>, count: number | null): IpynbOutput[] {
  const { cell, record, exhibits } = exported;
  if (!record) return [];
  if (record.status === 'error') {
    const message = [record.error ?? 'The cell failed', ...(record.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`)].join('\n');
    return [{ output_type: 'error', ename: 'CellError', evalue: message, traceback: message.split('\n') }];
  }
  const outputs = exhibits.map((exhibit, index) => exhibitOutput(exhibit, images.get(chartKey(cell.id, index))));
  if (record.summary && Object.keys(record.summary).length > 0) {
    outputs.push({ output_type: 'execute_result', data: { 'text/plain': summaryText(record.summary) }, metadata: {}, execution_count: count });
  }
  return outputs;
}

/** Ids nbformat accepts, unique across the notebook, derived from the workbench's so they stay recognisable. */
function cellIdMaker(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    const clean = base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, CELL_ID_LENGTH) || 'cell';
    let id = clean;
    for (let n = 2; used.has(id); n++) id = `${clean.slice(0, CELL_ID_LENGTH - 4)}-${n}`;
    used.add(id);
    return id;
  };
}

/**
 * The Jupyter notebook; `images` holds the PNG (base64, no data: prefix) of each chart by its
 * `chartsToRender` key, rendered by the page. A chart without one keeps its Vega-Lite spec.
 */
export function buildIpynb(source: IpynbSource, images: ReadonlyMap<string, string> = new Map()): Ipynb {
  const cellId = cellIdMaker();
  const cells: IpynbCell[] = [];
  let executionCount = 0;
  let position = 0;
  for (const exported of exportedCells(source)) {
    const { cell, record } = exported;
    const kind = getCellKind(cell.kind);
    const metadata = { [IPYNB_METADATA_KEY]: { cellId: cell.id, kind: cell.kind } };
    if (!kind?.note) position += 1;
    cells.push({ id: cellId(cell.id), cell_type: 'markdown', metadata, source: markdownSource(exported, position) });
    if (kind?.note) continue;
    const count = record ? ++executionCount : null;
    cells.push({
      id: cellId(`${cell.id}-out`),
      cell_type: 'code',
      metadata: { ...metadata, jupyter: { source_hidden: true } },
      // One comment line: a title holding a line break must not turn into code.
      source: `# ${(cell.title ?? kind?.label ?? cell.kind).replace(/\s+/g, ' ')}: outputs of the workbench run`,
      outputs: outputsOf(exported, images, count),
      execution_count: count,
    });
  }
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { title: source.doc.title, [IPYNB_METADATA_KEY]: { document: source.doc } },
    cells,
  };
}

/** True for anything shaped as a Jupyter notebook, whoever wrote it. */
export function isIpynb(value: unknown): boolean {
  return isRecord(value) && typeof value.nbformat === 'number' && Array.isArray(value.cells);
}

/**
 * The workbench document inside a Jupyter notebook this workbench exported; throws DocumentError
 * (paths under `metadata.session_workbench.document`) for any other notebook.
 */
export function readIpynb(value: unknown): NotebookDocument {
  const metadata = isRecord(value) && isRecord(value.metadata) ? value.metadata : {};
  const own = metadata[IPYNB_METADATA_KEY];
  if (!isRecord(own) || own.document === undefined) {
    throw new DocumentError([
      `metadata.${IPYNB_METADATA_KEY}: this Jupyter notebook was not exported by this workbench, so it holds no workbench notebook to open (its Python cells cannot run here)`,
    ]);
  }
  try {
    return migrate(own.document);
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    throw new DocumentError(error.problems.map((problem) => `metadata.${IPYNB_METADATA_KEY}.document.${problem}`));
  }
}
