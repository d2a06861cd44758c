import { describe, expect, it } from 'vitest';
import { loadCell } from '../../../src/core/cells/load';
import { validateParams } from '../../../src/core/cells/params';
import { segmentCell, type SegmentParams } from '../../../src/core/cells/segment';
import { CancelledError, CellError, type TableArtifact } from '../../../src/core/cells/types';
import { asNumber } from '../../../src/core/data/numeric-values';
import { generateSessionsCsv } from '../../../src/core/sample/sessions';
import { tableArtifact } from '../data/table-fixture';
import { csvDataset, dataRunContext } from './run-context';

const FEATURES = ['totals.hits', 'totals.pageviews', 'totals.timeOnSite'];
const sessions = (await loadCell.run({ dataset: csvDataset(generateSessionsCsv(1500, 17)) }, { ...loadCell.defaults(), target: 'purchaseValue' }, dataRunContext()))
  .artifact as TableArtifact;

const params = (patch: Partial<SegmentParams> = {}): SegmentParams => ({ ...segmentCell.defaults(), features: FEATURES, restarts: 3, ...patch });
const run = (patch: Partial<SegmentParams> = {}, table: TableArtifact = sessions) => segmentCell.run({ table }, params(patch), dataRunContext());

/** Rows with a number in every one of the features, straight from the table. */
function completeRows(table: TableArtifact, features: readonly string[]): number[] {
  const columns = features.map((name) => table.table.array(name) as ArrayLike<unknown>);
  return Array.from({ length: table.table.numRows() }, (_, row) => row).filter((row) => columns.every((values) => asNumber(values[row]) !== null));
}

describe('segment cell', () => {
  it('adds a segment column, empty exactly where a feature is missing', async () => {
    const output = await run({ k: '3' });
    const segmented = output.artifact as TableArtifact;
    expect(segmented.columns.at(-1)).toEqual({ name: 'segment', type: 'categorical' });
    expect(segmented.columns.slice(0, -1)).toEqual(sessions.columns);
    expect(segmented.target).toBe('purchaseValue');
    const complete = new Set(completeRows(sessions, FEATURES));
    expect(complete.size).toBeLessThan(sessions.table.numRows());
    const labels = segmented.table.array('segment') as (string | null)[];
    labels.forEach((label, row) => expect(label === null).toBe(!complete.has(row)));
    expect(new Set(labels.filter((label) => label !== null))).toEqual(new Set(['Segment 1', 'Segment 2', 'Segment 3']));
    expect(output.view.rowsUsed).toBe(complete.size);
    expect(output.summary.rows_left_out).toBe(sessions.table.numRows() - complete.size);
    expect(output.view.missing.map((entry) => entry.feature)).toContain('totals.pageviews');
  });

  it('profiles each segment against the rows it labelled', async () => {
    const output = await run({ k: '3' });
    const segmented = output.artifact as TableArtifact;
    const labels = segmented.table.array('segment') as (string | null)[];
    const targets = segmented.table.array('purchaseValue') as (number | null)[];
    const hits = segmented.table.array('totals.hits') as number[];
    output.view.profiles.segments.forEach((profile, index) => {
      const rows = labels.flatMap((label, row) => (label === output.view.names[index] ? [row] : []));
      expect(profile.rows).toBe(rows.length);
      expect(profile.means[0]).toBeCloseTo(rows.reduce((sum, row) => sum + hits[row], 0) / rows.length, 9);
      const withTarget = rows.filter((row) => targets[row] !== null);
      expect(profile.conversionRate).toBeCloseTo(withTarget.filter((row) => targets[row]! > 0).length / withTarget.length, 12);
    });
    const sizes = output.view.profiles.segments.map((profile) => profile.rows);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(output.view.rowsUsed);
  });

  it('suggests k from the silhouette when k is auto, and shows the scan', async () => {
    const output = await run();
    expect(output.view.chosenBy).toBe('silhouette');
    expect(output.view.scan.map((point) => point.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = output.view.scan.reduce((top, point) => (point.silhouette! > top.silhouette! ? point : top));
    expect(output.view.k).toBe(best.k);
    expect(output.summary.silhouette).toBe(output.view.silhouette);
    expect(output.view.silhouetteExact).toBe(true);
  });

  it('writes the names given, largest segment first, and "Segment n" where none is given', async () => {
    const output = await run({ k: '3', names: ['Browsers', ' '] });
    expect(output.view.names).toEqual(['Browsers', 'Segment 2', 'Segment 3']);
    const labels = (output.artifact as TableArtifact).table.array('segment') as (string | null)[];
    expect(labels.filter((label) => label === 'Browsers').length).toBe(output.view.profiles.segments[0].rows);
  });

  it('repeats the same segments for the same seed', async () => {
    const first = await run({ k: '4', seed: 5 });
    const second = await run({ k: '4', seed: 5 });
    expect((second.artifact as TableArtifact).table.array('segment')).toEqual((first.artifact as TableArtifact).table.array('segment'));
    expect(second.view).toEqual(first.view);
  });

  it('defaults to every numeric column except the target', async () => {
    const table = tableArtifact(
      { a: ['number', [1, 2, 3, 10, 11, 12]], label: ['categorical', ['x', 'y', 'x', 'y', 'x', 'y']], b: ['number', [0, 1, 0, 5, 6, 5]], spend: ['number', [0, 0, 3, 0, 9, 0]] },
      'spend',
    );
    const output = await run({ features: [], k: '2' }, table);
    expect(output.view.features).toEqual(['a', 'b']);
    expect(output.view.profiles.segments.map((profile) => profile.rows)).toEqual([3, 3]);
  });

  it('names the sparsest features when too few rows are complete', async () => {
    await expect(run({ features: [], k: '2' })).rejects.toThrow(/Only 0 rows have a number in every feature; k = 2 needs at least 3 \(missing most: totals\.bounces/);
  });

  it('keeps the scatter to a sample with one segment per point', async () => {
    const output = await run({ k: '3' });
    const { scatter } = output.view;
    expect(scatter.x.length).toBe(Math.min(5000, output.view.rowsUsed));
    expect(scatter.y.length).toBe(scatter.x.length);
    expect(scatter.segment.every((segment) => segment >= 0 && segment < 3)).toBe(true);
    expect(output.view.explainedVarianceRatio).toHaveLength(2);
  });

  it('names a missing or non-numeric feature column', async () => {
    await expect(run({ features: ['totals.hits', 'nope'] })).rejects.toThrow(/Features: column 'nope' is not in the table/);
    await expect(run({ features: ['channelGrouping'] })).rejects.toThrow(/column 'channelGrouping' is categorical/);
  });

  it('refuses an output column the table already has', async () => {
    await expect(run({ column: 'channelGrouping' })).rejects.toThrow(/Output column 'channelGrouping' is already in the table/);
  });

  it('refuses a k the complete rows cannot fill', async () => {
    const tiny = tableArtifact({ a: ['number', [1, 2, 3, null]], b: ['number', [1, 5, 2, 2]] });
    await expect(run({ features: ['a', 'b'], k: '3' }, tiny)).rejects.toThrow(/^Only 3 rows have a number in every feature; k = 3 needs at least 4 \(missing most: a: 1 row;/);
  });

  it('flags repeated segment names and an empty output column as parameter issues', () => {
    const issues = validateParams(segmentCell, { names: ['A', 'B', 'A'], column: ' ' });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['column', 'names']);
    expect(validateParams(segmentCell, { k: '1' })[0].path).toBe('k');
  });

  it('refuses a name that repeats a default one', async () => {
    await expect(run({ k: '2', names: ['Segment 2'] })).rejects.toThrow("Segment names: 'Segment 2' names two segments");
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(segmentCell.run({ table: sessions }, params(), { ...dataRunContext(), signal: controller.signal })).rejects.toThrow(CancelledError);
  });

  it('marks a yes/no target, whose mean is its conversion rate', async () => {
    const table = tableArtifact({ a: ['number', [1, 2, 3, 10, 11, 12]], bought: ['boolean', [false, false, true, true, true, false]] }, 'bought');
    const output = await run({ features: ['a'], k: '2' }, table);
    expect(output.view.targetIsYesNo).toBe(true);
    expect(output.view.profiles.segments.map((profile) => profile.conversionRate)).toEqual([1 / 3, 2 / 3]);
    expect((await run({ k: '2' })).view.targetIsYesNo).toBe(false);
  });

  it('profiles without target figures when the table has no target', async () => {
    const output = await run({ k: '2' }, { ...sessions, target: null });
    expect(output.view.target).toBeNull();
    expect(output.view.profiles.overall.conversionRate).toBeNull();
    expect(output.view.notes.join(' ')).not.toMatch(/test rows/);
  });
});
