import { fillIndicatorBlanks } from '../data/clean/blanks-as-zero';
import { dropConstantColumns } from '../data/clean/drop-constant';
import { dropMostlyMissingColumns } from '../data/clean/drop-mostly-missing';
import { fillTargetWithZero } from '../data/clean/fill-target';
import { replaceJunkTokens } from '../data/clean/junk-tokens';
import { retypeColumns } from '../data/clean/retype';
import type { CleanStepReport, CleanStepResult } from '../data/clean/step';
import { CancelledError, CellError, type CellKind, type ColumnInfo, type TableArtifact } from './types';

export interface CleanParams {
  junkTokens: string[];
  fillBlanksAsZero: boolean;
  dropConstant: boolean;
  maxMissingShare: number;
  fillTargetWithZero: boolean;
}

export interface CleanView {
  rows: number;
  columnsBefore: number;
  columnsAfter: number;
  steps: CleanStepReport[];
  columns: ColumnInfo[];
  target: string | null;
}

/**
 * GA placeholders that mean "no value". `(none)` is deliberately absent: as a traffic medium it
 * means direct traffic, a real level. `Unknown` is absent too, as a legitimate category in many files.
 */
export const DEFAULT_JUNK_TOKENS = ['not available in demo dataset', '(not set)', '(not provided)', 'unknown.unknown', 'N/A', 'n/a', 'NULL', 'null'];

export const cleanCell: CellKind<CleanParams, CleanView> = {
  kind: 'clean',
  label: 'Clean',
  description: 'Turn junk tokens into missing values, re-type columns, fill 1-or-blank indicators, drop constant and mostly-missing columns.',
  inputs: ['table'],
  output: 'table',
  fields: [
    { key: 'junkTokens', label: 'Junk tokens', type: 'string-list', help: 'Exact values (spaces trimmed) that mean “missing”.' },
    { key: 'fillBlanksAsZero', label: 'Blanks → 0 in 1-or-blank columns', type: 'boolean', help: 'e.g. totals.bounces: blank means 0.' },
    { key: 'dropConstant', label: 'Drop constant columns', type: 'boolean' },
    { key: 'maxMissingShare', label: 'Drop columns missing more than (share)', type: 'number', min: 0, max: 1, step: 0.05 },
    { key: 'fillTargetWithZero', label: 'Blank target → 0', type: 'boolean', help: 'A session with no recorded purchase bought nothing.' },
  ],
  defaults: () => ({
    junkTokens: [...DEFAULT_JUNK_TOKENS],
    fillBlanksAsZero: true,
    dropConstant: true,
    maxMissingShare: 0.95,
    fillTargetWithZero: true,
  }),
  async run(input, params, ctx) {
    const source = input.table;
    if (!source) throw new CellError('Clean needs a table: add a Load cell above it');
    const steps: ((data: TableArtifact) => CleanStepResult)[] = [
      (data) => replaceJunkTokens(data, params.junkTokens),
      retypeColumns,
      ...(params.fillBlanksAsZero ? [fillIndicatorBlanks] : []),
      ...(params.dropConstant ? [dropConstantColumns] : []),
      (data: TableArtifact) => dropMostlyMissingColumns(data, params.maxMissingShare),
      ...(params.fillTargetWithZero ? [fillTargetWithZero] : []),
    ];
    let data = source;
    const reports: CleanStepReport[] = [];
    for (const [index, step] of steps.entries()) {
      const result = step(data);
      data = result.data;
      reports.push(result.report);
      ctx.progress({ fraction: (index + 1) / steps.length, message: result.report.title });
      await ctx.yieldToHost();
      if (ctx.signal.aborted) throw new CancelledError();
    }
    const dropped = source.columns.length - data.columns.length;
    return {
      artifact: data,
      view: {
        rows: data.table.numRows(),
        columnsBefore: source.columns.length,
        columnsAfter: data.columns.length,
        steps: reports,
        columns: data.columns,
        target: data.target,
      },
      summary: {
        rows: data.table.numRows(),
        columns: data.columns.length,
        dropped,
        valuesChanged: reports.reduce((sum, report) => sum + report.valuesChanged, 0),
        retyped: reports.find((report) => report.step === 'retype')?.changes.length ?? 0,
      },
      outputColumns: data.columns,
    };
  },
};
