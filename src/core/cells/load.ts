import { readDataset } from '../data/read-dataset';
import type { CellValue } from '../data/infer-type';
import type { RenamedColumn } from '../data/column-names';
import { CellError, type CellKind, type ColumnInfo, type ColumnType } from './types';

export interface LoadParams {
  /** The column later cells predict; '' for none. */
  target: string;
}

export interface LoadColumnView extends ColumnInfo {
  missing: number;
}

export interface LoadView {
  fileName: string;
  rows: number;
  delimiter: string;
  columns: LoadColumnView[];
  /** The first rows, row-major, in `columns` order. */
  preview: CellValue[][];
  typeCounts: Partial<Record<ColumnType, number>>;
  renamed: RenamedColumn[];
  target: string | null;
  warnings: string[];
}

export const PREVIEW_ROWS = 20;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function targetWarning(requested: string, columns: readonly ColumnInfo[]): string | null {
  const numeric = columns.filter((column) => column.type === 'number').map((column) => column.name);
  const choices = numeric.length > 0 ? `Numeric columns to pick from: ${numeric.join(', ')}.` : 'The file has no numeric column.';
  if (requested === '') return `No target column chosen: later cells need one. ${choices}`;
  const found = columns.find((column) => column.name === requested);
  if (!found) return `The target column “${requested}” is not in this file. ${choices}`;
  if (found.type !== 'number') return `The target column “${requested}” reads as ${found.type}, not number; the Clean cell re-types it if junk values hide its numbers.`;
  return null;
}

export const loadCell: CellKind<LoadParams, LoadView> = {
  kind: 'load',
  label: 'Load',
  description: 'Read the CSV/TSV file, infer each column’s type and pick the target column.',
  inputs: [],
  output: 'table',
  readsDataset: true,
  fields: [
    { key: 'target', label: 'Target column', type: 'column', optional: true, help: 'The value to predict, e.g. purchaseValue.' },
  ],
  defaults: () => ({ target: 'purchaseValue' }),
  async run(input, params) {
    if (!input.dataset) throw new CellError('No dataset yet: drop a file or try the sample data');
    const { table, columns, delimiter, renamed } = readDataset(input.dataset);
    const target = columns.some((column) => column.name === params.target) ? params.target : null;
    const warnings = renamed.map((change) =>
      change.from.trim() === '' ? `Column ${change.position} has no name: called it ${change.to}.` : `Column ${change.position} “${change.from}” renamed to ${change.to}.`,
    );
    const warning = targetWarning(params.target, columns);
    if (warning) warnings.push(warning);
    const typeCounts: Partial<Record<ColumnType, number>> = {};
    const viewColumns = columns.map((column) => {
      typeCounts[column.type] = (typeCounts[column.type] ?? 0) + 1;
      let missing = 0;
      for (const value of table.array(column.name) as unknown[]) if (value === null) missing++;
      return { ...column, missing };
    });
    const previewRows = Math.min(PREVIEW_ROWS, table.numRows());
    const preview = Array.from({ length: previewRows }, (_, row) => columns.map((column) => table.get(column.name, row) as CellValue));
    return {
      artifact: { kind: 'table', table, columns, target },
      view: {
        fileName: input.dataset.name,
        rows: table.numRows(),
        delimiter: DELIMITER_NAMES[delimiter] ?? delimiter,
        columns: viewColumns,
        preview,
        typeCounts,
        renamed,
        target,
        warnings,
      },
      summary: { rows: table.numRows(), columns: columns.length, target },
      outputColumns: columns,
    };
  },
};
