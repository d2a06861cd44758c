import type { KeptModel, ModelFacts } from '../core/model/model-files';
import { isRecord } from '../core/is-record';
import type { Shelf } from './shelf';

/**
 * Each project's kept models (trained here or imported), under the project's id. The kernel
 * worker reads and writes them, as it does datasets: a model is only ever used there.
 */
export interface ModelStore {
  /** The project's models, newest first; entries that cannot be read are left out. */
  list(projectId: string): Promise<KeptModel[]>;
  /**
   * Keeps `model`; one with the same id is replaced, and so is the model an earlier run of the
   * same Train cell left, so retraining never piles up copies.
   */
  put(projectId: string, model: KeptModel): Promise<void>;
  remove(projectId: string, modelId: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  removeAll(projectId: string): Promise<void>;
}

export function modelFacts({ id, name, origin, target, savedAt, bytes, cellId }: KeptModel): ModelFacts {
  return { id, name, origin, target, savedAt, bytes, ...(cellId !== undefined ? { cellId } : {}) };
}

const isText = (value: unknown): value is string => typeof value === 'string';

function readKeptModel(raw: unknown): KeptModel | null {
  if (!isRecord(raw) || !isRecord(raw.files)) return null;
  const { id, name, origin, target, savedAt, bytes, cellId, files } = raw;
  const valid =
    [id, name, target, savedAt].every(isText) &&
    (origin === 'trained' || origin === 'imported') &&
    typeof bytes === 'number' &&
    (cellId === undefined || isText(cellId)) &&
    isText(files.json) &&
    files.weights instanceof Uint8Array;
  return valid ? (raw as unknown as KeptModel) : null;
}

export function createModelStore(shelf: Shelf): ModelStore {
  const read = async (projectId: string): Promise<KeptModel[]> => {
    const raw = await shelf.get(projectId);
    return Array.isArray(raw) ? raw.map(readKeptModel).filter((model): model is KeptModel => model !== null) : [];
  };
  return {
    list: read,
    async put(projectId, model) {
      const others = (await read(projectId)).filter((kept) => kept.id !== model.id && (model.cellId === undefined || kept.cellId !== model.cellId));
      await shelf.set(projectId, [model, ...others]);
    },
    async remove(projectId, modelId) {
      const kept = (await read(projectId)).filter((model) => model.id !== modelId);
      await (kept.length > 0 ? shelf.set(projectId, kept) : shelf.delete(projectId));
    },
    async copy(from, to) {
      const kept = await read(from);
      if (kept.length > 0) await shelf.set(to, kept);
    },
    removeAll: (projectId) => shelf.delete(projectId),
  };
}
