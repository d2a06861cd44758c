import type { DatasetFile } from '../core/cells/types';
import type { DatasetSnapshot } from './dataset-snapshot';
import { isRecord } from '../core/is-record';
import { isColumnInfo } from './read-saved';
import type { Shelf } from './shelf';
import { storedBytes } from './stored-size';

/** What a project kept of its dataset: the loaded columns, or (saved by an earlier version) the file's bytes. */
export type KeptDataset = { kind: 'columns'; snapshot: DatasetSnapshot } | { kind: 'file'; file: DatasetFile };

/** What a project's kept dataset is called and about how many bytes it takes. */
export interface KeptDatasetFacts {
  name: string;
  bytes: number;
}

/** What the project list needs of whoever keeps datasets (in the browser, the kernel worker). */
export interface DatasetKeeper {
  /** Copies what `from` keeps to `to`; null when `from` keeps nothing. */
  copy(from: string, to: string): Promise<KeptDatasetFacts | null>;
  remove(projectId: string): Promise<void>;
}

/** Keeps each project's dataset by project id; the kernel worker reads and writes it, so a large one never crosses the page. */
export interface DatasetStore extends DatasetKeeper {
  /** Returns about how many bytes it takes. */
  save(projectId: string, snapshot: DatasetSnapshot): Promise<number>;
  /** The kept dataset, null when there is none; throws when what is there cannot be read. */
  restore(projectId: string): Promise<KeptDataset | null>;
}


/** Stored values are checked on read: a half-written save or an old build may have left something else. */
function readKept(raw: unknown): KeptDataset | null {
  if (!isRecord(raw)) return null;
  if (raw.kind === 'columns') {
    const { datasetId, name, fileBytes, record, columns, target, missingTokens, arrow } = raw;
    const valid =
      [datasetId, name].every((value) => typeof value === 'string') &&
      isRecord(record) &&
      typeof record.cellId === 'string' &&
      typeof record.stamp === 'string' &&
      record.status === 'done' &&
      typeof fileBytes === 'number' &&
      Array.isArray(columns) &&
      columns.every(isColumnInfo) &&
      (target === null || typeof target === 'string') &&
      isRecord(missingTokens) &&
      arrow instanceof Uint8Array;
    return valid ? { kind: 'columns', snapshot: raw as unknown as DatasetSnapshot } : null;
  }
  if (typeof raw.name === 'string' && raw.bytes instanceof Uint8Array) return { kind: 'file', file: { name: raw.name, bytes: raw.bytes } };
  return null;
}

export function createDatasetStore(shelf: Shelf): DatasetStore {
  return {
    async save(projectId, snapshot) {
      await shelf.set(projectId, snapshot);
      return storedBytes(snapshot);
    },
    async restore(projectId) {
      const raw = await shelf.get(projectId);
      if (raw === undefined) return null;
      const kept = readKept(raw);
      if (!kept) throw new Error('the saved dataset could not be read; drop the file again');
      return kept;
    },
    // Copied as stored, unread: a duplicate keeps exactly what its original kept, even from an older build.
    async copy(from, to) {
      const raw = await shelf.get(from);
      if (raw === undefined) return null;
      await shelf.set(to, raw);
      return { name: isRecord(raw) && typeof raw.name === 'string' ? raw.name : 'dataset', bytes: storedBytes(raw) };
    },
    remove: (projectId) => shelf.delete(projectId),
  };
}
