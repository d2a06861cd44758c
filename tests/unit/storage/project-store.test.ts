import { describe, expect, it } from 'vitest';
import type { NotebookDocument } from '../../../src/core/notebook/document';
import type { CellRecord } from '../../../src/core/runtime/record';
import { createProjectStore, createMemoryProjectStore } from '../../../src/storage/project-store';
import { createMemoryShelf } from '../../../src/storage/shelf';

const notebook = (): NotebookDocument => ({
  schemaVersion: 2,
  id: 'nb-1',
  title: 'Saved',
  cells: [
    { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
    { id: 'eda', kind: 'eda', params: {} },
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

function storeWithShelves() {
  const shelves = { documents: createMemoryShelf(), results: createMemoryShelf() };
  return { shelves, store: createProjectStore(shelves) };
}

describe('memory project store', () => {
  it('restores nothing, without warnings, when nothing was saved', async () => {
    expect(await createMemoryProjectStore().restore()).toEqual({ document: null, records: [], warnings: [] });
  });

  it('restores the saved document and records', async () => {
    const store = createMemoryProjectStore();
    await store.saveDocument(notebook());
    await store.saveRecords('nb-1', [record('load'), record('eda', { status: 'error', error: 'No table' })]);
    const restored = await store.restore();
    expect(restored.warnings).toEqual([]);
    expect(restored.document).toEqual(notebook());
    expect(restored.records).toEqual([record('load'), record('eda', { status: 'error', error: 'No table' })]);
  });

  it('keeps a copy: editing a saved value afterwards does not change what is stored', async () => {
    const store = createMemoryProjectStore();
    const doc = notebook();
    await store.saveDocument(doc);
    doc.title = 'Changed';
    expect((await store.restore()).document?.title).toBe('Saved');
  });

  it('forgets everything on clear', async () => {
    const store = createMemoryProjectStore();
    await store.saveDocument(notebook());
    await store.clear();
    expect((await store.restore()).document).toBeNull();
  });
});

describe('validation on read', () => {
  it('sets aside a document that cannot be read, naming the problem, and drops its records', async () => {
    const { shelves, store } = storeWithShelves();
    await shelves.documents.set('current', { ...notebook(), cells: [{ id: 'load', kind: 7 }] });
    await store.saveRecords('nb-1', [record('load')]);
    const restored = await store.restore();
    expect(restored.document).toBeNull();
    expect(restored.records).toEqual([]);
    expect(restored.warnings).toHaveLength(1);
    expect(restored.warnings[0]).toContain('cells[0].kind: expected a non-empty string');
  });

  it('sets aside a document from a newer version', async () => {
    const { shelves, store } = storeWithShelves();
    await shelves.documents.set('current', { ...notebook(), schemaVersion: 99 });
    const restored = await store.restore();
    expect(restored.document).toBeNull();
    expect(restored.warnings[0]).toMatch(/newer version \(99\)/);
  });

  it('drops records of another notebook', async () => {
    const store = createMemoryProjectStore();
    await store.saveDocument(notebook());
    await store.saveRecords('another-notebook', [record('load')]);
    expect((await store.restore()).records).toEqual([]);
  });

  it('drops records of deleted cells and malformed records, keeping the good ones', async () => {
    const { shelves, store } = storeWithShelves();
    await store.saveDocument(notebook());
    await shelves.results.set('current', {
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
    expect((await store.restore()).records).toEqual([record('load')]);
  });

  it('reads results that are not a list as none', async () => {
    const { shelves, store } = storeWithShelves();
    await store.saveDocument(notebook());
    await shelves.results.set('current', { documentId: 'nb-1', records: { load: record('load') } });
    expect((await store.restore()).records).toEqual([]);
  });
});
