import { table as arqueroTable } from 'arquero';
import { userHistory, sessionUsers } from '../data/aggregate/history';
import { AGGREGATION_OPS, AGGREGATION_RULES } from '../data/aggregate/operations';
import { HISTORY_OUTPUTS, checkGroupBy, checkHistory, checkTarget, checkTimeColumn, planAggregations } from '../data/aggregate/plan';
import { groupRows, type RowGroups } from '../data/aggregate/row-groups';
import { levelOccurs } from '../data/aggregate/share';
import { minValues } from '../data/aggregate/numeric';
import { plural } from '../data/clean/step';
import type { CellValue } from '../data/infer-type';
import { PREVIEW_COLUMNS, PREVIEW_ROWS } from './load';
import { CancelledError, CellError, type CellKind, type ColumnInfo, type OperationItem, type OperationSpec, type ParamField, type RunContext, type TableArtifact } from './types';

export interface AggregateParams {
  groupBy: string;
  /** '' keeps table order within a group. */
  timeColumn: string;
  aggregations: OperationItem[];
  /** An output column; '' for none. */
  target: string;
  history: boolean;
  userColumn: string;
  /** The aggregation output history sums, e.g. the session's purchase value. */
  spendColumn: string;
}

export interface AggregateFeature extends ColumnInfo {
  /** What the column holds, e.g. `sum of price`. */
  origin: string;
}

export interface AggregateView {
  groupBy: string;
  timeColumn: string | null;
  rowsIn: number;
  groups: number;
  rowsWithoutKey: number;
  features: AggregateFeature[];
  columns: ColumnInfo[];
  /** The first groups, row-major, for the first `PREVIEW_COLUMNS` of `columns`. */
  preview: CellValue[][];
  target: string | null;
  warnings: string[];
  notes: string[];
}

const outputField: ParamField = { key: 'output', label: 'Output name', type: 'text', help: 'Empty: named after the operation and column, e.g. sum_price.' };

const operationSpecs: OperationSpec[] = AGGREGATION_OPS.map((op) => {
  const rule = AGGREGATION_RULES[op];
  const fields: ParamField[] = [{ key: 'column', label: 'Column', type: 'column', optional: rule.column === 'optional' }];
  if (rule.takesValue) fields.push({ key: 'value', label: 'Value', type: 'text', help: 'The value to count, as written in the column.' });
  fields.push(outputField);
  return {
    op,
    label: rule.label,
    help: rule.help,
    fields,
    defaults: () => (rule.takesValue ? { column: '', value: '', output: '' } : { column: '', output: '' }),
  };
});

async function step(ctx: RunContext, fraction: number, message: string): Promise<void> {
  ctx.progress({ fraction, message });
  await ctx.yieldToHost();
  if (ctx.signal.aborted) throw new CancelledError();
}

/** A column's values, read once: several aggregations often read one column, and each read copies it. */
function columnReader(source: TableArtifact): (name: string) => ArrayLike<unknown> {
  const read = new Map<string, ArrayLike<unknown>>();
  return (name) => {
    let values = read.get(name);
    if (!values) {
      values = source.table.array(name) as ArrayLike<unknown>;
      read.set(name, values);
    }
    return values;
  };
}

function historyFeatures(params: AggregateParams): AggregateFeature[] {
  if (!params.history) return [];
  return [
    { name: HISTORY_OUTPUTS.previousSessions, type: 'number', origin: `${params.userColumn}’s sessions that started earlier` },
    { name: HISTORY_OUTPUTS.previousSpend, type: 'number', origin: `${params.spendColumn} summed over ${params.userColumn}’s earlier sessions` },
  ];
}

/** Per-user history columns, and the warning when a session names more than one user. */
function historyColumns(userValues: ArrayLike<unknown>, groups: RowGroups, params: AggregateParams, spends: readonly unknown[], times: ArrayLike<unknown>) {
  const { users, sessionsWithSeveralUsers } = sessionUsers(userValues, groups);
  const starts = minValues(times, groups);
  const previous = userHistory(users, starts, spends as (number | null)[]);
  const warning = sessionsWithSeveralUsers > 0 ? `${plural(sessionsWithSeveralUsers, 'group')} name more than one '${params.userColumn}': history counts each under its first user in time order.` : null;
  return { previous, warning };
}

export const aggregateCell: CellKind<AggregateParams, AggregateView> = {
  kind: 'aggregate',
  label: 'Aggregate',
  description: 'Group click-level rows by a key (session or user) into one row per group: counts, sums, means, first/last values, shares, durations, and per-user history from earlier sessions only.',
  inputs: ['table'],
  output: 'table',
  fields: [
    { key: 'groupBy', label: 'Group by', type: 'column', help: 'One output row per value, e.g. the session id.' },
    { key: 'timeColumn', label: 'Time column', type: 'column', optional: true, help: 'Orders rows within a group for first/last and span; empty keeps table order.' },
    { key: 'aggregations', label: 'Aggregations', type: 'operations', operations: operationSpecs },
    { key: 'target', label: 'Target (output column)', type: 'text', help: 'The output column later cells predict, e.g. the summed purchase value; empty for none.' },
    {
      key: 'history',
      label: 'Per-user history features',
      type: 'boolean',
      help: `Adds ${HISTORY_OUTPUTS.previousSessions} and ${HISTORY_OUTPUTS.previousSpend}: the user’s sessions that started strictly earlier (one starting at the same instant is not earlier) and their total spend.`,
    },
    { key: 'userColumn', label: 'User column', type: 'column', optional: true, help: 'Identifies the user across sessions, for history features.' },
    { key: 'spendColumn', label: 'Spend column (output)', type: 'text', help: 'The aggregation output history adds up, e.g. the summed purchase value.' },
  ],
  defaults: () => ({
    groupBy: '',
    timeColumn: '',
    aggregations: [{ op: 'count', column: '', output: '' }],
    target: '',
    history: false,
    userColumn: '',
    spendColumn: '',
  }),
  async run(input, params, ctx) {
    const source = input.table;
    if (!source) throw new CellError('Aggregate needs a table: add a Load cell above it');
    const key = checkGroupBy(source.columns, params.groupBy);
    const time = checkTimeColumn(source.columns, params.timeColumn);
    const planned = planAggregations(params.aggregations, source.columns, key.name, time);
    const outputs = planned.map((aggregation) => aggregation.output);
    const historyTime = params.history ? checkHistory(source.columns, outputs, key.name, params, time) : null;
    const history = historyFeatures(params);
    const historyOutputs: ColumnInfo[] = history.map(({ name, type }) => ({ name, type }));
    const target = checkTarget([...outputs, ...historyOutputs], params.target);

    const valuesOf = columnReader(source);
    const times = time ? valuesOf(time.name) : null;
    const groups = groupRows(valuesOf(key.name), times);
    if (groups.keys.length === 0) throw new CellError(`Group by column '${key.name}' has no values: there is no group to build`);
    const warnings: string[] = [];
    if (groups.rowsWithoutKey > 0) warnings.push(`${plural(groups.rowsWithoutKey, 'row')} without a '${key.name}' left out.`);
    await step(ctx, 0.1, 'Grouping rows');

    const values: Record<string, CellValue[]> = { [key.name]: groups.keys };
    for (const [index, aggregation] of planned.entries()) {
      const input = aggregation.column === null ? null : valuesOf(aggregation.column);
      values[aggregation.output.name] = AGGREGATION_RULES[aggregation.op].compute(input, groups, aggregation.value);
      if (aggregation.op === 'share' && !levelOccurs(input!, groups, aggregation.value)) {
        warnings.push(`${aggregation.title}: '${aggregation.value}' never occurs in '${aggregation.column}', so the share is 0 in every group.`);
      }
      await step(ctx, 0.1 + (0.8 * (index + 1)) / planned.length, aggregation.output.name);
    }

    const notes: string[] = [];
    if (!time && planned.some((aggregation) => aggregation.op === 'first' || aggregation.op === 'last')) {
      notes.push('No time column: first and last values follow table order.');
    }
    if (historyTime) {
      const { previous, warning } = historyColumns(valuesOf(params.userColumn), groups, params, values[params.spendColumn], valuesOf(historyTime.name));
      values[HISTORY_OUTPUTS.previousSessions] = previous.previousSessions;
      values[HISTORY_OUTPUTS.previousSpend] = previous.previousSpend;
      if (warning) warnings.push(warning);
      if (historyTime.type !== 'timestamp') {
        warnings.push(`History orders sessions by '${historyTime.name}', a number: it must count across sessions (a running time), not a click’s position within its session.`);
      }
      if (params.spendColumn === target) {
        notes.push(
          `${HISTORY_OUTPUTS.previousSpend} adds up earlier sessions’ ${target}, the target. No session sees its own or a later session’s value, but a random split can put an earlier session in test and a later one of the same user in training: split by time or by user to rule that out.`,
        );
      }
      await step(ctx, 0.95, 'History features');
    }

    const columns: ColumnInfo[] = [{ name: key.name, type: 'identifier' }, ...outputs, ...historyOutputs];
    const names = columns.map((column) => column.name);
    const table = arqueroTable(values, names);
    const features: AggregateFeature[] = [...planned.map((aggregation) => ({ ...aggregation.output, origin: aggregation.origin })), ...history];
    const previewColumns = names.slice(0, PREVIEW_COLUMNS);
    const preview = Array.from({ length: Math.min(PREVIEW_ROWS, groups.keys.length) }, (_, row) => previewColumns.map((name) => values[name][row]));
    return {
      artifact: { kind: 'table', table, columns, target, missingTokens: {} },
      view: {
        groupBy: key.name,
        timeColumn: time?.name ?? null,
        rowsIn: source.table.numRows(),
        groups: groups.keys.length,
        rowsWithoutKey: groups.rowsWithoutKey,
        features,
        columns,
        preview,
        target,
        warnings,
        notes,
      },
      summary: { rows_in: source.table.numRows(), groups: groups.keys.length, features: features.length, target },
      outputColumns: columns,
    };
  },
};
