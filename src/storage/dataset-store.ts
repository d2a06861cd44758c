import type { ColumnInfo, DatasetFile } from '../core/cells/types';
import type { DatasetSnapshot } from './dataset-snapshot';
import type { Shelf } from './shelf';

/** What a project kept of its dataset: the loaded columns, or (saved by an earlier version) the file's bytes. */
export type KeptDataset = { kind: 'columns'; snapshot: DatasetSnapshot } | { kind: 'file'; file: DatasetFile };

/** Keeps the open project's dataset; the kernel worker reads and writes it, so a large one never crosses the page. */
export interface DatasetStore {
  save(snapshot: DatasetSnapshot): Promise<void>;
  /** The kept dataset, null when there is none; throws when what is there cannot be read. */
  restore(): Promise<KeptDataset | null>;
  clear(): Promise<void>;
}

const CURRENT = 'current';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isColumnInfo = (value: unknown): value is ColumnInfo => isRecord(value) && typeof value.name === 'string' && typeof value.type === 'string';

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
    save: (snapshot) => shelf.set(CURRENT, snapshot),
    async restore() {
      const raw = await shelf.get(CURRENT);
      if (raw === undefined) return null;
      const kept = readKept(raw);
      if (!kept) throw new Error('the saved dataset could not be read; drop the file again');
      return kept;
    },
    clear: () => shelf.delete(CURRENT),
  };
}
