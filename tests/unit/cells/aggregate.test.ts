import { describe, expect, it } from 'vitest';
import { aggregateCell, type AggregateParams } from '../../../src/core/cells/aggregate';
import { validateParams } from '../../../src/core/cells/params';
import { CancelledError, type ProgressUpdate, type TableArtifact } from '../../../src/core/cells/types';
import { tableArtifact } from '../data/table-fixture';
import { dataRunContext } from './run-context';

const at = (time: string) => Date.parse(`2008-04-01T${time}Z`);

/** Two users, three sessions; rows are not in time order, and one row has no session. */
const clicks = tableArtifact({
  session: ['number', [2, 1, 1, 2, 1, null, 3]],
  user: ['categorical', ['u2', 'u1', 'u1', 'u2', 'u1', 'u1', 'u1']],
  at: ['timestamp', [at('11:00:00'), at('10:02:00'), at('10:00:00'), at('11:00:30'), at('10:01:00'), at('09:00:00'), at('12:00:00')]],
  page: ['categorical', ['sale', 'skirts', 'home', 'sale', 'sale', 'home', 'blouses']],
  price: ['number', [20, 30, null, 25, 10, 99, 40]],
  bought: ['number', [0, 30, 0, 25, 0, 99, 80]],
});

const params = (patch: Partial<AggregateParams> = {}): AggregateParams => ({
  ...aggregateCell.defaults(),
  groupBy: 'session',
  timeColumn: 'at',
  aggregations: [
    { op: 'count', column: '', output: 'clicks' },
    { op: 'sum', column: 'bought', output: 'spend' },
    { op: 'mean', column: 'price', output: '' },
    { op: 'first', column: 'page', output: 'entry_page' },
    { op: 'last', column: 'page', output: 'exit_page' },
    { op: 'share', column: 'page', value: 'sale', output: '' },
    { op: 'span', column: '', output: 'duration' },
    { op: 'min', column: 'at', output: 'start' },
  ],
  target: 'spend',
  ...patch,
});

async function run(patch: Partial<AggregateParams> = {}, table: TableArtifact = clicks) {
  return aggregateCell.run({ table }, params(patch), dataRunContext());
}

describe('aggregate cell', () => {
  it('builds one row per session with typed feature columns and the chosen target', async () => {
    const output = await run();
    const sessions = output.artifact as TableArtifact;
    expect(sessions.columns).toEqual([
      { name: 'session', type: 'identifier' },
      { name: 'clicks', type: 'number' },
      { name: 'spend', type: 'number' },
      { name: 'mean_price', type: 'number' },
      { name: 'entry_page', type: 'categorical' },
      { name: 'exit_page', type: 'categorical' },
      { name: 'share_page_sale', type: 'number' },
      { name: 'duration', type: 'number' },
      { name: 'start', type: 'timestamp' },
    ]);
    expect(sessions.target).toBe('spend');
    expect(sessions.missingTokens).toEqual({});
    expect(sessions.table.objects()).toEqual([
      { session: 2, clicks: 2, spend: 25, mean_price: 22.5, entry_page: 'sale', exit_page: 'sale', share_page_sale: 1, duration: 30, start: at('11:00:00') },
      { session: 1, clicks: 3, spend: 30, mean_price: 20, entry_page: 'home', exit_page: 'skirts', share_page_sale: 1 / 3, duration: 120, start: at('10:00:00') },
      { session: 3, clicks: 1, spend: 80, mean_price: 40, entry_page: 'blouses', exit_page: 'blouses', share_page_sale: 0, duration: 0, start: at('12:00:00') },
    ]);
    expect(output.outputColumns).toEqual(sessions.columns);
  });

  it('shows the groups, the rows left out and where each feature comes from', async () => {
    const { view, summary } = await run();
    expect(view).toMatchObject({ groupBy: 'session', timeColumn: 'at', rowsIn: 7, groups: 3, rowsWithoutKey: 1, target: 'spend' });
    expect(view.warnings).toEqual(["1 row without a 'session' left out."]);
    expect(view.features.find((feature) => feature.name === 'mean_price')).toEqual({ name: 'mean_price', type: 'number', origin: 'mean of price' });
    expect(view.features.find((feature) => feature.name === 'duration')?.origin).toBe('seconds from first to last at');
    expect(view.preview).toHaveLength(3);
    expect(view.preview[0].slice(0, 3)).toEqual([2, 2, 25]);
    expect(summary).toEqual({ rows_in: 7, groups: 3, features: 8, target: 'spend' });
  });

  it('adds per-user history from earlier sessions and says how a random split can still mix them', async () => {
    const output = await run({ history: true, userColumn: 'user', spendColumn: 'spend' });
    const sessions = output.artifact as TableArtifact;
    expect(sessions.columns.slice(-2)).toEqual([
      { name: 'previous_sessions', type: 'number' },
      { name: 'previous_spend', type: 'number' },
    ]);
    // u1: session 1 at 10:00, session 3 at 12:00 (the row without a session is no session). u2: session 2.
    expect(sessions.table.array('previous_sessions')).toEqual([0, 0, 1]);
    expect(sessions.table.array('previous_spend')).toEqual([0, 0, 30]);
    expect(output.view.notes.join(' ')).toMatch(/previous_spend adds up earlier sessions’ spend, the target/);
  });

  it('warns when history orders sessions by a number rather than a timestamp', async () => {
    const withOrder = tableArtifact({ session: ['number', [1, 1, 2]], user: ['categorical', ['u', 'u', 'u']], order: ['number', [1, 2, 1]] });
    const { view } = await run({ timeColumn: 'order', aggregations: [{ op: 'count', output: 'clicks' }], target: '', history: true, userColumn: 'user', spendColumn: 'clicks' }, withOrder);
    expect(view.warnings).toEqual(["History orders sessions by 'order', a number: it must count across sessions (a running time), not a click’s position within its session."]);
  });

  it('keeps table order for first and last without a time column, and says so', async () => {
    const output = await run({ timeColumn: '', aggregations: [{ op: 'first', column: 'page' }, { op: 'last', column: 'page' }], target: '' });
    expect((output.artifact as TableArtifact).table.array('first_page')).toEqual(['sale', 'skirts', 'blouses']);
    expect((output.artifact as TableArtifact).table.array('last_page')).toEqual(['sale', 'sale', 'blouses']);
    expect(output.view.notes).toEqual(['No time column: first and last values follow table order.']);
  });

  it('warns when a share’s value never occurs', async () => {
    const { view } = await run({ aggregations: [{ op: 'share', column: 'page', value: 'Sale' }], target: '' });
    expect(view.warnings).toContain("Aggregation 1 (Share of page): 'Sale' never occurs in 'page', so the share is 0 in every group.");
  });

  it('names the missing column when a shared notebook meets a file without it', async () => {
    const without = tableArtifact({ session: ['number', [1, 1]], at: ['timestamp', [1, 2]] });
    await expect(run({}, without)).rejects.toThrow("Aggregation 2 (Sum of bought): column 'bought' is not in the table");
    await expect(run({ groupBy: 'session_id' }, without)).rejects.toThrow("Group by column 'session_id' is not in the table");
    await expect(run({ timeColumn: 'timestamp' }, without)).rejects.toThrow("Time column 'timestamp' is not in the table");
    await expect(run({ history: true, userColumn: 'user', spendColumn: 'clicks', aggregations: [{ op: 'count', output: 'clicks' }], target: '' }, without)).rejects.toThrow(
      "History features: user column 'user' is not in the table",
    );
  });

  it('refuses an empty group key and a target that is not an output', async () => {
    await expect(run({ groupBy: '' })).rejects.toThrow(/Group by: pick the column/);
    await expect(run({ target: 'bought' })).rejects.toThrow("Target 'bought' is not an output column");
  });

  it('refuses a table whose key is missing everywhere', async () => {
    const keyless = tableArtifact({ session: ['number', [null, null]], at: ['timestamp', [1, 2]] });
    await expect(run({ aggregations: [{ op: 'count' }], target: '' }, keyless)).rejects.toThrow("Group by column 'session' has no values");
  });

  it('reports progress per aggregation and stops when cancelled', async () => {
    const updates: ProgressUpdate[] = [];
    await aggregateCell.run({ table: clicks }, params(), { ...dataRunContext(), progress: (update) => updates.push(update) });
    expect(updates.map((update) => update.message)).toEqual(['Grouping rows', 'clicks', 'spend', 'mean_price', 'entry_page', 'exit_page', 'share_page_sale', 'duration', 'start']);
    expect(updates.at(-1)!.fraction).toBeCloseTo(0.9);
    const controller = new AbortController();
    controller.abort();
    await expect(aggregateCell.run({ table: clicks }, params(), { ...dataRunContext(), signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  it('checks saved aggregations through the operations field', () => {
    expect(validateParams(aggregateCell, params() as unknown as Record<string, unknown>)).toEqual([]);
    const issues = validateParams(aggregateCell, { ...params(), aggregations: [{ op: 'median', column: 'price' }] } as unknown as Record<string, unknown>);
    expect(issues[0]).toMatchObject({ path: 'aggregations' });
    expect(issues[0].message).toMatch(/item 1: expected one of count, sum, mean/);
  });
});
