import { describe, expect, it } from 'vitest';
import { CancelledError, type DatasetFile } from '../../../src/core/cells/types';
import { SCHEMA_VERSION, type CellDocument, type NotebookDocument } from '../../../src/core/notebook/document';
import { updateCellParams } from '../../../src/core/notebook/operations';
import type { CellRecord } from '../../../src/core/runtime/record';
import { Session, type RunHooks } from '../../../src/core/runtime/session';
import { restoreTable, snapshotTable } from '../../../src/storage/dataset-snapshot';

/** A small session log: a target, a categorical, a number and a constant column. */
function datasetFile(rows: number): DatasetFile {
  const lines = ['purchaseValue,channel,pageviews,constant'];
  for (let i = 0; i < rows; i++) lines.push(`${i % 4 === 0 ? (i * 1.5).toFixed(1) : 0},${['Organic', 'Direct', 'Referral'][i % 3]},${1 + (i % 7)},same`);
  return { name: 'sessions.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
}

const cell = (id: string, kind: string, params: Record<string, unknown> = {}): CellDocument => ({ id, kind, params });
const notebook = (): NotebookDocument => ({
  schemaVersion: SCHEMA_VERSION,
  id: 'nb',
  title: 'Data only',
  cells: [cell('load', 'load'), cell('note', 'markdown', { text: 'x' }), cell('clean', 'clean'), cell('eda', 'eda')],
});

function newSession(): Session {
  return new Session(
    () => Promise.reject(new Error('these tests never train')),
    async () => {},
  );
}

function recordingHooks(signal = new AbortController().signal) {
  const started: string[] = [];
  const records: CellRecord[] = [];
  const hooks: RunHooks = { signal, onStart: (id) => started.push(id), onRecord: (record) => records.push(record) };
  return { hooks, started, records };
}

describe('Session.run', () => {
  it('runs missing ancestors first and reports a record for each', async () => {
    const session = newSession();
    await session.setDataset(datasetFile(40));
    const { hooks, started, records } = recordingHooks();
    const record = await session.run(notebook(), 'eda', hooks);
    expect(started).toEqual(['load', 'clean', 'eda']);
    expect(records.map((r) => `${r.cellId}:${r.status}`)).toEqual(['load:done', 'clean:done', 'eda:done']);
    expect(record).toBe(records[2]);
  });

  it('reuses ancestors whose artifacts are current and re-runs only what a change touched', async () => {
    const session = newSession();
    await session.setDataset(datasetFile(40));
    await session.run(notebook(), 'eda', recordingHooks().hooks);

    const again = recordingHooks();
    await session.run(notebook(), 'eda', again.hooks);
    expect(again.started).toEqual(['eda']);

    const edited = recordingHooks();
    await session.run(updateCellParams(notebook(), 'clean', { steps: [] }), 'eda', edited.hooks);
    expect(edited.started).toEqual(['clean', 'eda']);
  });

  it('stamps each record with the plan stamp it ran for', async () => {
    const session = newSession();
    await session.setDataset(datasetFile(12));
    const { hooks, records } = recordingHooks();
    await session.run(notebook(), 'clean', hooks);
    const second = recordingHooks();
    await session.setDataset(datasetFile(13));
    await session.run(notebook(), 'clean', second.hooks);
    expect(second.started).toEqual(['load', 'clean']);
    expect(second.records[0].stamp).not.toBe(records[0].stamp);
  });

  it('gives Load an error record naming the missing dataset, and fails dependants with the input cell named', async () => {
    const { hooks, records } = recordingHooks();
    const record = await newSession().run(notebook(), 'eda', hooks);
    expect(records[0]).toMatchObject({ cellId: 'load', status: 'error' });
    expect(records[0].error).toMatch(/dataset/i);
    expect(record.cellId).toBe('eda');
    expect(record.status).toBe('error');
    expect(record.error).toMatch(/^Input cell 1 \(Load\) failed: /);
  });

  it('reports invalid parameters as an error record naming the parameter, without running', async () => {
    const session = newSession();
    await session.setDataset(datasetFile(12));
    const { hooks, started } = recordingHooks();
    const doc = updateCellParams(notebook(), 'load', { rowCount: 0 });
    const record = await session.run(doc, 'load', hooks);
    expect(started).toEqual([]);
    expect(record.status).toBe('error');
    expect(record.issues?.map((issue) => issue.path)).toEqual(['rowCount']);
  });

  it('throws CancelledError when the signal is aborted, without a record for the cancelled cell', async () => {
    const session = newSession();
    await session.setDataset(datasetFile(12));
    const controller = new AbortController();
    const { hooks, records } = recordingHooks(controller.signal);
    hooks.onStart = () => controller.abort();
    await expect(session.run(notebook(), 'load', hooks)).rejects.toBeInstanceOf(CancelledError);
    expect(records).toEqual([]);
  });

  it('refuses a cell id that is not in the notebook', async () => {
    await expect(newSession().run(notebook(), 'nope', recordingHooks().hooks)).rejects.toThrow(/nope/);
  });
});

describe('a dataset kept as its loaded table', () => {
  async function keptFromRun() {
    const session = newSession();
    await session.setDataset(datasetFile(40));
    const first = recordingHooks();
    await session.run(notebook(), 'eda', first.hooks);
    const loaded = session.loadedTable(notebook());
    expect(loaded).not.toBeNull();
    const snapshot = snapshotTable(loaded!.table, { datasetId: session.datasetId!, name: 'sessions.csv', fileBytes: 1, record: loaded!.record });
    return { snapshot: structuredClone(snapshot), records: first.records };
  }

  it('stands in for the Load cell after a reload: later cells run from it with the same stamps and results', async () => {
    const { snapshot, records } = await keptFromRun();
    const reopened = newSession();
    reopened.restoreDataset(snapshot, restoreTable(snapshot));
    const again = recordingHooks();
    await reopened.run(notebook(), 'eda', again.hooks);
    expect(again.started).toEqual(['clean', 'eda']);
    expect(again.records.map((record) => record.stamp)).toEqual(records.slice(1).map((record) => record.stamp));
    expect(again.records.at(-1)?.summary).toEqual(records.at(-1)?.summary);
  });

  it('hands back the kept Load record when Load itself is run without the file (Run all after a reload)', async () => {
    const { snapshot, records } = await keptFromRun();
    const reopened = newSession();
    reopened.restoreDataset(snapshot, restoreTable(snapshot));
    const again = recordingHooks();
    const record = await reopened.run(notebook(), 'load', again.hooks);
    expect(again.started).toEqual([]);
    expect(record).toEqual(records[0]);
    expect(reopened.loadedTable(notebook())?.record).toEqual(records[0]);
  });

  it('asks for the file again when the Load cell changed, naming it', async () => {
    const { snapshot } = await keptFromRun();
    const reopened = newSession();
    reopened.restoreDataset(snapshot, restoreTable(snapshot));
    const record = await reopened.run(updateCellParams(notebook(), 'load', { rows: 'first', rowCount: 5 }), 'load', recordingHooks().hooks);
    expect(record.status).toBe('error');
    expect(record.error).toMatch(/keeps sessions\.csv as the table it loaded.*drop sessions\.csv on the page/);
  });

  it('has no kept table before the Load cell ran or once its parameters changed', async () => {
    const session = newSession();
    await session.setDataset(datasetFile(10));
    expect(session.loadedTable(notebook())).toBeNull();
    await session.run(notebook(), 'load', recordingHooks().hooks);
    expect(session.loadedTable(notebook())).not.toBeNull();
    expect(session.loadedTable(updateCellParams(notebook(), 'load', { target: 'pageviews' }))).toBeNull();
  });
});

