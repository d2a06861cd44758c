import type { ColumnType } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { countDistinct, countRows, countValues } from './counts';
import { maxValues, meanValues, minValues, sumValues } from './numeric';
import { firstValues, lastValues } from './ordered';
import type { RowGroups } from './row-groups';
import { shareOf } from './share';
import { spanSeconds } from './span';

/*
 * The reductions are plain loops over a group index rather than arquero's rollup: arquero 8's
 * `op.distinct` counts missing as a value, `op.sum` of a group with no values is undefined, and
 * `orderby` sorts missing times first. Analysts expect pandas' answers (nunique without NaN, a
 * sum of 0, missing times last), and one pass per aggregation also lets the cell yield between them.
 */
export type AggregationOp = 'count' | 'sum' | 'mean' | 'min' | 'max' | 'distinct' | 'first' | 'last' | 'share' | 'span';

/** What one kind of aggregation reads, writes and computes. */
export interface AggregationRule {
  label: string;
  help: string;
  /** `optional`: count rows without a column; span falls back on the cell's time column. */
  column: 'required' | 'optional';
  /** Share counts one level of its column. */
  takesValue: boolean;
  /** Input column types it reads; null for any. */
  accepts: readonly ColumnType[] | null;
  outputType(input: ColumnType | null): ColumnType;
  /** The output column name when none is given, e.g. `sum_price`. */
  defaultName(column: string, value: string): string;
  /** What the output holds, e.g. `sum of price`. */
  describe(column: string, value: string): string;
  /** `values` is the input column (null when a count has none): one value per group comes back. */
  compute(values: ArrayLike<unknown> | null, groups: RowGroups, value: string): CellValue[];
}

const NUMERIC: readonly ColumnType[] = ['number', 'boolean'];
const ORDERED: readonly ColumnType[] = ['number', 'timestamp'];
const numberOutput = () => 'number' as const;
const sameType = (input: ColumnType | null): ColumnType => input ?? 'number';

export const AGGREGATION_RULES: Record<AggregationOp, AggregationRule> = {
  count: {
    label: 'Count',
    help: 'Rows in the group; with a column, its present (non-missing) values.',
    column: 'optional',
    takesValue: false,
    accepts: null,
    outputType: numberOutput,
    defaultName: (column) => (column ? `count_${column}` : 'rows'),
    describe: (column) => (column ? `count of present ${column}` : 'rows in the group'),
    compute: (values, groups) => (values ? countValues(values, groups) : countRows(groups)),
  },
  sum: {
    label: 'Sum',
    help: 'Sum of the present values (0 when the group has none).',
    column: 'required',
    takesValue: false,
    accepts: NUMERIC,
    outputType: numberOutput,
    defaultName: (column) => `sum_${column}`,
    describe: (column) => `sum of ${column}`,
    compute: (values, groups) => sumValues(values!, groups),
  },
  mean: {
    label: 'Mean',
    help: 'Mean of the present values.',
    column: 'required',
    takesValue: false,
    accepts: NUMERIC,
    outputType: numberOutput,
    defaultName: (column) => `mean_${column}`,
    describe: (column) => `mean of ${column}`,
    compute: (values, groups) => meanValues(values!, groups),
  },
  min: {
    label: 'Min',
    help: 'Smallest value; for a timestamp, the earliest.',
    column: 'required',
    takesValue: false,
    accepts: ORDERED,
    outputType: sameType,
    defaultName: (column) => `min_${column}`,
    describe: (column) => `min of ${column}`,
    compute: (values, groups) => minValues(values!, groups),
  },
  max: {
    label: 'Max',
    help: 'Largest value; for a timestamp, the latest.',
    column: 'required',
    takesValue: false,
    accepts: ORDERED,
    outputType: sameType,
    defaultName: (column) => `max_${column}`,
    describe: (column) => `max of ${column}`,
    compute: (values, groups) => maxValues(values!, groups),
  },
  distinct: {
    label: 'Distinct count',
    help: 'Number of different present values.',
    column: 'required',
    takesValue: false,
    accepts: null,
    outputType: numberOutput,
    defaultName: (column) => `distinct_${column}`,
    describe: (column) => `distinct values of ${column}`,
    compute: (values, groups) => countDistinct(values!, groups),
  },
  first: {
    label: 'First value',
    help: 'The first present value in time order (table order without a time column).',
    column: 'required',
    takesValue: false,
    accepts: null,
    outputType: sameType,
    defaultName: (column) => `first_${column}`,
    describe: (column) => `first ${column} in time order`,
    compute: (values, groups) => firstValues(values!, groups),
  },
  last: {
    label: 'Last value',
    help: 'The last present value in time order (table order without a time column).',
    column: 'required',
    takesValue: false,
    accepts: null,
    outputType: sameType,
    defaultName: (column) => `last_${column}`,
    describe: (column) => `last ${column} in time order`,
    compute: (values, groups) => lastValues(values!, groups),
  },
  share: {
    label: 'Share',
    help: 'Share of the group’s rows (0 to 1) whose value is the one given.',
    column: 'required',
    takesValue: true,
    accepts: ['categorical', 'boolean', 'number', 'identifier', 'text'],
    outputType: numberOutput,
    defaultName: (column, value) => `share_${column}_${value}`,
    describe: (column, value) => `share of rows with ${column} = ${value}`,
    compute: (values, groups, value) => shareOf(values!, groups, value),
  },
  span: {
    label: 'Span',
    help: 'Seconds from the earliest to the latest timestamp, e.g. session duration; empty column = the time column.',
    column: 'optional',
    takesValue: false,
    accepts: ['timestamp'],
    outputType: numberOutput,
    defaultName: (column) => `span_${column}`,
    describe: (column) => `seconds from first to last ${column}`,
    compute: (values, groups) => spanSeconds(values!, groups),
  },
};

export const AGGREGATION_OPS = Object.keys(AGGREGATION_RULES) as AggregationOp[];
