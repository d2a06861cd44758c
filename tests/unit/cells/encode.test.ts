import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { encodeCell, type EncodeParams } from '../../../src/core/cells/encode';
import type { ColumnInfo, RunContext, TableArtifact } from '../../../src/core/cells/types';

const ctx: RunContext = {
  signal: new AbortController().signal,
  progress: () => {},
  yieldToHost: () => Promise.resolve(),
  ml: () => Promise.reject(new Error('Encode never trains')),
};

/** 200 sessions: every fourth buys (value 10 + i), pages 0..199, a three-level channel. */
function sessions(target: string | null = 'value'): TableArtifact {
  const rows = 200;
  const table = aq.table({
    session: Array.from({ length: rows }, (_, i) => `s${i}`),
    pages: Array.from({ length: rows }, (_, i) => i),
    channel: Array.from({ length: rows }, (_, i) => ['ads', 'search', 'direct'][i % 3]),
    value: Array.from({ length: rows }, (_, i) => (i % 4 === 0 ? 10 + i : 0)),
  });
  const columns: ColumnInfo[] = [
    { name: 'session', type: 'identifier' },
    { name: 'pages', type: 'number' },
    { name: 'channel', type: 'categorical' },
    { name: 'value', type: 'number' },
  ];
  return { kind: 'table', table, columns, target, missingTokens: {} };
}

const run = (source: TableArtifact, params: Partial<EncodeParams> = {}) => encodeCell.run({ table: source }, { ...encodeCell.defaults(), ...params }, ctx);

describe('Encode cell', () => {
  it('splits 70 / 10 / 20 with the same share of buyers in each part', async () => {
    const { view, artifact } = await run(sessions());
    expect(view.parts.map((part) => part.rows)).toEqual([144, 16, 40]);
    // 50 buyers: test round(50·0.2) = 10 of 40 rows; validation round(40·0.1) = 4 of 16.
    expect(view.parts.map((part) => part.zeroShare)).toEqual([108 / 144, 12 / 16, 30 / 40]);
    expect(artifact?.kind).toBe('features');
  });

  it('builds row-major matrices whose width is the feature count', async () => {
    const { artifact, view } = await run(sessions());
    if (artifact?.kind !== 'features') throw new Error('expected features');
    // Levels are ordered by training count, so only the set is fixed here.
    expect(artifact.featureNames[0]).toBe('pages');
    expect([...artifact.featureNames.slice(1)].sort()).toEqual(['channel=ads', 'channel=direct', 'channel=search']);
    expect(artifact.train.x.length).toBe(144 * 4);
    expect(view.shape).toEqual({ rows: 200, columns: 4 });
    expect(artifact.targetNonNegative).toBe(true);
    expect(view.skipped).toEqual([{ column: 'session', reason: expect.stringContaining('identifier') }]);
  });

  it('keeps each row paired with its own target', async () => {
    const { artifact } = await run(sessions(), { scaling: 'none' });
    if (artifact?.kind !== 'features') throw new Error('expected features');
    // With no scaling, the "pages" feature is the row number i, and value is 10 + i for every fourth row.
    for (const part of [artifact.train, artifact.validation, artifact.test]) {
      for (let r = 0; r < part.rows; r++) {
        const i = part.x[r * 4];
        expect(part.y[r]).toBe(i % 4 === 0 ? 10 + i : 0);
      }
    }
  });

  it('asks for a target when the Load cell chose none', async () => {
    await expect(run(sessions(null))).rejects.toThrow('Pick a target column in the Load cell');
  });

  it('rejects a categorical target by name', async () => {
    const source = { ...sessions(), target: 'channel' };
    await expect(run(source)).rejects.toThrow("Target column 'channel' is categorical");
  });

  it('rejects a constant target: R² would be undefined', async () => {
    const source = sessions();
    const table = source.table.derive({ value: () => 3 });
    await expect(run({ ...source, table })).rejects.toThrow('R² is undefined for a constant target');
  });

  it('rejects an all-missing target', async () => {
    const source = sessions();
    const table = source.table.derive({ value: () => null });
    await expect(run({ ...source, table })).rejects.toThrow("Target column 'value' has no values");
  });

  it('names an excluded column that is not in the table', async () => {
    await expect(run(sessions(), { exclude: ['Revenue'] })).rejects.toThrow("Excluded column 'Revenue' is not in the table");
  });

  it('leaves rows with a missing target out of every part', async () => {
    const source = sessions();
    const table = source.table.derive({ value: aq.escape((d: { pages: number; value: number }) => (d.pages < 10 ? null : d.value)) });
    const { view } = await run({ ...source, table });
    expect(view.rowsWithoutTarget).toBe(10);
    expect(view.parts.reduce((sum, part) => sum + part.rows, 0)).toBe(190);
  });

  it('gives the same split for the same seed', async () => {
    const first = await run(sessions());
    const second = await run(sessions());
    const third = await run(sessions(), { seed: 7 });
    if (first.artifact?.kind !== 'features' || second.artifact?.kind !== 'features' || third.artifact?.kind !== 'features') throw new Error('expected features');
    expect(Array.from(second.artifact.test.y)).toEqual(Array.from(first.artifact.test.y));
    expect(Array.from(third.artifact.test.x)).not.toEqual(Array.from(first.artifact.test.x));
  });
});
