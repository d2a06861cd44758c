import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../../../src/cli/run-notebook';
import type { AggregateView } from '../../../src/core/cells/aggregate';
import type { EncodeView } from '../../../src/core/cells/encode';
import { resolveParams, validateParams } from '../../../src/core/cells/params';
import { getCellKind } from '../../../src/core/cells/registry';
import type { CellInput, TableArtifact } from '../../../src/core/cells/types';
import type { NotebookDocument } from '../../../src/core/notebook/document';
import { instantiateTemplate } from '../../../src/core/notebook/template';
import { generateClicksCsv } from '../../../src/core/sample/clicks';
import { dataRunContext } from '../cells/run-context';

const TEMPLATE = 'notebooks/clickstream-sessions.json';
const SESSIONS = 1500;
const csv = generateClicksCsv(SESSIONS, 2024);
const scratch = mkdtempSync(join(tmpdir(), 'clickstream-'));
const dataPath = join(scratch, 'clicks.csv');
writeFileSync(dataPath, csv);

/** The clicks without one column, as a shared notebook may meet them. */
function clicksWithout(column: string): string {
  const lines = csv.trim().split('\n').map((line) => line.split(','));
  const at = lines[0].indexOf(column);
  const path = join(scratch, `without-${column}.csv`);
  writeFileSync(path, lines.map((fields) => fields.filter((_, index) => index !== at).join(',')).join('\n'));
  return path;
}

/** The session features, computed here from the CSV text alone: no reader, no cell code. */
interface ExpectedSession {
  clicks: number;
  products_viewed: number;
  categories_viewed: number;
  mean_price: number;
  max_price: number;
  entry_category: string;
  exit_category: string;
  last_colour: string | null;
  sale_share: number;
  country: string;
  duration_s: number;
  start: number;
  purchase_value: number;
  previous_sessions: number;
  previous_spend: number;
}

function expectedSessions(text: string): Map<string, ExpectedSession> {
  const [header, ...lines] = text.trim().split('\n');
  const names = header.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((field, index) => [names[index], field])));
  const bySession = new Map<string, Record<string, string>[]>();
  for (const row of rows) bySession.set(row.session_id, [...(bySession.get(row.session_id) ?? []), row]);
  const sessions = new Map<string, ExpectedSession & { user: string }>();
  for (const [id, clicks] of bySession) {
    const timed = [...clicks].sort((a, b) => Date.parse(`${a.timestamp}Z`) - Date.parse(`${b.timestamp}Z`));
    const times = timed.map((click) => Date.parse(`${click.timestamp}Z`));
    const prices = clicks.map((click) => Number(click.price));
    const colours = timed.map((click) => click.colour).filter((colour) => colour !== '');
    sessions.set(id, {
      user: clicks[0].user_id,
      clicks: clicks.length,
      products_viewed: new Set(clicks.map((click) => click.product)).size,
      categories_viewed: new Set(clicks.map((click) => click.page_category)).size,
      mean_price: prices.reduce((sum, price) => sum + price, 0) / prices.length,
      max_price: Math.max(...prices),
      entry_category: timed[0].page_category,
      exit_category: timed[timed.length - 1].page_category,
      last_colour: colours.length > 0 ? colours[colours.length - 1] : null,
      sale_share: clicks.filter((click) => click.page_category === 'sale').length / clicks.length,
      country: timed[0].country,
      duration_s: (times[times.length - 1] - times[0]) / 1000,
      start: times[0],
      purchase_value: clicks.reduce((sum, click) => sum + Number(click.purchase_value), 0),
      previous_sessions: 0,
      previous_spend: 0,
    });
  }
  // History: each user's sessions that started strictly earlier.
  for (const session of sessions.values()) {
    for (const other of sessions.values()) {
      if (other.user === session.user && other.start < session.start) {
        session.previous_sessions++;
        session.previous_spend += other.purchase_value;
      }
    }
  }
  return sessions;
}

const expected = expectedSessions(csv);
const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as NotebookDocument;
const FEATURES = Object.keys(expected.values().next().value!) as (keyof ExpectedSession | 'user')[];

function expectSession(actual: Record<string, unknown>, session: ExpectedSession): void {
  for (const name of FEATURES) {
    if (name === 'user') continue;
    const value = session[name];
    if (typeof value === 'number') expect(actual[name], name).toBeCloseTo(value, 6);
    else expect(actual[name], name).toBe(value);
  }
}

/** Load → Clean → Aggregate with the template's own parameters, for the whole session table. */
async function aggregatedByTemplate(): Promise<TableArtifact> {
  let input: CellInput = { dataset: { name: 'clicks.csv', bytes: new TextEncoder().encode(csv) } };
  for (const cell of template.cells.slice(0, 3)) {
    const kind = getCellKind(cell.kind)!;
    const output = await kind.run(input, resolveParams(kind, cell.params), dataRunContext());
    input = { table: output.artifact as TableArtifact };
  }
  return input.table!;
}

describe('clickstream template', () => {
  it('lists Load, Clean, Aggregate, Explore, Encode, Train MLP and Evaluate, each with valid parameters once opened', () => {
    expect(template.cells.map((cell) => cell.kind)).toEqual(['load', 'clean', 'aggregate', 'eda', 'encode', 'train-mlp', 'evaluate']);
    for (const cell of instantiateTemplate(template).cells) expect(validateParams(getCellKind(cell.kind)!, cell.params), cell.kind).toEqual([]);
  });

  it('builds every session’s features as computed independently from the clicks', async () => {
    const sessions = await aggregatedByTemplate();
    expect(sessions.table.numRows()).toBe(SESSIONS);
    expect(sessions.target).toBe('purchase_value');
    const ids = sessions.table.array('session_id') as unknown[];
    const objects = sessions.table.objects() as Record<string, unknown>[];
    ids.forEach((id, row) => expectSession(objects[row], expected.get(String(id))!));
    // The history checks meet returning shoppers who bought before and ones who did not.
    expect([...expected.values()].some((session) => session.previous_spend > 0)).toBe(true);
    expect([...expected.values()].some((session) => session.previous_sessions > 0 && session.previous_spend === 0)).toBe(true);
  });

  it(
    'runs through the headless runner and hands the session features to Encode',
    async () => {
      const run = await runNotebook({ notebookPath: TEMPLATE, dataPath, target: null, exclude: null, json: true });
      expect(run.records.map((record) => record.status)).toEqual(Array(7).fill('done'));
      const aggregate = run.records[2];
      expect(aggregate.summary).toMatchObject({ rows_in: csv.trim().split('\n').length - 1, groups: SESSIONS, target: 'purchase_value' });
      const view = aggregate.view as AggregateView;
      const previewColumns = view.columns.slice(0, view.preview[0].length).map((column) => column.name);
      for (const row of view.preview) {
        const actual = Object.fromEntries(previewColumns.map((name, index) => [name, row[index]]));
        expectSession(actual, expected.get(String(actual.session_id))!);
      }

      const encode = run.records[4].view as EncodeView;
      expect(encode.target).toBe('purchase_value');
      expect(encode.shape.rows).toBe(SESSIONS);
      const encodedColumns = new Set(encode.features.map((feature) => feature.column));
      for (const name of FEATURES.filter((name) => name !== 'user' && name !== 'purchase_value')) expect(encodedColumns, name).toContain(name);
      expect(encode.shape.columns).toBe(encode.features.length);
      expect(encode.skipped.map((skipped) => skipped.column)).toEqual(['session_id']);
      // Split by session start: a test session's history holds only sessions that could be known before it.
      expect(encode.split).toBe('time');
      const instant = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);
      const partSpan = (name: string) => encode.parts.find((part) => part.part === name)!.span!;
      expect(instant(partSpan('test').from)).toBeGreaterThanOrEqual(instant(partSpan('train').to));
    },
    60_000,
  );

  it.each([
    ['colour', "cell 3 (aggregate): Aggregation 8 (Last value of colour): column 'colour' is not in the table"],
    ['session_id', "cell 3 (aggregate): Group by column 'session_id' is not in the table"],
    ['user_id', "cell 3 (aggregate): History features: user column 'user_id' is not in the table"],
    ['timestamp', "cell 3 (aggregate): Time column 'timestamp' is not in the table"],
    ['purchase_value', "cell 3 (aggregate): Aggregation 13 (Sum of purchase_value): column 'purchase_value' is not in the table"],
  ])('stops with a message naming the column when the file has no %s', async (column, message) => {
    await expect(runNotebook({ notebookPath: TEMPLATE, dataPath: clicksWithout(column), target: null, exclude: null, json: true })).rejects.toThrow(message);
  });
});
