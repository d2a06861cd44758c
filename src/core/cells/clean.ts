import { CLEAN_OPERATIONS, cleanOperation, defaultCleanSteps } from '../data/clean/operations';
import { changeLine, emptyReport, type CleanStepReport, type CleanStepResult } from '../data/clean/step';
import { suggestSteps } from '../data/clean/suggest';
import { CancelledError, CellError, type CellKind, type ColumnInfo, type OperationItem, type TableArtifact } from './types';

export { DEFAULT_JUNK_TOKENS } from '../data/clean/junk-tokens';

export type CleanParams = {
  steps: OperationItem[];
};

/** One configured step as run: switched off, it shows what it would have changed. */
export interface CleanStepView {
  op: string;
  label: string;
  enabled: boolean;
  /** The "what changed" line: rows, columns and values affected. */
  line: string;
  report: CleanStepReport;
}

export interface CleanSuggestionView {
  reason: string;
  /** The item "Add step" appends to the list. */
  step: OperationItem;
  line: string;
  report: CleanStepReport;
}

export interface CleanView {
  rowsBefore: number;
  rows: number;
  columnsBefore: number;
  columnsAfter: number;
  steps: CleanStepView[];
  /** Found on the cleaned table, each tried without being applied. */
  suggestions: CleanSuggestionView[];
  /** The steps as run, so a suggestion is added to the list it was computed for. */
  ranSteps: OperationItem[];
  columns: ColumnInfo[];
  target: string | null;
}

/** Runs one item; a switched-off one is tried on the table, which passes through as it was. */
function runStep(data: TableArtifact, item: OperationItem, position: number): { result: CleanStepResult; view: CleanStepView } {
  const operation = cleanOperation(item.op);
  if (!operation) throw new CellError(`Step ${position}: unknown operation “${item.op}”`);
  const params = { ...operation.defaults(), ...item };
  const enabled = params.enabled !== false;
  let result: CleanStepResult;
  try {
    result = operation.apply(data, params);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    if (enabled) throw new CellError(`Step ${position} (${operation.label}): ${error.message}`);
    const report = { ...emptyReport(operation.op, operation.label), warnings: [`Would fail: ${error.message}`] };
    return { result: { data, report }, view: { op: operation.op, label: operation.label, enabled, line: 'would fail', report } };
  }
  const line = changeLine(result.report);
  return {
    result: enabled ? result : { data, report: result.report },
    view: { op: operation.op, label: operation.label, enabled, line: enabled ? line : `off · would change: ${line}`, report: result.report },
  };
}

export const cleanCell: CellKind<CleanParams, CleanView> = {
  kind: 'clean',
  label: 'Clean',
  description: 'An ordered list of cleaning steps (junk tokens, types, blanks, missing values, outliers, columns, duplicates, filters, derived columns), each with what it changed.',
  inputs: ['table'],
  output: 'table',
  fields: [
    {
      key: 'steps',
      label: 'Steps',
      type: 'operations',
      operations: CLEAN_OPERATIONS,
      help: 'Run in order, top to bottom. A step switched off shows what it would change.',
    },
  ],
  defaults: () => ({ steps: defaultCleanSteps() }),
  async run(input, params, ctx) {
    const source = input.table;
    if (!source) throw new CellError('Clean needs a table: add a Load cell above it');
    let data = source;
    const steps: CleanStepView[] = [];
    for (const [index, item] of params.steps.entries()) {
      const { result, view } = runStep(data, item, index + 1);
      data = result.data;
      steps.push(view);
      ctx.progress({ fraction: (index + 1) / (params.steps.length + 1), message: view.label });
      await ctx.yieldToHost();
      if (ctx.signal.aborted) throw new CancelledError();
    }
    const suggestions = suggestSteps(data).map(({ reason, step, report }) => ({ reason, step, report, line: changeLine(report) }));
    const applied = steps.filter((step) => step.enabled).map((step) => step.report);
    const sum = (count: (report: CleanStepReport) => number) => applied.reduce((total, report) => total + count(report), 0);
    return {
      artifact: data,
      view: {
        rowsBefore: source.table.numRows(),
        rows: data.table.numRows(),
        columnsBefore: source.columns.length,
        columnsAfter: data.columns.length,
        steps,
        suggestions,
        ranSteps: params.steps,
        columns: data.columns,
        target: data.target,
      },
      summary: {
        rows: data.table.numRows(),
        columns: data.columns.length,
        dropped: sum((report) => report.columnsDropped.length),
        added: sum((report) => report.columnsAdded.length),
        rowsRemoved: sum((report) => report.rowsRemoved),
        valuesChanged: sum((report) => report.valuesChanged),
        retyped: sum((report) => (report.step === 'retype' || report.step === 'type-fix' ? report.changes.length : 0)),
        suggestions: suggestions.length,
      },
      outputColumns: data.columns,
    };
  },
};
