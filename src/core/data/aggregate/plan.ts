import { CellError, type ColumnInfo, type ColumnType, type OperationItem } from '../../cells/types';
import { AGGREGATION_RULES, type AggregationOp } from './operations';

/** An aggregation checked against the table it will read. */
export interface PlannedAggregation {
  op: AggregationOp;
  /** The input column; null for a count of rows. */
  column: string | null;
  /** The level a share counts; '' for the other operations. */
  value: string;
  output: ColumnInfo;
  /** What the output holds, e.g. `sum of price`. */
  origin: string;
  /** How messages name it, e.g. `Aggregation 2 (Sum of price)`. */
  title: string;
}

/** The output columns of per-user history, fixed so that shared notebooks agree on them. */
export const HISTORY_OUTPUTS = {
  previousSessions: 'previous_sessions',
  previousSpend: 'previous_spend',
} as const;

function findColumn(columns: readonly ColumnInfo[], name: string): ColumnInfo | undefined {
  return columns.find((column) => column.name === name);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function checkGroupBy(columns: readonly ColumnInfo[], groupBy: string): ColumnInfo {
  if (groupBy === '') throw new CellError('Group by: pick the column that identifies a group, e.g. the session id');
  const found = findColumn(columns, groupBy);
  if (!found) throw new CellError(`Group by column '${groupBy}' is not in the table: was it dropped by an earlier cell, or does this file name it differently?`);
  return found;
}

/** The column that orders rows within a group; null when rows keep table order. */
export function checkTimeColumn(columns: readonly ColumnInfo[], timeColumn: string): ColumnInfo | null {
  if (timeColumn === '') return null;
  const found = findColumn(columns, timeColumn);
  if (!found) throw new CellError(`Time column '${timeColumn}' is not in the table: was it dropped by an earlier cell, or does this file name it differently?`);
  if (found.type !== 'timestamp' && found.type !== 'number') {
    throw new CellError(`Time column '${timeColumn}' is ${found.type}: rows can be ordered by a timestamp or a number only`);
  }
  return found;
}

function planOne(item: OperationItem, index: number, columns: readonly ColumnInfo[], timeColumn: ColumnInfo | null): PlannedAggregation {
  const rule = AGGREGATION_RULES[item.op as AggregationOp];
  if (!rule) throw new CellError(`Aggregation ${index + 1}: unknown operation '${item.op}'`);
  const named = text(item.column);
  const columnName = named || (item.op === 'span' ? (timeColumn?.name ?? '') : '');
  const value = rule.takesValue ? text(item.value) : '';
  const title = `Aggregation ${index + 1} (${rule.label}${columnName ? ` of ${columnName}` : ''})`;
  let input: ColumnInfo | null = null;
  if (columnName === '') {
    if (item.op === 'span') throw new CellError(`${title}: pick a timestamp column, or set the cell’s time column`);
    if (rule.column === 'required') throw new CellError(`${title}: pick the column to aggregate`);
  } else {
    input = findColumn(columns, columnName) ?? null;
    if (!input) throw new CellError(`${title}: column '${columnName}' is not in the table`);
    if (rule.accepts && !rule.accepts.includes(input.type)) {
      throw new CellError(`${title}: '${columnName}' is ${input.type}; ${rule.label.toLowerCase()} needs a ${describeTypes(rule.accepts)} column`);
    }
  }
  if (rule.takesValue && value === '') throw new CellError(`${title}: give the value whose share to count`);
  const outputName = text(item.output) || rule.defaultName(columnName, value);
  return {
    op: item.op as AggregationOp,
    column: input?.name ?? null,
    value,
    output: { name: outputName, type: rule.outputType(input?.type ?? null) },
    origin: rule.describe(columnName, value),
    title,
  };
}

function describeTypes(types: readonly ColumnType[]): string {
  if (types.length === 1) return types[0];
  return `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}`;
}

/**
 * Checks every aggregation against the table's columns, in list order so the first problem
 * named is the first the user sees, and gives each its output column.
 */
export function planAggregations(items: readonly OperationItem[], columns: readonly ColumnInfo[], groupBy: string, timeColumn: ColumnInfo | null): PlannedAggregation[] {
  if (items.length === 0) throw new CellError('Aggregations: add at least one, e.g. a count of rows');
  const planned = items.map((item, index) => planOne(item, index, columns, timeColumn));
  const writers = new Map<string, string>([[groupBy, 'the group by column']]);
  for (const aggregation of planned) {
    const earlier = writers.get(aggregation.output.name);
    if (earlier) throw new CellError(`${aggregation.title} writes '${aggregation.output.name}', as does ${earlier}: give it another output name`);
    writers.set(aggregation.output.name, aggregation.title);
  }
  return planned;
}

export interface HistoryChoice {
  userColumn: string;
  spendColumn: string;
}

/**
 * The user column and the spend output history reads, checked; the outputs it adds must be free.
 * Returns the time column that orders sessions.
 */
export function checkHistory(columns: readonly ColumnInfo[], outputs: readonly ColumnInfo[], groupBy: string, choice: HistoryChoice, timeColumn: ColumnInfo | null): ColumnInfo {
  if (!timeColumn) throw new CellError('History features: set the time column, which orders each user’s sessions');
  if (choice.userColumn === '') throw new CellError('History features: pick the user column');
  if (!findColumn(columns, choice.userColumn)) throw new CellError(`History features: user column '${choice.userColumn}' is not in the table`);
  if (choice.userColumn === groupBy) throw new CellError(`History features: the user column '${choice.userColumn}' is the group by column; group by session to build per-user history`);
  if (choice.spendColumn === '') throw new CellError('History features: pick the spend column among the aggregation outputs, e.g. the summed purchase value');
  const spend = findColumn(outputs, choice.spendColumn);
  if (!spend) throw new CellError(`History features: spend column '${choice.spendColumn}' is not an aggregation output (${outputs.map((column) => column.name).join(', ')})`);
  if (spend.type !== 'number') throw new CellError(`History features: spend column '${choice.spendColumn}' is ${spend.type}, not a number`);
  for (const name of Object.values(HISTORY_OUTPUTS)) {
    if (findColumn(outputs, name)) throw new CellError(`History features write '${name}', which an aggregation writes too: give that aggregation another output name`);
  }
  return timeColumn;
}

/** The output the notebook predicts; null when none is chosen. */
export function checkTarget(outputs: readonly ColumnInfo[], target: string): string | null {
  if (target === '') return null;
  const found = findColumn(outputs, target);
  if (!found) throw new CellError(`Target '${target}' is not an output column; pick one of ${outputs.map((column) => column.name).join(', ')}`);
  if (found.type !== 'number' && found.type !== 'boolean') throw new CellError(`Target '${target}' is ${found.type}: a target must be numeric`);
  return target;
}
