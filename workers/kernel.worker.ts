import { expose } from 'comlink';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { getCellKind } from '../src/core/cells/registry';
import { CancelledError, datasetBlob, type DatasetFile, type ProgressUpdate } from '../src/core/cells/types';
import { memoryBudget, type MemoryFacts } from '../src/core/data/memory-budget';
import { modelBytes, modelId, type ModelFacts } from '../src/core/model/model-files';
import type { ModelFiles } from '../src/core/model/runtime';
import type { MlRuntime } from '../src/core/model/runtime';
import { createTfRuntime } from '../src/core/model/tfjs-runtime';
import type { NotebookDocument } from '../src/core/notebook/document';
import type { CellRecord } from '../src/core/runtime/record';
import { Session } from '../src/core/runtime/session';
import { generateSessionsCsv } from '../src/core/sample/sessions';
import { restoreTable, snapshotTable, type DatasetSnapshot } from '../src/storage/dataset-snapshot';
import { createDatasetStore, type KeptDatasetFacts } from '../src/storage/dataset-store';
import { createIndexedDbDatasetStore, createIndexedDbModelStore } from '../src/storage/indexeddb-store';
import { createModelStore, modelFacts } from '../src/storage/model-store';
import { createMemoryShelf } from '../src/storage/shelf';
import { storedBytes } from '../src/storage/stored-size';

/**
 * Callbacks the page passes as a comlink proxy: progress streams on them, not in the reply.
 * Inside the worker each call returns a promise that settles once the page has handled it.
 */
export interface RunEvents {
  onStart(cellId: string): void | Promise<void>;
  onProgress(cellId: string, update: ProgressUpdate): void | Promise<void>;
  onRecord(record: CellRecord): void | Promise<void>;
}

export type RunOutcome = { status: 'finished'; record: CellRecord } | { status: 'cancelled' };

export interface BackendInfo {
  backend: string;
  version: string;
  /** Milliseconds per probe step on each backend that started here. */
  probeMs: Readonly<Record<string, number>>;
}

/** The dataset the kernel holds, as the page shows it. */
export interface DatasetInfo {
  name: string;
  /** The file's size as given. */
  bytes: number;
  /** Its content id, used in plan stamps. */
  id: string;
}

/**
 * A macrotask, so a `cancel` message queued behind a long training loop is handled between
 * epochs. MessageChannel avoids the 4 ms clamp nested setTimeout calls get.
 */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Set while the user has paused the run: every long loop waits at its next yield until it resolves. */
let paused: { resume(): void; resumed: Promise<void> } | null = null;

async function yieldToHost(): Promise<void> {
  await macrotask();
  while (paused) await paused.resumed;
}

function resume(): void {
  paused?.resume();
  paused = null;
}

async function createMl(): Promise<MlRuntime> {
  return createTfRuntime({
    backends: ['webgl', 'wasm', 'cpu'],
    // A GPU makes WebGL fastest; SwiftShader or a weak GPU leaves WASM ahead: measured, not assumed.
    choose: 'fastest',
    // Served from the built site next to this worker; keys are the file names TF.js asks for.
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
    },
  });
}

async function backendInfo(): Promise<BackendInfo> {
  const { backend, version, probeMs } = await session.ml();
  return { backend, version, probeMs };
}

const session = new Session(createMl, yieldToHost);
let current: AbortController | null = null;
/** Runs go one after another: a second request waits for the first instead of sharing artifacts mid-run. */
let queue: Promise<unknown> = Promise.resolve();

async function runCell(doc: NotebookDocument, cellId: string, events: RunEvents): Promise<RunOutcome> {
  const controller = new AbortController();
  current = controller;
  // Events travel on the proxy's own port, so the reply could overtake them; the reply waits
  // until the page has handled every event, and a finished run never gets a late progress.
  const delivered: (void | Promise<void>)[] = [];
  session.modelFiles = (id) => keptModelFiles(doc.id, id);
  try {
    const record = await session.run(doc, cellId, {
      signal: controller.signal,
      onStart: (id) => delivered.push(events.onStart(id)),
      onProgress: (id, update) => delivered.push(events.onProgress(id, update)),
      onRecord: (finished) => {
        delivered.push(events.onRecord(finished));
        // Kept as soon as Load makes it, not after the whole run: a page closed mid-training finds the table its finished cells came from.
        if (finished.status === 'done' && getCellKind(finished.kind)?.readsDataset) delivered.push(queueKeep(doc).then(() => undefined));
        // Kept as soon as it is trained, so a reload or another project can score with it.
        if (finished.status === 'done' && getCellKind(finished.kind)?.output === 'model') delivered.push(keepTrainedModel(doc, finished.cellId));
      },
    });
    return { status: 'finished', record };
  } catch (error) {
    if (error instanceof CancelledError || controller.signal.aborted) return { status: 'cancelled' };
    throw error;
  } finally {
    if (current === controller) current = null;
    // A pause asked for as the run ended must not hold the next one.
    resume();
    await Promise.allSettled(delivered);
  }
}

// Private windows in some browsers have no IndexedDB: the dataset is then kept for this page only.
const datasets = typeof indexedDB === 'undefined' ? createDatasetStore(createMemoryShelf()) : createIndexedDbDatasetStore();
const models = typeof indexedDB === 'undefined' ? createModelStore(createMemoryShelf()) : createIndexedDbModelStore();
let dataset: DatasetInfo | null = null;
/** What a project keeps of the session's dataset: the Load stamp of its table, so an unchanged table is not written again, and its size. */
let kept: { projectId: string; stamp: string; bytes: number } | null = null;

/** `projectId`: the open project, whose kept dataset this file replaces; null on the landing page. */
async function useDataset(file: DatasetFile, projectId: string | null): Promise<DatasetInfo> {
  const id = await session.setDataset(file);
  dataset = { name: file.name, bytes: datasetBlob(file).size, id };
  kept = null;
  // What was kept belongs to the previous file: a reload must not pair it with this one.
  if (projectId) await datasets.remove(projectId);
  return dataset;
}

/** Puts back what `projectId` kept, or nothing (a new project, or one that kept no dataset). */
async function openProjectDataset(projectId: string | null): Promise<DatasetInfo | null> {
  dataset = null;
  kept = null;
  // Closed first: a dataset that cannot be read must not leave the previous project's in place.
  session.closeDataset();
  if (!projectId) return null;
  const restored = await datasets.restore(projectId);
  if (!restored) return null;
  if (restored.kind === 'file') {
    const id = await session.setDataset(restored.file);
    dataset = { name: restored.file.name, bytes: datasetBlob(restored.file).size, id };
    return dataset;
  }
  const { snapshot } = restored;
  session.restoreDataset(snapshot, restoreTable(snapshot));
  dataset = { name: snapshot.name, bytes: snapshot.fileBytes, id: snapshot.datasetId };
  kept = { projectId, stamp: snapshot.record.stamp, bytes: storedBytes(snapshot) };
  return dataset;
}

async function keptModelFiles(projectId: string, id: string): Promise<ModelFiles | null> {
  return (await models.list(projectId)).find((model) => model.id === id)?.files ?? null;
}

async function keepTrainedModel(doc: NotebookDocument, cellId: string): Promise<void> {
  const trained = await session.trainedModel(doc, cellId);
  if (!trained) return;
  const cell = doc.cells.find((candidate) => candidate.id === cellId);
  const name = `${doc.title} · ${cell?.title || 'Train MLP'}`;
  const { files, target } = trained;
  await models.put(doc.id, { id: modelId(files), name, origin: 'trained', target, savedAt: new Date().toISOString(), bytes: modelBytes(files), cellId, files });
}

/** Keeps go one after another, so one table is never written twice. */
let keeping: Promise<unknown> = Promise.resolve();

function queueKeep(doc: NotebookDocument): Promise<number> {
  const write = keeping.then(() => keepLoadedTable(doc));
  keeping = write.catch(() => undefined);
  return write;
}

/** Keeps the Load cell's current table as columns under the document's id; returns about how many bytes the project's dataset takes. */
async function keepLoadedTable(doc: NotebookDocument): Promise<number> {
  // A notebook imported over the session's dataset keeps its own copy.
  const keptHere = kept?.projectId === doc.id ? kept : null;
  const loaded = session.loadedTable(doc);
  if (!loaded || !dataset || loaded.record.stamp === keptHere?.stamp) return keptHere?.bytes ?? 0;
  const bytes = await datasets.save(doc.id, snapshotTable(loaded.table, { datasetId: dataset.id, name: dataset.name, fileBytes: dataset.bytes, record: loaded.record }));
  kept = { projectId: doc.id, stamp: loaded.record.stamp, bytes };
  return bytes;
}

const api = {
  /** Host facts the page knows better than a worker (`performance.memory` is the page's). */
  configure(facts: MemoryFacts): void {
    session.memoryBudgetBytes = memoryBudget(facts);
  },

  /** Replaces the dataset with a file the user gave; the File crosses as a handle, never as its bytes. */
  setDataset(file: DatasetFile, projectId: string | null = null): Promise<DatasetInfo> {
    return useDataset(file, projectId);
  },

  /** Generates the built-in sample and makes it the dataset. */
  generateSample(rows: number, seed: number, projectId: string | null = null): Promise<DatasetInfo> {
    return useDataset({ name: 'sample-sessions.csv', bytes: new TextEncoder().encode(generateSessionsCsv(rows, seed)) }, projectId);
  },

  /**
   * Puts back the dataset project `projectId` kept, read here so a large one never blocks the page:
   * the Load cell's table as it was, or a file an earlier version kept whole. Null when none
   * (`projectId` null: a new project), and the session then holds no dataset.
   */
  restoreDataset(projectId: string | null): Promise<DatasetInfo | null> {
    return openProjectDataset(projectId);
  },

  /** Keeps the Load cell's current table with the project, as columns; nothing to write when it is already kept. Returns its stored size. */
  keepDataset(doc: NotebookDocument): Promise<number> {
    return queueKeep(doc);
  },

  /** Copies what the kernel keeps for project `from` (its dataset and models) to `to`; the dataset's facts, null when it keeps none. */
  async copyProjectData(from: string, to: string): Promise<KeptDatasetFacts | null> {
    await models.copy(from, to);
    return datasets.copy(from, to);
  },

  async removeProjectData(projectId: string): Promise<void> {
    await models.removeAll(projectId);
    await datasets.remove(projectId);
  },

  /** The models kept with project `projectId`, newest first. */
  async models(projectId: string): Promise<ModelFacts[]> {
    return (await models.list(projectId)).map(modelFacts);
  },

  /** A kept model's two files, for a download. */
  async modelFiles(projectId: string, id: string): Promise<ModelFiles | null> {
    return keptModelFiles(projectId, id);
  },

  /** Keeps model files the user imported, once they read back as a scoring model; throws what is wrong with them. */
  async importModel(projectId: string, name: string, files: ModelFiles): Promise<ModelFacts> {
    const { target } = await session.checkModelFiles(files);
    const kept = { id: modelId(files), name, origin: 'imported' as const, target, savedAt: new Date().toISOString(), bytes: modelBytes(files), files };
    await models.put(projectId, kept);
    return modelFacts(kept);
  },

  removeModel(projectId: string, id: string): Promise<void> {
    return models.remove(projectId, id);
  },

  /** The columns project `projectId` keeps, for a notebook file that carries its dataset; null when it keeps none. */
  async keptDataset(projectId: string): Promise<DatasetSnapshot | null> {
    const restored = await datasets.restore(projectId);
    return restored?.kind === 'columns' ? restored.snapshot : null;
  },

  /**
   * Keeps a dataset that came inside a notebook file as project `projectId`'s and opens it. It is
   * read back as any kept dataset is, checks included; one that cannot be read is removed again.
   */
  async adoptDataset(projectId: string, snapshot: DatasetSnapshot): Promise<DatasetInfo | null> {
    await datasets.save(projectId, snapshot);
    try {
      return await openProjectDataset(projectId);
    } catch (error) {
      await datasets.remove(projectId);
      throw error;
    }
  },

  run(doc: NotebookDocument, cellId: string, events: RunEvents): Promise<RunOutcome> {
    const outcome = queue.then(() => runCell(doc, cellId, events));
    queue = outcome.catch(() => undefined);
    return outcome;
  },

  /** Aborts the run under way; the cell keeps its previous record. */
  cancel(): void {
    current?.abort();
    // A paused run wakes up to see the abort.
    resume();
  },

  /** Holds the run under way at its next yield (between batches, epochs or chunks of a file) until `resume`. */
  pause(): void {
    if (!current || paused) return;
    let wake = () => {};
    const resumed = new Promise<void>((resolve) => (wake = resolve));
    paused = { resume: wake, resumed };
  },

  resume(): void {
    resume();
  },

  /** The training backend, chosen by the probe on first call (the page asks at start, so it can show it). */
  backend(): Promise<BackendInfo> {
    return backendInfo();
  },

  /** Trains on another backend from now on, as the user chose; waits for a run under way to end. */
  chooseBackend(name: string): Promise<BackendInfo> {
    const chosen = queue.then(async () => {
      await (await session.ml()).useBackend(name);
      return backendInfo();
    });
    queue = chosen.catch(() => undefined);
    return chosen;
  },
};

expose(api);

export type KernelApi = typeof api;
