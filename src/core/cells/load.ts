import type { RenamedColumn } from '../data/column-names';
import type { Decoding, EncodingChoice, TextEncodingName } from '../data/decode-text';
import { describeRaggedLines, type RaggedRowsChoice, type SkippedRows } from '../data/formats/delimited';
import { FORMAT_NAMES, isGzip } from '../data/formats/detect-format';
import type { CellValue } from '../data/infer-type';
import { COLUMN_TYPES } from '../data/override-type';
import { estimatedLoadBytes } from '../data/memory-budget';
import { DEFAULT_READ_OPTIONS, readDataset, type RowsRead, type TypeOverride } from '../data/read-dataset';
import type { RowSelection } from '../data/row-selection';
import { CellError, datasetBlob, type CellKind, type ColumnInfo, type ColumnType, type DatasetFile } from './types';

/** `auto` reads every row unless the file would not fit the host's memory budget, then a seeded sample. */
export type RowsChoice = 'auto' | 'all' | 'first' | 'sample';

export interface LoadParams {
  /** The column later cells predict; '' for none. */
  target: string;
  /** The reading options below default as in `defaults()` when a caller leaves them out. */
  encoding?: EncodingChoice;
  raggedRows?: RaggedRowsChoice;
  /** Types the user chose over the inferred ones, by column name. */
  columnTypes?: Record<string, ColumnType>;
  rows?: RowsChoice;
  /** N for the first N rows or a sample of about N rows. */
  rowCount?: number;
  sampleSeed?: number;
}

/** Which rows the table holds, when not all of the file's, in words for the cell and figures for its buttons. */
export interface RowsNote {
  text: string;
  /** Rows kept; the "first N instead" offer uses it. */
  kept: number;
  /** Set when the memory budget chose the sample, so the view offers the other choices. */
  overBudget: boolean;
}

export interface LoadColumnView extends ColumnInfo {
  missing: number;
}

export interface LoadView {
  fileName: string;
  rows: number;
  /** How the file was read, e.g. “comma-separated text, gzip-compressed”. */
  format: string;
  /** Set when the text was not UTF-8, so the user knows how accents were read. */
  encodingNote: string | null;
  columns: LoadColumnView[];
  /** The first rows, row-major, for the first `PREVIEW_COLUMNS` of `columns`. */
  preview: CellValue[][];
  typeCounts: Partial<Record<ColumnType, number>>;
  renamed: RenamedColumn[];
  skipped: SkippedRows | null;
  overrides: TypeOverride[];
  target: string | null;
  warnings: string[];
  rowsNote: RowsNote | null;
}

export const PREVIEW_ROWS = 20;
/** A wide file (2,000 columns) previews its first columns only: the page stays light. */
export const PREVIEW_COLUMNS = 100;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const ENCODING_NOTES: Record<TextEncodingName, string | null> = {
  'utf-8': null,
  'utf-16': 'Decoded as UTF-16 (the file starts with its byte-order mark).',
  'latin-1': 'Decoded as Latin-1 (windows-1252): the file is not valid UTF-8. If accents look wrong, the file uses another encoding.',
};

function encodingNote(decoding: Decoding | null): string | null {
  if (!decoding) return null;
  const note = ENCODING_NOTES[decoding.encoding];
  if (decoding.replaced === 0) return note;
  return `${decoding.replaced} byte sequence${decoding.replaced === 1 ? ' is' : 's are'} not valid UTF-8 and ${decoding.replaced === 1 ? 'is' : 'are'} shown as �; the rest of the file is UTF-8.`;
}

function targetWarning(requested: string, columns: readonly ColumnInfo[]): string | null {
  const numeric = columns.filter((column) => column.type === 'number').map((column) => column.name);
  const choices = numeric.length > 0 ? `Numeric columns to pick from: ${numeric.join(', ')}.` : 'The file has no numeric column.';
  if (requested === '') return `No target column chosen: later cells need one. ${choices}`;
  const found = columns.find((column) => column.name === requested);
  if (!found) return `The target column “${requested}” is not in this file. ${choices}`;
  if (found.type !== 'number') return `The target column “${requested}” reads as ${found.type}, not number; the Clean cell re-types it if junk values hide its numbers.`;
  return null;
}

function renameWarning(change: RenamedColumn): string {
  switch (change.why) {
    case 'empty':
      return `Column ${change.position} has no name: called it ${change.to}.`;
    case 'reserved':
      return `Column ${change.position} “${change.from}” is a reserved name: renamed to ${change.to}.`;
    default:
      return `Column ${change.position} “${change.from}” renamed to ${change.to}.`;
  }
}

function overrideWarning(override: TypeOverride): string | null {
  if (override.unreadable === 0) return null;
  return `${override.unreadable} value${override.unreadable === 1 ? '' : 's'} of “${override.name}” could not be read as ${override.chosen} and are missing.`;
}

function describeFormat(format: string, delimiter: string | null, compressed: boolean): string {
  const layout = delimiter ? `${DELIMITER_NAMES[delimiter] ?? delimiter}-separated text` : format;
  return compressed ? `${layout}, gzip-compressed` : layout;
}

interface RowsPlan {
  selection: RowSelection;
  /** Set when `auto` chose a sample: the memory the whole file would need, and the budget. */
  overBudget: { needBytes: number; budgetBytes: number } | null;
}

/** The rows to read: as chosen, or for `auto` all of them unless the file would not fit the budget. */
async function planRows(dataset: DatasetFile, params: LoadParams, budgetBytes: number): Promise<RowsPlan> {
  const count = params.rowCount ?? 100_000;
  const seed = params.sampleSeed ?? 1;
  switch (params.rows ?? 'auto') {
    case 'all':
      return { selection: { mode: 'all' }, overBudget: null };
    case 'first':
      return { selection: { mode: 'first', count }, overBudget: null };
    case 'sample':
      return { selection: { mode: 'sample', count, seed }, overBudget: null };
    case 'auto': {
      const blob = datasetBlob(dataset);
      const needBytes = estimatedLoadBytes(blob.size, isGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer())));
      if (needBytes <= budgetBytes) return { selection: { mode: 'all' }, overBudget: null };
      return { selection: { mode: 'sample', share: budgetBytes / needBytes, seed }, overBudget: { needBytes, budgetBytes } };
    }
  }
}

const formatCount = (n: number) => n.toLocaleString('en');
const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

function describeRows(plan: RowsPlan, rowsRead: RowsRead): RowsNote | null {
  const { selection, overBudget } = plan;
  const { kept, inFile } = rowsRead;
  if (selection.mode === 'all' || (inFile !== null && kept === inFile)) return null;
  const of = inFile === null ? 'the file holds more' : `of ${formatCount(inFile)}`;
  if (selection.mode === 'first') return { text: `The first ${formatCount(kept)} rows (${of}).`, kept, overBudget: false };
  const sample = `A seeded random sample (seed ${selection.seed}): ${formatCount(kept)} rows ${of}.`;
  if (!overBudget) return { text: sample, kept, overBudget: false };
  return {
    text: `The whole file would take about ${gigabytes(overBudget.needBytes)} in memory, more than this tab can spare (${gigabytes(overBudget.budgetBytes)}). ${sample}`,
    kept,
    overBudget: true,
  };
}

const option = (value: string, label: string) => ({ value, label });

export const loadCell: CellKind<LoadParams, LoadView> = {
  kind: 'load',
  label: 'Load',
  description: 'Read the CSV/TSV, JSON, Parquet or Arrow file, infer each column’s type and pick the target column.',
  inputs: [],
  output: 'table',
  readsDataset: true,
  fields: [
    { key: 'target', label: 'Target column', type: 'column', optional: true, help: 'The value to predict, e.g. purchaseValue.' },
    {
      key: 'encoding',
      label: 'Text encoding',
      type: 'select',
      options: [option('auto', 'auto (UTF-8, else Latin-1)'), option('utf-8', 'UTF-8'), option('latin-1', 'Latin-1 (windows-1252)')],
      help: 'For CSV, TSV and JSON files.',
    },
    {
      key: 'raggedRows',
      label: 'Rows with the wrong field count',
      type: 'select',
      options: [option('stop', 'stop with an error'), option('skip', 'skip them')],
    },
    { key: 'columnTypes', label: 'Column types', type: 'column-types', types: COLUMN_TYPES, help: 'Change a column’s type where the inferred one is wrong.' },
    {
      key: 'rows',
      label: 'Rows',
      type: 'select',
      options: [
        option('auto', 'all, or a sample if the file is too big for this tab'),
        option('all', 'all'),
        option('first', 'the first N'),
        option('sample', 'a seeded random sample of about N'),
      ],
    },
    { key: 'rowCount', label: 'N (rows)', type: 'integer', min: 1 },
    { key: 'sampleSeed', label: 'Sample seed', type: 'integer', min: 0 },
  ],
  defaults: () => ({
    target: 'purchaseValue',
    encoding: DEFAULT_READ_OPTIONS.encoding,
    raggedRows: DEFAULT_READ_OPTIONS.raggedRows,
    columnTypes: {},
    rows: 'auto',
    rowCount: 100_000,
    sampleSeed: 1,
  }),
  async run(input, params, ctx) {
    if (!input.dataset) throw new CellError('No dataset yet: drop a file or try the sample data');
    const plan = await planRows(input.dataset, params, ctx.memoryBudgetBytes);
    const read = await readDataset(
      input.dataset,
      {
        encoding: params.encoding ?? DEFAULT_READ_OPTIONS.encoding,
        raggedRows: params.raggedRows ?? DEFAULT_READ_OPTIONS.raggedRows,
        columnTypes: params.columnTypes ?? DEFAULT_READ_OPTIONS.columnTypes,
        rows: plan.selection,
      },
      ctx,
    );
    const { table, columns } = read;
    const target = columns.some((column) => column.name === params.target) ? params.target : null;
    const warnings = read.renamed.map(renameWarning);
    if (read.skipped) {
      const { count, first } = read.skipped;
      warnings.push(`Skipped ${count} row${count === 1 ? '' : 's'} with the wrong field count, first at ${describeRaggedLines(first)}.`);
    }
    for (const override of read.overrides) {
      const warning = overrideWarning(override);
      if (warning) warnings.push(warning);
    }
    for (const name of read.unknownOverrides) warnings.push(`A type is set for “${name}”, which is not in this file.`);
    const warning = targetWarning(params.target, columns);
    if (warning) warnings.push(warning);
    const typeCounts: Partial<Record<ColumnType, number>> = {};
    const viewColumns = columns.map((column) => {
      typeCounts[column.type] = (typeCounts[column.type] ?? 0) + 1;
      let missing = 0;
      for (const value of table.array(column.name) as Iterable<unknown>) if (value === null) missing++;
      return { ...column, missing };
    });
    const previewRows = Math.min(PREVIEW_ROWS, table.numRows());
    const previewColumns = columns.slice(0, PREVIEW_COLUMNS);
    const preview = Array.from({ length: previewRows }, (_, row) => previewColumns.map((column) => table.get(column.name, row) as CellValue));
    return {
      artifact: { kind: 'table', table, columns, target, missingTokens: read.missingTokens },
      view: {
        fileName: input.dataset.name,
        rows: table.numRows(),
        format: describeFormat(FORMAT_NAMES[read.format], read.delimiter, read.compressed),
        encodingNote: encodingNote(read.decoding),
        columns: viewColumns,
        preview,
        typeCounts,
        renamed: read.renamed,
        skipped: read.skipped,
        overrides: read.overrides,
        target,
        warnings,
        rowsNote: describeRows(plan, read.rowsRead),
      },
      summary: { rows: table.numRows(), columns: columns.length, target },
      outputColumns: columns,
    };
  },
};
