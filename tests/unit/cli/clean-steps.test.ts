import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runner } from './run-cli';
import { CLEAN_OPERATIONS } from '../../../src/core/data/clean/operations';
import { SCHEMA_VERSION } from '../../../src/core/notebook/document';
import { generateSessionsBytes } from '../../../src/core/sample/sessions';

const scratch = mkdtempSync(join(tmpdir(), 'clean-steps-'));
const data = join(scratch, 'sessions.csv');
writeFileSync(data, generateSessionsBytes(3000, 11));

function notebookWith(steps: Record<string, unknown>[]): string {
  const path = join(scratch, `clean-${Math.random().toString(36).slice(2)}.json`);
  const cells = [
    { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
    { id: 'clean', kind: 'clean', params: { steps } },
  ];
  writeFileSync(path, JSON.stringify({ schemaVersion: SCHEMA_VERSION, id: 'clean-steps', title: 'Every Clean step', cells }));
  return path;
}

/** `clean done 12 ms rows=590 columns=20 ...` → its figures. */
function cleanFigures(stdout: string): Record<string, string> {
  const line = stdout.split('\n').find((text) => text.startsWith('clean'))!;
  expect(line).toMatch(/^clean\s+done\s/);
  return Object.fromEntries([...line.matchAll(/(\w+)=(\S+)/g)].map(([, key, value]) => [key, value]));
}

const everyStep = [
  { op: 'junk-tokens', tokens: ['not available in demo dataset', '(not set)', 'unknown.unknown'], emptyText: true, columns: [] },
  { op: 'retype' },
  { op: 'drop-columns', columns: ['geoNetwork.networkDomain'] },
  { op: 'type-fix', columns: ['visitNumber'], to: 'categorical' },
  { op: 'blanks-as-zero', columns: [] },
  { op: 'fill-missing', columns: ['totals.pageviews'], method: 'indicator', value: '' },
  { op: 'fill-missing', columns: ['totals.pageviews'], method: 'median', value: '' },
  { op: 'fill-missing', columns: ['geoNetwork.city'], method: 'missing-category', value: '' },
  { op: 'cap-outliers', columns: ['totals.pageviews', 'totals.hits'], method: 'value', sides: 'upper', lower: 0, upper: 100 },
  { op: 'drop-constant' },
  { op: 'drop-mostly-missing', maxMissingShare: 0.95 },
  { op: 'drop-identifiers' },
  { op: 'drop-duplicates', columns: [] },
  { op: 'filter-rows', expression: 'd => d["totals.pageviews"] >= 1' },
  { op: 'derive-column', name: 'hitsPerView', expression: 'd["totals.hits"] / d["totals.pageviews"]' },
  { op: 'fill-target' },
];

describe('notebook runner, Clean steps', () => {
  it('lists every kind of Clean step in this notebook', () => {
    expect(new Set(everyStep.map((step) => step.op))).toEqual(new Set(CLEAN_OPERATIONS.map((operation) => operation.op)));
  });

  it('runs every kind of Clean step from the notebook JSON', async () => {
    const outcome = await runner('run', notebookWith(everyStep), '--data', data);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const figures = cleanFigures(outcome.stdout);
    // 23 columns − networkDomain − totals.visits, socialEngagementType (constant) − fullVisitorId + pageviews indicator + hitsPerView.
    expect(figures).toMatchObject({ rows: '3000', columns: '21', dropped: '4', added: '2', rowsRemoved: '0' });
    expect(Number(figures.valuesChanged)).toBeGreaterThan(0);
  }, 60_000);

  it('stops at a step naming a column the data lacks, naming the step and the column', async () => {
    const outcome = await runner('run', notebookWith([{ op: 'retype' }, { op: 'cap-outliers', columns: ['pageViews'], method: 'value', upper: 100 }]), '--data', data);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim()).toBe('error: cell 2 (clean): Step 2 (Cap outliers): column “pageViews” is not in the table');
  }, 60_000);

  it('names a step whose expression does not parse', async () => {
    const outcome = await runner('run', notebookWith([{ op: 'filter-rows', expression: 'd["totals.hits"] >' }]), '--data', data);
    expect(outcome.stderr.trim()).toMatch(/^error: cell 2 \(clean\): Step 1 \(Filter rows\): it is not a valid expression/);
  }, 60_000);
});
