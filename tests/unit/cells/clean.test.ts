import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanCell } from '../../../src/core/cells/clean';
import { loadCell } from '../../../src/core/cells/load';
import type { TableArtifact } from '../../../src/core/cells/types';
import { generateSessionsBytes } from '../../../src/core/sample/sessions';
import { csvDataset, dataRunContext } from './run-context';

const REAL_DATA = fileURLToPath(new URL('../../../../shared/data/online_shoppers_intention.csv', import.meta.url));

async function loaded(dataset: { name: string; bytes: Uint8Array }, target = 'purchaseValue'): Promise<TableArtifact> {
  return (await loadCell.run({ dataset }, { target }, dataRunContext())).artifact as TableArtifact;
}

describe('clean cell', () => {
  const csv = [
    'pages,bounces,visits,city,medium,purchaseValue',
    '3,1,1,Paris,(none),',
    '(not set),,1,not available in demo dataset,organic,20',
    '12,1,1,(not set),(none),',
    '5,,1,Lyon,cpc,0',
  ].join('\n');

  it('runs the steps in order: junk → missing, re-type, blanks → 0, drop constant, drop missing, fill target', async () => {
    const output = await cleanCell.run({ table: await loaded(csvDataset(csv)) }, cleanCell.defaults(), dataRunContext());
    const cleaned = output.artifact as TableArtifact;
    expect(output.view.steps.map((step) => step.step)).toEqual(['junk-tokens', 'retype', 'blanks-as-zero', 'drop-constant', 'drop-mostly-missing', 'fill-target']);
    expect(cleaned.table.columnNames()).toEqual(['pages', 'bounces', 'city', 'medium', 'purchaseValue']);
    expect(cleaned.columns.find((column) => column.name === 'pages')?.type).toBe('number');
    expect(cleaned.table.array('pages')).toEqual([3, null, 12, 5]);
    expect(cleaned.table.array('bounces')).toEqual([1, 0, 1, 0]);
    expect(cleaned.table.array('city')).toEqual(['Paris', null, null, 'Lyon']);
    expect(cleaned.table.array('medium')).toEqual(['(none)', 'organic', '(none)', 'cpc']);
    expect(cleaned.table.array('purchaseValue')).toEqual([0, 20, 0, 0]);
    expect(output.summary).toMatchObject({ rows: 4, columns: 5, dropped: 1, retyped: 1 });
  });

  it('drops a 1-or-blank column as constant when its blanks are not filled first', async () => {
    const output = await cleanCell.run({ table: await loaded(csvDataset(csv)) }, { ...cleanCell.defaults(), fillBlanksAsZero: false }, dataRunContext());
    expect((output.artifact as TableArtifact).table.columnNames()).not.toContain('bounces');
  });

  it('drops mostly-missing columns by the share limit', async () => {
    const output = await cleanCell.run({ table: await loaded(csvDataset(csv)) }, { ...cleanCell.defaults(), maxMissingShare: 0.4 }, dataRunContext());
    // city is 2 of 4 missing after junk removal: 50% > 40%.
    expect(output.view.steps[4].columnsDropped).toEqual(['city']);
  });

  it('leaves everything but the listed junk tokens', async () => {
    const output = await cleanCell.run({ table: await loaded(csvDataset(csv)) }, { ...cleanCell.defaults(), junkTokens: [] }, dataRunContext());
    const cleaned = output.artifact as TableArtifact;
    expect(cleaned.columns.find((column) => column.name === 'pages')?.type).toBe('categorical');
    expect(cleaned.table.array('city')).toContain('(not set)');
  });

  it('rejects a missing share outside 0..1 through its parameter spec', async () => {
    const { validateParams } = await import('../../../src/core/cells/params');
    expect(validateParams(cleanCell, { maxMissingShare: 1.5 })[0]).toMatchObject({ path: 'maxMissingShare' });
  });

  it('cleans the sample: placeholders gone, indicators filled, constant GA columns dropped', async () => {
    const output = await cleanCell.run({ table: await loaded({ name: 'sample.csv', bytes: generateSessionsBytes(3000, 3) }) }, cleanCell.defaults(), dataRunContext());
    const cleaned = output.artifact as TableArtifact;
    expect(cleaned.table.columnNames()).not.toContain('totals.visits');
    expect(cleaned.table.columnNames()).not.toContain('socialEngagementType');
    expect(cleaned.table.array('geoNetwork.city')).not.toContain('not available in demo dataset');
    expect(new Set(cleaned.table.array('totals.bounces'))).toEqual(new Set([0, 1]));
    expect(cleaned.target).toBe('purchaseValue');
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
