import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../../src/core/cells/types';
import { checkGroupBy, checkHistory, checkTarget, checkTimeColumn, planAggregations } from '../../../../src/core/data/aggregate/plan';

const columns: ColumnInfo[] = [
  { name: 'session', type: 'identifier' },
  { name: 'user', type: 'categorical' },
  { name: 'at', type: 'timestamp' },
  { name: 'order', type: 'number' },
  { name: 'colour', type: 'categorical' },
  { name: 'price', type: 'number' },
];
const at: ColumnInfo = { name: 'at', type: 'timestamp' };

describe('planAggregations', () => {
  it('names outputs after the operation and column unless given a name, with their types', () => {
    const planned = planAggregations(
      [{ op: 'count', column: '' }, { op: 'sum', column: 'price' }, { op: 'first', column: 'colour', output: 'entry_colour' }, { op: 'min', column: 'at' }, { op: 'share', column: 'colour', value: 'red' }, { op: 'span', column: '' }],
      columns,
      'session',
      at,
    );
    expect(planned.map((aggregation) => aggregation.output)).toEqual([
      { name: 'rows', type: 'number' },
      { name: 'sum_price', type: 'number' },
      { name: 'entry_colour', type: 'categorical' },
      { name: 'min_at', type: 'timestamp' },
      { name: 'share_colour_red', type: 'number' },
      { name: 'span_at', type: 'number' },
    ]);
    expect(planned[1].origin).toBe('sum of price');
    expect(planned[5].column).toBe('at');
  });

  it('names the aggregation and the column that is not in the table', () => {
    expect(() => planAggregations([{ op: 'count' }, { op: 'sum', column: 'revenue' }], columns, 'session', at)).toThrow(
      "Aggregation 2 (Sum of revenue): column 'revenue' is not in the table",
    );
  });

  it('refuses a sum or a mean of a non-numeric column', () => {
    expect(() => planAggregations([{ op: 'sum', column: 'colour' }], columns, 'session', at)).toThrow(
      "Aggregation 1 (Sum of colour): 'colour' is categorical; sum needs a number or boolean column",
    );
    expect(() => planAggregations([{ op: 'mean', column: 'user' }], columns, 'session', at)).toThrow(/'user' is categorical; mean needs/);
  });

  it('refuses a span over a column that is not a timestamp', () => {
    expect(() => planAggregations([{ op: 'span', column: 'order' }], columns, 'session', at)).toThrow(
      "Aggregation 1 (Span of order): 'order' is number; span needs a timestamp column",
    );
  });

  it('refuses a share of a timestamp', () => {
    expect(() => planAggregations([{ op: 'share', column: 'at', value: '0' }], columns, 'session', at)).toThrow(/'at' is timestamp; share needs a categorical, boolean, number, identifier or text column/);
  });

  it('asks for a span column when there is no time column', () => {
    expect(() => planAggregations([{ op: 'span', column: '' }], columns, 'session', null)).toThrow(/pick a timestamp column, or set the cell’s time column/);
  });

  it('asks for a column and for a share’s value', () => {
    expect(() => planAggregations([{ op: 'mean', column: '' }], columns, 'session', at)).toThrow('Aggregation 1 (Mean): pick the column to aggregate');
    expect(() => planAggregations([{ op: 'share', column: 'colour', value: ' ' }], columns, 'session', at)).toThrow(/give the value/);
  });

  it('refuses two outputs with one name, and an output named as the group key', () => {
    expect(() => planAggregations([{ op: 'sum', column: 'price' }, { op: 'mean', column: 'price', output: 'sum_price' }], columns, 'session', at)).toThrow(
      "Aggregation 2 (Mean of price) writes 'sum_price', as does Aggregation 1 (Sum of price): give it another output name",
    );
    expect(() => planAggregations([{ op: 'count', output: 'session' }], columns, 'session', at)).toThrow(/as does the group by column/);
  });

  it('refuses an empty list', () => {
    expect(() => planAggregations([], columns, 'session', at)).toThrow(/add at least one/);
  });
});

describe('group key, time column, history and target checks', () => {
  it('refuses an empty or absent group key', () => {
    expect(() => checkGroupBy(columns, '')).toThrow(/Group by: pick the column/);
    expect(() => checkGroupBy(columns, 'session_id')).toThrow("Group by column 'session_id' is not in the table");
  });

  it('takes a timestamp or a number as time column', () => {
    expect(checkTimeColumn(columns, '')).toBeNull();
    expect(checkTimeColumn(columns, 'order')).toEqual({ name: 'order', type: 'number' });
    expect(() => checkTimeColumn(columns, 'colour')).toThrow("Time column 'colour' is categorical");
    expect(() => checkTimeColumn(columns, 'when')).toThrow("Time column 'when' is not in the table");
  });

  const outputs: ColumnInfo[] = [
    { name: 'spend', type: 'number' },
    { name: 'last_colour', type: 'categorical' },
  ];

  it('checks what history reads', () => {
    const ok = { userColumn: 'user', spendColumn: 'spend' };
    expect(() => checkHistory(columns, outputs, 'session', ok, at)).not.toThrow();
    expect(() => checkHistory(columns, outputs, 'session', ok, null)).toThrow(/set the time column/);
    expect(() => checkHistory(columns, outputs, 'session', { ...ok, userColumn: 'customer' }, at)).toThrow("user column 'customer' is not in the table");
    expect(() => checkHistory(columns, outputs, 'user', ok, at)).toThrow(/is the group by column/);
    expect(() => checkHistory(columns, outputs, 'session', { ...ok, spendColumn: 'price' }, at)).toThrow("spend column 'price' is not an aggregation output (spend, last_colour)");
    expect(() => checkHistory(columns, outputs, 'session', { ...ok, spendColumn: 'last_colour' }, at)).toThrow(/is categorical, not a number/);
    expect(() => checkHistory(columns, [...outputs, { name: 'previous_spend', type: 'number' }], 'session', ok, at)).toThrow("History features write 'previous_spend', which an aggregation writes too");
  });

  it('takes a numeric output as target', () => {
    expect(checkTarget(outputs, '')).toBeNull();
    expect(checkTarget(outputs, 'spend')).toBe('spend');
    expect(() => checkTarget(outputs, 'price')).toThrow("Target 'price' is not an output column; pick one of spend, last_colour");
    expect(() => checkTarget(outputs, 'last_colour')).toThrow(/is categorical/);
  });
});
