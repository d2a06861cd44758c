import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import type { TableArtifact } from '../../../src/core/cells/types';
import type { CellRecord } from '../../../src/core/runtime/record';
import { restoreTable, snapshotTable } from '../../../src/storage/dataset-snapshot';
import { createDatasetStore } from '../../../src/storage/dataset-store';
import { createMemoryShelf } from '../../../src/storage/shelf';

const rows = 5000;
function loadedTable(): TableArtifact {
  return {
    kind: 'table',
    table: table({
      pageViews: Array.from({ length: rows }, (_, i) => (i % 10 === 0 ? null : i % 120)),
      hits: Array.from({ length: rows }, (_, i) => i * 1000),
      purchaseValue: Array.from({ length: rows }, (_, i) => (i % 9 ? 0 : i * 0.37)),
      channel: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : ['Organic', 'Direct', '<b>Referral</b>'][i % 3])),
      isMobile: Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? null : i % 2 === 0)),
      visitStart: Array.from({ length: rows }, (_, i) => 1.6e12 + i * 1000),
    }),
    columns: [
      { name: 'pageViews', type: 'number' },
      { name: 'hits', type: 'number' },
      { name: 'purchaseValue', type: 'number' },
      { name: 'channel', type: 'categorical' },
      { name: 'isMobile', type: 'boolean' },
      { name: 'visitStart', type: 'timestamp' },
    ],
    target: 'purchaseValue',
    missingTokens: { pageViews: { '': 500 }, channel: { '(not set)': 715 } },
  };
}
const record: CellRecord = { cellId: 'load', kind: 'load', stamp: 's1', status: 'done', ms: 12, finishedAt: '2026-11-21T12:00:00.000Z', summary: { rows: rows } };
const source = { datasetId: 'd1', name: 'sessions.csv', fileBytes: 123_456, record };

describe('dataset snapshots', () => {
  it('put back the same values, types and missing cells as the loaded table, as plain arrays', () => {
    const loaded = loadedTable();
    const restored = restoreTable(structuredClone(snapshotTable(loaded, source)));
    expect(restored.columns).toEqual(loaded.columns);
    expect(restored.target).toBe('purchaseValue');
    expect(restored.missingTokens).toEqual(loaded.missingTokens);
    for (const { name } of loaded.columns) {
      const values = restored.table.array(name);
      expect(Array.isArray(values)).toBe(true);
      expect(values).toEqual(Array.from(loaded.table.array(name) as ArrayLike<unknown>));
    }
  });

  it('are columnar and compact: small whole numbers take a byte, not the text or eight bytes', () => {
    const small = snapshotTable({ ...loadedTable(), table: loadedTable().table.select('pageViews'), columns: [{ name: 'pageViews', type: 'number' }] }, source);
    expect(small.arrow.byteLength).toBeLessThan(rows * 2);
  });
});

describe('dataset store', () => {
  it('keeps a snapshot per project and gives it back; remove forgets only that project', async () => {
    const store = createDatasetStore(createMemoryShelf());
    expect(await store.restore('p1')).toBeNull();
    const snapshot = snapshotTable(loadedTable(), source);
    await store.save('p1', snapshot);
    await store.save('p2', snapshot);
    const kept = await store.restore('p1');
    expect(kept?.kind).toBe('columns');
    expect(kept?.kind === 'columns' && kept.snapshot.record).toEqual(record);
    await store.remove('p1');
    expect(await store.restore('p1')).toBeNull();
    expect(await store.restore('p2')).not.toBeNull();
  });

  it('reports about how many bytes a snapshot takes, its Arrow columns included', async () => {
    const snapshot = snapshotTable(loadedTable(), source);
    const bytes = await createDatasetStore(createMemoryShelf()).save('p1', snapshot);
    expect(bytes).toBeGreaterThan(snapshot.arrow.byteLength);
    expect(bytes).toBeLessThan(snapshot.arrow.byteLength + 2000);
  });

  it('copies what one project keeps to another, naming it and its size', async () => {
    const store = createDatasetStore(createMemoryShelf());
    const snapshot = snapshotTable(loadedTable(), source);
    const bytes = await store.save('p1', snapshot);
    expect(await store.copy('p1', 'p2')).toEqual({ name: 'sessions.csv', bytes });
    await store.remove('p1');
    const copied = await store.restore('p2');
    expect(copied?.kind === 'columns' && copied.snapshot.arrow).toEqual(snapshot.arrow);
    expect(await store.copy('p1', 'p3')).toBeNull();
    expect(await store.restore('p3')).toBeNull();
  });

  it('still opens a dataset an earlier version saved as the file bytes', async () => {
    const shelf = createMemoryShelf();
    await shelf.set('p1', { name: 'old.csv', bytes: new Uint8Array([97, 10, 49]) });
    expect(await createDatasetStore(shelf).restore('p1')).toEqual({ kind: 'file', file: { name: 'old.csv', bytes: new Uint8Array([97, 10, 49]) } });
  });

  it('refuses what it cannot read with a message, instead of handing it on', async () => {
    const shelf = createMemoryShelf();
    await shelf.set('p1', { kind: 'columns', name: 'x.csv', arrow: 'not bytes' });
    await expect(createDatasetStore(shelf).restore('p1')).rejects.toThrow(/saved dataset could not be read; drop the file again/);
  });
});
