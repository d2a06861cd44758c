import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanCell, type CleanParams } from '../../../src/core/cells/clean';
import { loadCell } from '../../../src/core/cells/load';
import { validateParams } from '../../../src/core/cells/params';
import type { OperationItem, TableArtifact } from '../../../src/core/cells/types';
import { generateSessionsBytes } from '../../../src/core/sample/sessions';
import { csvDataset, dataRunContext } from './run-context';

const REAL_DATA = fileURLToPath(new URL('../../../../shared/data/online_shoppers_intention.csv', import.meta.url));

async function loaded(dataset: { name: string; bytes: Uint8Array }, target = 'purchaseValue'): Promise<TableArtifact> {
  return (await loadCell.run({ dataset }, { target }, dataRunContext())).artifact as TableArtifact;
}

const withSteps = (steps: OperationItem[]): CleanParams => ({ steps });
const defaultSteps = () => cleanCell.defaults().steps;
/** The default steps with the item of kind `op` changed by `patch`. */
const changedDefault = (op: string, patch: Record<string, unknown>) => withSteps(defaultSteps().map((step) => (step.op === op ? { ...step, ...patch } : step)));

describe('clean cell', () => {
  const csv = [
    'pages,bounces,visits,city,medium,purchaseValue',
    '3,1,1,Paris,(none),',
    '(not set),,1,not available in demo dataset,organic,20',
    '12,1,1,(not set),(none),',
    '5,,1,Lyon,cpc,0',
  ].join('\n');
  const run = async (params: CleanParams, text = csv) => cleanCell.run({ table: await loaded(csvDataset(text)) }, params, dataRunContext());

  it('runs the default steps in order: junk → missing, re-type, blanks → 0, drop constant, drop missing, fill target', async () => {
    const source = await loaded(csvDataset(csv));
    const output = await cleanCell.run({ table: source }, cleanCell.defaults(), dataRunContext());
    const cleaned = output.artifact as TableArtifact;
    expect(output.view.steps.map((step) => step.op)).toEqual(['junk-tokens', 'retype', 'blanks-as-zero', 'drop-constant', 'drop-mostly-missing', 'fill-target']);
    expect(cleaned.table.columnNames()).toEqual(['pages', 'bounces', 'city', 'medium', 'purchaseValue']);
    expect(cleaned.columns.find((column) => column.name === 'pages')?.type).toBe('number');
    expect(cleaned.table.array('pages')).toEqual([3, null, 12, 5]);
    expect(cleaned.table.array('bounces')).toEqual([1, 0, 1, 0]);
    expect(cleaned.table.array('city')).toEqual(['Paris', null, null, 'Lyon']);
    expect(cleaned.table.array('medium')).toEqual(['(none)', 'organic', '(none)', 'cpc']);
    expect(cleaned.table.array('purchaseValue')).toEqual([0, 20, 0, 0]);
    // Added to what Load read as missing, column by column.
    expect(cleaned.missingTokens.pages).toEqual({ ...source.missingTokens.pages, '(not set)': 1 });
    expect(cleaned.missingTokens.city).toEqual({ ...source.missingTokens.city, 'not available in demo dataset': 1, '(not set)': 1 });
    expect(output.summary).toMatchObject({ rows: 4, columns: 5, dropped: 1, retyped: 1 });
  });

  it('gives each step its "what changed" line', async () => {
    const { view } = await run(cleanCell.defaults());
    expect(view.steps.map((step) => step.line)).toEqual(['3 values in 2 rows', '1 column changed', '2 values in 2 rows', '1 column dropped', 'no change', '2 values in 2 rows']);
    expect(view.steps[3].report.changes).toEqual([{ column: 'visits', detail: 'dropped: is constant (1)' }]);
  });

  it('follows the order of the list: a 1-or-blank column is dropped as constant when its blanks are filled later', async () => {
    const steps = defaultSteps();
    const [junk, retype, blanks, dropConstant, ...rest] = steps;
    const output = await run(withSteps([junk, retype, dropConstant, blanks, ...rest]));
    expect((output.artifact as TableArtifact).table.columnNames()).not.toContain('bounces');
  });

  it('shows what a step switched off would change, and passes the table through unchanged', async () => {
    const output = await run(changedDefault('blanks-as-zero', { enabled: false }));
    const off = output.view.steps[2];
    expect(off).toMatchObject({ op: 'blanks-as-zero', enabled: false, line: 'off · would change: 2 values in 2 rows' });
    // Not filled, bounces is constant and the next step drops it.
    expect((output.artifact as TableArtifact).table.columnNames()).not.toContain('bounces');
    expect(output.summary.valuesChanged).toBe(5);
  });

  it('reports a step switched off that would fail, without failing the cell', async () => {
    const output = await run(withSteps([...defaultSteps(), { op: 'drop-columns', enabled: false, columns: ['sessionId'] }]));
    expect(output.view.steps.at(-1)).toMatchObject({ enabled: false, line: 'would fail' });
    expect(output.view.steps.at(-1)!.report.warnings).toEqual(['Would fail: column “sessionId” is not in the table']);
  });

  it('fails a step naming a column the table lacks, with the step’s place and kind', async () => {
    await expect(run(withSteps([{ op: 'cap-outliers', columns: ['totals.pageviews'], method: 'value', upper: 100 }]))).rejects.toThrow(
      'Step 1 (Cap outliers): column “totals.pageviews” is not in the table',
    );
    await expect(run(withSteps([{ op: 'filter-rows', expression: 'd.pageViews > 1' }]))).rejects.toThrow(/^Step 1 \(Filter rows\): column “pageViews” is not in the table/);
  });

  it('runs every kind of step from saved items, missing parameters taken from the step’s defaults', async () => {
    const output = await run(
      withSteps([
        ...defaultSteps(),
        { op: 'drop-duplicates' },
        { op: 'filter-rows', expression: 'd => d.pages == null || d.pages < 10' },
        { op: 'fill-missing', method: 'median', columns: ['pages'] },
        { op: 'derive-column', name: 'pagesPerBounce', expression: 'd.pages * 2' },
        { op: 'type-fix', columns: ['bounces'], to: 'boolean' },
        { op: 'cap-outliers', columns: ['pages'], method: 'value', upper: 4 },
        { op: 'drop-columns', columns: ['medium'] },
      ]),
    );
    const cleaned = output.artifact as TableArtifact;
    expect(cleaned.table.array('pages')).toEqual([3, 4, 4]);
    expect(cleaned.table.array('pagesPerBounce')).toEqual([6, 8, 10]);
    expect(cleaned.table.array('bounces')).toEqual([true, false, false]);
    expect(cleaned.table.columnNames()).toEqual(['pages', 'bounces', 'city', 'purchaseValue', 'pagesPerBounce']);
    expect(output.summary).toMatchObject({ rows: 3, rowsRemoved: 1, added: 1, dropped: 2 });
  });

  it('suggests steps from the cleaned table with their would-be lines, without applying them', async () => {
    const output = await run(changedDefault('drop-constant', { enabled: false }));
    const cleaned = output.artifact as TableArtifact;
    expect(cleaned.table.columnNames()).toContain('visits');
    expect(output.view.suggestions.map((suggestion) => [suggestion.step.op, suggestion.line])).toEqual([['drop-constant', '1 column dropped']]);
    expect(output.view.ranSteps).toEqual(output.view.steps.map((_, index) => changedDefault('drop-constant', { enabled: false }).steps[index]));
  });

  it('checks each step’s parameters by its own fields, naming the item', () => {
    expect(validateParams(cleanCell, changedDefault('drop-mostly-missing', { maxMissingShare: 1.5 }))).toEqual([
      { path: 'steps', message: 'Steps: item 5 (Drop mostly-missing columns), Drop above this missing share: must be at most 1' },
    ]);
    expect(validateParams(cleanCell, withSteps([{ op: 'sort' }]))[0].message).toMatch(/item 1: expected one of junk-tokens/);
    expect(validateParams(cleanCell, cleanCell.defaults())).toEqual([]);
  });

  it('cleans the sample: placeholders gone, indicators filled, constant GA columns dropped, the visitor id suggested for dropping', async () => {
    const output = await cleanCell.run({ table: await loaded({ name: 'sample.csv', bytes: generateSessionsBytes(3000, 3) }) }, cleanCell.defaults(), dataRunContext());
    const cleaned = output.artifact as TableArtifact;
    expect(cleaned.table.columnNames()).not.toContain('totals.visits');
    expect(cleaned.table.columnNames()).not.toContain('socialEngagementType');
    expect(cleaned.table.array('geoNetwork.city')).not.toContain('not available in demo dataset');
    expect(new Set(cleaned.table.array('totals.bounces'))).toEqual(new Set([0, 1]));
    expect(cleaned.missingTokens['geoNetwork.city']['not available in demo dataset']).toBeGreaterThan(0);
    expect(cleaned.target).toBe('purchaseValue');
    const identifiers = output.view.suggestions.find((suggestion) => suggestion.step.op === 'drop-identifiers');
    expect(identifiers?.report.columnsDropped).toContain('fullVisitorId');
    expect(cleaned.table.columnNames()).toContain('fullVisitorId');
  });

  it('keeps the real shoppers file intact: no junk, no constant columns', async () => {
    const table = await loaded({ name: 'online_shoppers_intention.csv', bytes: readFileSync(REAL_DATA) }, 'PageValues');
    const output = await cleanCell.run({ table }, cleanCell.defaults(), dataRunContext());
    const cleaned = output.artifact as TableArtifact;
    expect(cleaned.table.numRows()).toBe(12_330);
    expect(cleaned.columns).toEqual(table.columns);
    expect(output.summary).toMatchObject({ dropped: 0, valuesChanged: 0 });
  });

  it('asks for a table when there is none', async () => {
    await expect(cleanCell.run({}, cleanCell.defaults(), dataRunContext())).rejects.toThrow(/needs a table/);
  });
});
