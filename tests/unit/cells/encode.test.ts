import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { encodeCell, type EncodeParams } from '../../../src/core/cells/encode';
import type { ColumnInfo, TableArtifact } from '../../../src/core/cells/types';
import { encodeRows } from '../../../src/core/encode/encoding';
import type { TargetEncoder } from '../../../src/core/encode/types';
import { dataRunContext } from './run-context';

const ctx = dataRunContext();

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
    expect(view.shape).toEqual({ rows: 200, columns: 4, embedded: 0 });
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

/** `sessions()` with a user id (four sessions each), an hourly timestamp and a country. */
function usersAndTimes(): TableArtifact {
  const source = sessions();
  const rows = source.table.numRows();
  const table = source.table.assign(
    aq.table({
      user: Array.from({ length: rows }, (_, i) => `u${Math.floor(i / 4)}`),
      at: Array.from({ length: rows }, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000),
      country: Array.from({ length: rows }, (_, i) => `c${i % 40}`),
    }),
  );
  const columns: ColumnInfo[] = [...source.columns, { name: 'user', type: 'identifier' }, { name: 'at', type: 'timestamp' }, { name: 'country', type: 'categorical' }];
  return { ...source, table, columns };
}

function features(output: Awaited<ReturnType<typeof run>>) {
  if (output.artifact?.kind !== 'features') throw new Error('expected features');
  return output.artifact;
}

describe('Encode cell: columns named in the parameters', () => {
  const cases: [Partial<EncodeParams>, string][] = [
    [{ categoricalColumns: ['region'] }, "Categorical column 'region' is not in the table (parameter categoricalColumns)"],
    [{ log1pColumns: ['views'] }, "log1p column 'views' is not in the table (parameter log1pColumns)"],
    [{ signedLogColumns: ['delta'] }, "Signed-log column 'delta' is not in the table (parameter signedLogColumns)"],
    [{ targetEncodeColumns: ['city'] }, "Target-encoded column 'city' is not in the table (parameter targetEncodeColumns)"],
    [{ embedColumns: ['city'] }, "Embedded column 'city' is not in the table (parameter embedColumns)"],
    [{ split: 'group', groupColumn: 'visitor' }, "Group column 'visitor' is not in the table (parameter groupColumn)"],
    [{ split: 'time', timeColumn: 'when' }, "Time column 'when' is not in the table (parameter timeColumn)"],
  ];
  it.each(cases)('names the parameter and the column a file lacks: %o', async (params, message) => {
    await expect(run(sessions(), params)).rejects.toThrow(message);
  });

  it('refuses the target as a feature treatment or split key', async () => {
    await expect(run(sessions(), { targetEncodeColumns: ['value'] })).rejects.toThrow("Target-encoded column 'value' is the target (parameter targetEncodeColumns)");
  });

  it('refuses a log transform of a non-numeric column and target encoding of a timestamp', async () => {
    await expect(run(sessions(), { log1pColumns: ['channel'] })).rejects.toThrow("Column 'channel' is categorical (parameter log1pColumns): only numeric columns take a log transform");
    await expect(run(usersAndTimes(), { targetEncodeColumns: ['at'] })).rejects.toThrow("Column 'at' is a timestamp (parameter targetEncodeColumns)");
    await expect(run(usersAndTimes(), { split: 'time', timeColumn: 'channel' })).rejects.toThrow("Time column 'channel' is categorical (parameter timeColumn): a time split needs a timestamp or a number");
  });

  it('asks for the key a group or time split needs, and for one transform per column', () => {
    expect(encodeCell.check!({ ...encodeCell.defaults(), split: 'group' })).toEqual([{ path: 'groupColumn', message: 'The group split needs a group column (the user id)' }]);
    expect(encodeCell.check!({ ...encodeCell.defaults(), split: 'time' })[0].path).toBe('timeColumn');
    expect(encodeCell.check!({ ...encodeCell.defaults(), log1pColumns: ['pages'], signedLogColumns: ['pages'] })[0].path).toBe('signedLogColumns');
  });
});

describe('Encode cell: split strategies', () => {
  it('keeps each user in one part and counts users per part', async () => {
    const output = await run(usersAndTimes(), { split: 'group', groupColumn: 'user', scaling: 'none' });
    const artifact = features(output);
    // With no scaling, "pages" is the row number, and the user is row / 4.
    const usersOf = (part: typeof artifact.train) => new Set(Array.from({ length: part.rows }, (_, r) => Math.floor(part.x[r * artifact.featureNames.length] / 4)));
    const [train, validation, test] = [artifact.train, artifact.validation, artifact.test].map(usersOf);
    for (const user of test) expect(train.has(user) || validation.has(user)).toBe(false);
    for (const user of validation) expect(train.has(user)).toBe(false);
    expect(output.view.parts.map((part) => part.groups)).toEqual([train.size, validation.size, test.size]);
    expect(output.view.split).toBe('group');
  });

  it('never makes features of the grouped split’s key, whatever its type', async () => {
    const source = usersAndTimes();
    const columns = source.columns.map((column) => (column.name === 'user' ? { ...column, type: 'categorical' as const } : column));
    const { view } = await run({ ...source, columns }, { split: 'group', groupColumn: 'user' });
    expect(view.features.some((feature) => feature.column === 'user')).toBe(false);
    expect(view.skipped).toContainEqual({ column: 'user', reason: expect.stringContaining('grouped split') });
  });

  it('trains on the earliest hours and tests on the latest, showing each part’s span', async () => {
    const { view } = await run(usersAndTimes(), { split: 'time', timeColumn: 'at' });
    // 200 hourly rows from 2024-01-01 00:00: test the last 40, validation the 16 before, train the first 144.
    expect(view.parts.map((part) => part.rows)).toEqual([144, 16, 40]);
    expect(view.parts.map((part) => part.span)).toEqual([
      { from: '2024-01-01 00:00', to: '2024-01-06 23:00' },
      { from: '2024-01-07 00:00', to: '2024-01-07 15:00' },
      { from: '2024-01-07 16:00', to: '2024-01-09 07:00' },
    ]);
  });

  it('stops a time split whose time column has gaps, saying how many', async () => {
    const source = usersAndTimes();
    const table = source.table.derive({ at: aq.escape((d: { pages: number; at: number }) => (d.pages % 50 === 0 ? null : d.at)) });
    await expect(run({ ...source, table }, { split: 'time', timeColumn: 'at' })).rejects.toThrow("Time column 'at' is missing in 4 rows with a target (parameter timeColumn)");
  });

  it('keeps the split a column names, and never makes a feature of that column', async () => {
    const source = sessions();
    // The first 30 rows test, whatever their labels' case and spacing; no row validates.
    const table = source.table.assign(aq.table({ part: Array.from({ length: 200 }, (_, i) => (i < 30 ? ' Test ' : 'train')) }));
    const output = await run({ ...source, table, columns: [...source.columns, { name: 'part', type: 'categorical' }] }, { split: 'column', splitColumn: 'part', scaling: 'none' });
    const artifact = features(output);
    // With no scaling, "pages" is the row number.
    expect(Array.from({ length: artifact.test.rows }, (_, r) => artifact.test.x[r * artifact.featureNames.length])).toEqual(Array.from({ length: 30 }, (_, i) => i));
    // Validation: round(170 · 0.1) rows drawn from the training rows.
    expect(output.view.parts.map((part) => part.rows)).toEqual([153, 17, 30]);
    expect(output.view.split).toBe('column');
    expect(output.view.features.some((feature) => feature.column === 'part')).toBe(false);
    expect(output.view.skipped).toContainEqual({ column: 'part', reason: expect.stringContaining('split column') });
  });

  it('stops a split column with a row that names no part, or with no test rows, saying which', async () => {
    const source = sessions();
    const withParts = (parts: (string | null)[]) => ({ ...source, table: source.table.assign(aq.table({ part: parts })), columns: [...source.columns, { name: 'part', type: 'categorical' as const }] });
    const labels = Array.from({ length: 200 }, (_, i) => (i < 40 ? 'test' : 'train'));
    await expect(run(withParts(labels.map((label, i) => (i % 50 === 7 ? 'dev' : i === 9 ? null : label))), { split: 'column', splitColumn: 'part' })).rejects.toThrow(
      "Split column 'part' names no part in 5 rows with a target, e.g. 'dev' (parameter splitColumn): each row needs train, validation or test",
    );
    await expect(run(withParts(labels.map(() => 'train')), { split: 'column', splitColumn: 'part' })).rejects.toThrow("The test split has no rows (200 rows have a target): split column 'part' names no test row");
    expect(encodeCell.check!({ ...encodeCell.defaults(), split: 'column' })).toEqual([{ path: 'splitColumn', message: 'The column split needs a split column (train, validation or test in each row)' }]);
  });

  it('reports the target mean, share of zeros and maximum of each part', async () => {
    const { view, artifact } = await run(sessions());
    if (artifact?.kind !== 'features') throw new Error('expected features');
    const y = Array.from(artifact.test.y);
    expect(view.parts[2]).toMatchObject({ part: 'test', rows: 40, targetMax: Math.max(...y), targetMean: y.reduce((sum, value) => sum + value, 0) / 40 });
  });
});

describe('Encode cell: encodings and target transform', () => {
  it('target-encodes a chosen column: training rows out of fold, other rows with the full training table', async () => {
    const source = usersAndTimes();
    const output = await run(source, { targetEncodeColumns: ['country'], exclude: ['at'], scaling: 'none' });
    const artifact = features(output);
    expect(output.view.features.find((item) => item.name === 'te(country)')!.encoding).toContain('out-of-fold over 5 folds');
    const width = artifact.featureNames.length;
    const column = artifact.featureNames.indexOf('te(country)');
    // With no scaling the first feature, "pages", is the table row.
    const columnOf = (part: typeof artifact.train) => Array.from({ length: part.rows }, (_, r) => part.x[r * width + column]);
    const tableRowsOf = (part: typeof artifact.train) => Array.from({ length: part.rows }, (_, r) => part.x[r * width]);
    const fullTable = (part: typeof artifact.train) => {
      const x = encodeRows(artifact.encoding!, source.table, tableRowsOf(part));
      return Array.from({ length: part.rows }, (_, r) => x[r * width + column]);
    };
    expect(columnOf(artifact.validation)).toEqual(fullTable(artifact.validation));
    expect(columnOf(artifact.test)).toEqual(fullTable(artifact.test));
    const train = columnOf(artifact.train);
    const full = fullTable(artifact.train);
    expect(train.filter((value, r) => value !== full[r]).length).toBeGreaterThan(artifact.train.rows / 2);
  });

  it('encodes rows of a new table whose categories never appeared in training without failing', async () => {
    const artifact = features(await run(usersAndTimes(), { targetEncodeColumns: ['country'], oneHotMaxLevels: 2, scaling: 'none' }));
    const fresh = aq.table({ pages: [3], channel: ['carrier pigeon'], value: [0], user: ['new'], at: [Date.UTC(2025, 5, 1)], country: ['Atlantis'] });
    const x = encodeRows(artifact.encoding!, fresh, [0]);
    expect(Array.from(x).every(Number.isFinite)).toBe(true);
    const encoder = artifact.encoding!.encoders.find((item): item is TargetEncoder => item.kind === 'target')!;
    // An unseen country takes the training prior; an unseen channel frequency 0.
    expect(x[artifact.featureNames.indexOf('te(country)')]).toBeCloseTo(encoder.prior, 4);
    expect(x[artifact.featureNames.indexOf('channel:frequency')]).toBe(0);
  });

  it('keeps targets in their units, records log1p, and target-encodes with log1p(target)', async () => {
    const output = await run(usersAndTimes(), { targetTransform: 'log1p', targetEncodeColumns: ['country'] });
    const artifact = features(output);
    expect(artifact.targetTransform).toBe('log1p');
    expect(Math.max(...artifact.train.y)).toBeGreaterThan(20);
    expect(output.summary.target_transform).toBe('log1p');
    expect(output.view.features.find((item) => item.name === 'te(country)')!.encoding).toContain('mean log1p(value) per level');
  });

  it('refuses log1p for a target with negative values', async () => {
    const source = sessions();
    const table = source.table.derive({ value: aq.escape((d: { pages: number; value: number }) => (d.pages === 7 ? -2 : d.value)) });
    await expect(run({ ...source, table }, { targetTransform: 'log1p' })).rejects.toThrow("Target column 'value' has a negative value (-2)");
  });

  it('suggests a log transform for a skewed column and stops once it is applied', async () => {
    const source = sessions();
    const table = source.table.derive({ pages: aq.escape((d: { pages: number }) => (d.pages % 20 === 0 ? 10_000 + d.pages : d.pages % 3)) });
    const skewed = await run({ ...source, table });
    expect(skewed.view.skewed.map((item) => [item.column, item.transform])).toEqual([['pages', 'log1p']]);
    const treated = await run({ ...source, table }, { log1pColumns: ['pages'] });
    expect(treated.view.skewed).toEqual([]);
    expect(treated.view.features[0].encoding).toContain('log1p');
  });

  it('log-transforms skewed columns itself when asked, signed-log where values go below 0', async () => {
    const source = sessions();
    const table = source.table.derive({
      pages: aq.escape((d: { pages: number }) => (d.pages % 20 === 0 ? 10_000 + d.pages : d.pages % 3)),
      channel: aq.escape((d: { pages: number }) => (d.pages % 25 === 0 ? 5_000 : -(d.pages % 4))),
    });
    const columns = source.columns.map((column) => (column.name === 'channel' ? { ...column, type: 'number' as const } : column));
    const plain = await run({ ...source, table, columns }, { scaling: 'none' });
    const logged = await run({ ...source, table, columns }, { scaling: 'none', logSkewed: true });
    expect(logged.view.logged).toEqual(plain.view.skewed);
    expect(logged.view.logged.map((item) => [item.column, item.transform])).toEqual([
      ['pages', 'log1p'],
      ['channel', 'signed-log'],
    ]);
    expect(logged.view.skewed).toEqual([]);
    // With no scaling, the pages feature is log1p of 0, 1 or 2, or of 10,000 + i.
    const artifact = features(logged);
    const width = artifact.featureNames.length;
    const small = [0, 1, 2].map(Math.log1p);
    for (let r = 0; r < artifact.train.rows; r++) {
      const value = artifact.train.x[r * width];
      expect(small.some((expected) => Math.abs(value - expected) < 1e-6) || (value >= Math.log1p(10_000) && value < Math.log1p(10_200))).toBe(true);
    }
    expect(plain.view.logged).toEqual([]);
  });

  it('hands embedded categories to the model as codes beside the matrix', async () => {
    const output = await run(sessions(), { embedColumns: ['channel'], embeddingSize: 4, scaling: 'none' });
    const artifact = features(output);
    // Three channels, each frequent in training, and code 0 for any other.
    expect(artifact.embeddings).toEqual([{ column: 'channel', levels: 4, size: 4 }]);
    expect(artifact.featureNames).toEqual(['pages']);
    for (const part of [artifact.train, artifact.validation, artifact.test]) expect(part.codes).toHaveLength(part.rows);
    expect(output.view.shape).toMatchObject({ columns: artifact.featureNames.length, embedded: 1 });
    expect(output.view.features.at(-1)).toMatchObject({ name: 'emb(channel)', column: 'channel' });
    // With no scaling "pages" is the row number i, whose channel is ads, search, direct in turn.
    const levels = artifact.encoding!.embeddings[0].levels;
    for (const part of [artifact.train, artifact.validation, artifact.test]) {
      for (let r = 0; r < part.rows; r++) expect(levels[part.codes![r] - 1]).toBe(['ads', 'search', 'direct'][part.x[r] % 3]);
    }
    expect(output.summary.embedded_columns).toBe(1);
  });

  it('refuses a column listed for both target encoding and an embedding', async () => {
    await expect(run(usersAndTimes(), { embedColumns: ['country'], targetEncodeColumns: ['country'] })).rejects.toThrow("'country' is listed for both target encoding and an embedding");
  });

  it('prints a checksum of the matrices that repeats for the same seed and changes with another', async () => {
    const first = await run(sessions());
    const second = await run(sessions());
    const other = await run(sessions(), { seed: 7 });
    expect(first.summary.feature_checksum).toMatch(/^[0-9a-f]{14}$/);
    expect(second.summary.feature_checksum).toBe(first.summary.feature_checksum);
    expect(other.summary.feature_checksum).not.toBe(first.summary.feature_checksum);
    expect(first.view.checksum).toBe(first.summary.feature_checksum);
  });
});
