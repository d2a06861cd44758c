import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type NotebookDocument } from '../../../src/core/notebook/document';
import { readDocument } from '../../../src/core/notebook/read-document';
import type { CellRecord } from '../../../src/core/runtime/record';
import { snapshotTable } from '../../../src/storage/dataset-snapshot';
import { createDatasetStore } from '../../../src/storage/dataset-store';
import { createProjectStore } from '../../../src/storage/project-store';
import { createMemoryShelf } from '../../../src/storage/shelf';
import { storedBytes } from '../../../src/storage/stored-size';

const notebook = (id = 'nb-1', title = 'Saved'): NotebookDocument => ({
  schemaVersion: 2,
  id,
  title,
  cells: [
    { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
    { id: 'eda', kind: 'eda', params: {} },
    { id: 'train', kind: 'train', params: {} },
  ],
});

const record = (cellId: string, extra: Partial<CellRecord> = {}): CellRecord => ({
  cellId,
  kind: 'load',
  stamp: `stamp-${cellId}`,
  status: 'done',
  ms: 12,
  finishedAt: '2024-05-01T10:00:00.000Z',
  summary: { rows: 3 },
  outputColumns: [{ name: 'purchaseValue', type: 'number' }],
  view: { preview: [[1, 'a']] },
  ...extra,
});

const loadRecord = record('load');
const snapshot = () =>
  snapshotTable(
    { kind: 'table', table: table({ purchaseValue: [0, 1.5, 0, 20] }), columns: [{ name: 'purchaseValue', type: 'number' }], target: 'purchaseValue', missingTokens: {} },
    { datasetId: 'd1', name: 'sessions.csv', fileBytes: 99, record: loadRecord },
  );

/** Real stores on memory shelves, and a clock the test moves a minute per reading. */
function setup() {
  const shelves = { documents: createMemoryShelf(), results: createMemoryShelf(), projects: createMemoryShelf() };
  const datasetShelf = createMemoryShelf();
  const datasets = createDatasetStore(datasetShelf);
  let minute = 0;
  const clock = () => new Date(Date.UTC(2026, 10, 21, 12, minute++));
  return { shelves, datasetShelf, datasets, store: createProjectStore(shelves, datasets, clock) };
}

describe('saving and opening projects', () => {
  it('starts with nothing to reopen and an empty list when nothing was saved', async () => {
    const { store } = setup();
    expect(await store.start()).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('keeps several projects side by side, each with its own document and results', async () => {
    const { store } = setup();
    await store.saveDocument(notebook('a', 'Alpha'));
    await store.saveDocument(notebook('b', 'Beta'));
    await store.saveRecords('a', [record('load')], []);
    await store.saveRecords('b', [record('eda', { status: 'error', error: 'No table' })], []);
    const a = await store.open('a');
    const b = await store.open('b');
    expect(a).toEqual({ document: notebook('a', 'Alpha'), readOnly: null, records: [record('load')], interrupted: [], warnings: [] });
    expect(b.document?.title).toBe('Beta');
    expect(b.records).toEqual([record('eda', { status: 'error', error: 'No table' })]);
  });

  it('opens a project even when the storage refuses the last-opened time (a full quota)', async () => {
    const { store, shelves } = setup();
    await store.saveDocument(notebook('a', 'Alpha'));
    await store.saveRecords('a', [record('load')], []);
    const before = await shelves.projects.get('a');
    shelves.projects.set = () => Promise.reject(new DOMException('', 'QuotaExceededError'));
    const opened = await store.open('a');
    expect(opened.document).toEqual(notebook('a', 'Alpha'));
    expect(opened.records).toEqual([record('load')]);
    expect(await shelves.projects.get('a')).toEqual(before);
  });

  it('keeps a copy: editing a saved value afterwards does not change what is stored', async () => {
    const { store } = setup();
    const doc = notebook();
    await store.saveDocument(doc);
    doc.title = 'Changed';
    expect((await store.open('nb-1')).document?.title).toBe('Saved');
  });

  it('lists projects most recently modified first, with title, times and sizes as stored', async () => {
    const { store } = setup();
    await store.saveDocument(notebook('a', 'Alpha'));
    await store.saveDocument(notebook('b', 'Beta'));
    await store.saveRecords('a', [record('load')], []);
    const list = await store.list();
    expect(list.map((meta) => meta.id)).toEqual(['a', 'b']);
    const [a] = list;
    expect(a.title).toBe('Alpha');
    expect(a.modifiedAt).toBe('2026-11-21T12:02:00.000Z');
    expect(a.sizes.document).toBe(storedBytes(notebook('a', 'Alpha')));
    expect(a.sizes.records).toBe(storedBytes({ documentId: 'a', records: [record('load')] }));
    expect(a.bytes).toBe(a.sizes.document + a.sizes.records);
  });

  it('adds the kept dataset to the size and names it, without counting as a change', async () => {
    const { store } = setup();
    await store.saveDocument(notebook());
    const before = (await store.list())[0];
    await store.keptDataset('nb-1', { name: 'sessions.csv', bytes: 5000 });
    const after = (await store.list())[0];
    expect(after.datasetName).toBe('sessions.csv');
    expect(after.bytes).toBe(before.bytes + 5000);
    expect(after.modifiedAt).toBe(before.modifiedAt);
  });

  it('never loses a change when a document save and a results save overlap', async () => {
    const { store } = setup();
    await store.saveDocument(notebook());
    await Promise.all([store.saveDocument(notebook('nb-1', 'Renamed')), store.saveRecords('nb-1', [record('load')], []), store.keptDataset('nb-1', { name: 'x.csv', bytes: 10 })]);
    const [meta] = await store.list();
    expect(meta.title).toBe('Renamed');
    expect(meta.sizes.records).toBeGreaterThan(0);
    expect(meta.sizes.dataset).toBe(10);
  });

  it('reopens the project opened last at start', async () => {
    const { store } = setup();
    await store.saveDocument(notebook('a', 'Alpha'));
    await store.saveDocument(notebook('b', 'Beta'));
    await store.open('a');
    await store.saveDocument(notebook('b', 'Beta edited'));
    expect(await store.start()).toBe('a');
  });

  it('says a project it cannot find is gone', async () => {
    const { store } = setup();
    expect((await store.open('missing')).warnings).toEqual(['That project is no longer in this browser.']);
  });
});

describe('interrupted runs', () => {
  const train = { cellId: 'train', startedAt: '2026-11-21T12:30:00.000Z' };
  const eda = { cellId: 'eda', startedAt: '2026-11-21T12:40:00.000Z' };

  it('gives back every finished cell and names the cell that was running, leaving out its earlier record', async () => {
    const { store } = setup();
    await store.saveDocument(notebook());
    await store.saveRecords('nb-1', [record('load'), record('eda'), record('train')], [train]);
    const opened = await store.open('nb-1');
    expect(opened.interrupted).toEqual([train]);
    expect(opened.records.map((saved) => saved.cellId)).toEqual(['load', 'eda']);
  });

  it('keeps the mark of a cell cut short while another runs after the reload', async () => {
    const { store } = setup();
    await store.saveDocument(notebook());
    await store.saveRecords('nb-1', [record('load')], [train, eda]);
    const opened = await store.open('nb-1');
    expect(opened.interrupted).toEqual([train, eda]);
    expect(opened.records.map((saved) => saved.cellId)).toEqual(['load']);
  });

  it('forgets the mark once the run is saved as finished', async () => {
    const { store } = setup();
    await store.saveDocument(notebook());
    await store.saveRecords('nb-1', [record('load')], [train]);
    await store.saveRecords('nb-1', [record('load'), record('train')], []);
    const opened = await store.open('nb-1');
    expect(opened.interrupted).toEqual([]);
    expect(opened.records).toHaveLength(2);
  });

  it('ignores marks for cells the notebook no longer has, and malformed ones', async () => {
    const { shelves, store } = setup();
    await store.saveDocument(notebook());
    await store.saveRecords('nb-1', [record('load')], [{ cellId: 'gone', startedAt: '2026-11-21T12:30:00.000Z' }]);
    expect((await store.open('nb-1')).interrupted).toEqual([]);
    await shelves.results.set('nb-1', { documentId: 'nb-1', records: [record('load')], running: [{ cellId: 'train' }, 'train', train] });
    expect((await store.open('nb-1')).interrupted).toEqual([train]);
    await shelves.results.set('nb-1', { documentId: 'nb-1', records: [record('load')], running: train });
    expect((await store.open('nb-1')).interrupted).toEqual([]);
  });
});

describe('rename, duplicate, delete', () => {
  it('renames a project in its document and in the list', async () => {
    const { store } = setup();
    await store.saveDocument(notebook());
    await store.rename('nb-1', 'Spring sale');
    expect((await store.open('nb-1')).document?.title).toBe('Spring sale');
    expect((await store.list())[0].title).toBe('Spring sale');
  });

  it('duplicates a project as a new one: new id, "(copy)" title, results and dataset copied', async () => {
    const { store, datasets } = setup();
    await store.saveDocument(notebook());
    await store.saveRecords('nb-1', [record('load'), record('eda')], []);
    const datasetBytes = await datasets.save('nb-1', snapshot());
    await store.keptDataset('nb-1', { name: 'sessions.csv', bytes: datasetBytes });

    const { meta: copy } = await store.duplicate('nb-1');
    expect(copy.id).not.toBe('nb-1');
    expect(copy.title).toBe('Saved (copy)');
    expect(copy.datasetName).toBe('sessions.csv');
    expect(copy.sizes.dataset).toBe(datasetBytes);
    expect(copy.openedAt).toBeNull();
    const opened = await store.open(copy.id);
    expect(opened.document).toEqual({ ...notebook(), id: copy.id, title: 'Saved (copy)' });
    expect(opened.records).toEqual([record('load'), record('eda')]);
    const keptCopy = await datasets.restore(copy.id);
    expect(keptCopy?.kind === 'columns' && keptCopy.snapshot.name).toBe('sessions.csv');
    expect((await store.list()).map((meta) => meta.id).sort()).toEqual([copy.id, 'nb-1'].sort());
  });

  it('refuses to duplicate a project it cannot read, saying why', async () => {
    const { shelves, store } = setup();
    await shelves.documents.set('bad', { schemaVersion: 2, id: 'bad', title: 'Bad', cells: 'none' });
    await expect(store.duplicate('bad')).rejects.toThrow(/could not be copied: cells/);
  });

  it('hides a deleted project at once, brings it back on undo, and purges it at the next start', async () => {
    const { store, datasets, shelves } = setup();
    await store.saveDocument(notebook('a', 'Alpha'));
    await store.saveDocument(notebook('b', 'Beta'));
    await datasets.save('a', snapshot());
    expect(await store.remove('a')).toMatchObject({ id: 'a', title: 'Alpha', deletedAt: expect.any(String) });
    expect((await store.list()).map((meta) => meta.id)).toEqual(['b']);
    await store.restore('a');
    expect((await store.list()).map((meta) => meta.id).sort()).toEqual(['a', 'b']);

    await store.remove('a');
    await store.start();
    expect((await store.list()).map((meta) => meta.id)).toEqual(['b']);
    expect(shelves.documents.entries.has('a')).toBe(false);
    expect(shelves.projects.entries.has('a')).toBe(false);
    expect(await datasets.restore('a')).toBeNull();
    expect((await store.open('b')).document?.title).toBe('Beta');
  });

  it('still starts when a deleted project cannot be purged, and purges it at a later start', async () => {
    const { shelves, datasets } = setup();
    const failing = { ...datasets, remove: async () => Promise.reject(new Error('the database is busy')) };
    const store = createProjectStore(shelves, failing);
    await store.saveDocument(notebook('a', 'Alpha'));
    await store.saveDocument(notebook('b', 'Beta'));
    await store.open('b');
    await store.remove('a');
    expect(await store.start()).toBe('b');
    expect((await store.list()).map((meta) => meta.id)).toEqual(['b']);
    await createProjectStore(shelves, datasets).start();
    expect(shelves.projects.entries.has('a')).toBe(false);
  });

  it('never reopens a deleted project at start', async () => {
    const { store } = setup();
    await store.saveDocument(notebook('a', 'Alpha'));
    await store.saveDocument(notebook('b', 'Beta'));
    await store.open('b');
    await store.remove('b');
    expect(await store.start()).toBe('a');
  });
});

describe('adopting the project an earlier build kept under "current"', () => {
  it('moves document, results and dataset to the document id, lists it and reopens it', async () => {
    const { shelves, datasetShelf, datasets, store } = setup();
    await shelves.documents.set('current', notebook());
    await shelves.results.set('current', { documentId: 'nb-1', records: [record('load')] });
    await datasetShelf.set('current', snapshot());

    expect(await store.start()).toBe('nb-1');
    for (const shelf of [shelves.documents, shelves.results, datasetShelf]) expect(shelf.entries.has('current')).toBe(false);
    const opened = await store.open('nb-1');
    expect(opened.document).toEqual(notebook());
    expect(opened.records).toEqual([record('load')]);
    expect((await datasets.restore('nb-1'))?.kind).toBe('columns');
    const [meta] = await store.list();
    expect(meta).toMatchObject({ id: 'nb-1', title: 'Saved', datasetName: 'sessions.csv' });
    expect(meta.sizes.dataset).toBe(storedBytes(snapshot()));
  });

  it('moves a document it cannot read as it is, so opening it says why instead of losing it', async () => {
    const { shelves, store } = setup();
    await shelves.documents.set('current', { ...notebook(), cells: [{ id: 'load', kind: 7 }] });
    const id = await store.start();
    expect(id).toBe('nb-1');
    const opened = await store.open('nb-1');
    expect(opened.document).toBeNull();
    expect(opened.warnings[0]).toContain('cells[0].kind: expected a non-empty string');
  });

  it('does nothing when there is nothing under "current"', async () => {
    const { shelves, store } = setup();
    await store.saveDocument(notebook());
    await store.start();
    expect([...shelves.documents.entries.keys()]).toEqual(['nb-1']);
  });
});

describe('validation on read', () => {
  it('sets aside a document that cannot be read, naming the problem, and drops its records', async () => {
    const { shelves, store } = setup();
    await shelves.documents.set('nb-1', { ...notebook(), cells: [{ id: 'load', kind: 7 }] });
    await shelves.results.set('nb-1', { documentId: 'nb-1', records: [record('load')] });
    const restored = await store.open('nb-1');
    expect(restored.document).toBeNull();
    expect(restored.records).toEqual([]);
    expect(restored.warnings).toHaveLength(1);
    expect(restored.warnings[0]).toContain('cells[0].kind: expected a non-empty string');
  });

  it('opens a document from a newer version read-only instead of setting it aside', async () => {
    const { shelves, store } = setup();
    await shelves.documents.set('nb-1', { ...notebook(), schemaVersion: 99 });
    const restored = await store.open('nb-1');
    expect(restored.document?.cells).toEqual(notebook().cells);
    expect(restored.readOnly?.savedVersion).toBe(99);
    expect(restored.warnings).toEqual([]);
  });

  it('drops records of another notebook', async () => {
    const { shelves, store } = setup();
    await store.saveDocument(notebook());
    await shelves.results.set('nb-1', { documentId: 'another-notebook', records: [record('load')] });
    expect((await store.open('nb-1')).records).toEqual([]);
  });

  it('drops records of deleted cells and malformed records, keeping the good ones', async () => {
    const { shelves, store } = setup();
    await store.saveDocument(notebook());
    await shelves.results.set('nb-1', {
      documentId: 'nb-1',
      records: [
        record('load'),
        record('gone'),
        { ...record('eda'), status: 'finished' },
        { ...record('eda'), ms: '12' },
        { ...record('eda'), outputColumns: [{ name: 3 }] },
        'garbage',
        null,
      ],
    });
    expect((await store.open('nb-1')).records).toEqual([record('load')]);
  });

  it('reads results that are not a list as none', async () => {
    const { shelves, store } = setup();
    await store.saveDocument(notebook());
    await shelves.results.set('nb-1', { documentId: 'nb-1', records: { load: record('load') } });
    expect((await store.open('nb-1')).records).toEqual([]);
  });

  it('leaves a malformed list entry out of the list', async () => {
    const { shelves, store } = setup();
    await store.saveDocument(notebook());
    await shelves.projects.set('junk', { id: 'junk', title: 5 });
    await shelves.projects.set('junk2', 'not an entry');
    expect((await store.list()).map((meta) => meta.id)).toEqual(['nb-1']);
  });
});

describe('a notebook saved by a newer version', () => {
  const newer = () => ({
    schemaVersion: SCHEMA_VERSION + 1,
    id: 'nb-new',
    title: 'Newer',
    cells: [
      { id: 'load', kind: 'load', params: { target: 'purchaseValue', sampling: 'every-third' } },
      { id: 'forecast', kind: 'forecast', params: { horizon: 7 } },
    ],
  });

  async function seeded() {
    const setup_ = setup();
    await setup_.store.keepReadOnly(newer(), readDocument(newer()).document);
    return setup_;
  }

  it('is listed and opens read-only, with the message and its stored fields as they stand', async () => {
    const { store } = await seeded();
    expect((await store.list()).map((meta) => meta.title)).toEqual(['Newer']);
    const opened = await store.open('nb-new');
    expect(opened.warnings).toEqual([]);
    expect(opened.readOnly?.savedVersion).toBe(SCHEMA_VERSION + 1);
    expect(opened.readOnly?.message).toMatch(/newer version of the workbench/);
    expect(opened.readOnly?.stored).toEqual(newer());
    expect(opened.document?.cells.map((cell) => cell.kind)).toEqual(['load', 'forecast']);
  });

  it('is never written over: saving the document refuses and the stored value stays as it was', async () => {
    const { store, shelves } = await seeded();
    const opened = await store.open('nb-new');
    const edited = { ...opened.document!, title: 'Edited' };
    await expect(store.saveDocument(edited)).rejects.toThrow(/saved by a newer version \(schema \d+\); it was not overwritten/);
    await store.rename('nb-new', 'Renamed');
    expect(shelves.documents.entries.get('nb-new')).toEqual(newer());
    expect(JSON.stringify(shelves.documents.entries.get('nb-new'))).toBe(JSON.stringify(newer()));
    expect((await store.list())[0].title).toBe('Renamed');
  });

  it('duplicates as an editable copy at this version, naming the cells it could not keep', async () => {
    const { store, shelves } = await seeded();
    const { meta, dropped } = await store.duplicate('nb-new');
    expect(dropped).toEqual(['a forecast cell']);
    const copy = await store.open(meta.id);
    expect(copy.readOnly).toBeNull();
    expect(copy.document?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(copy.document?.cells).toEqual([{ id: 'load', kind: 'load', params: { target: 'purchaseValue', sampling: 'every-third' } }]);
    await store.saveDocument({ ...copy.document!, title: 'Mine now' });
    expect((await store.open(meta.id)).document?.title).toBe('Mine now');
    expect(shelves.documents.entries.get('nb-new')).toEqual(newer());
  });
});
