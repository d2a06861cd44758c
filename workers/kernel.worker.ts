import { expose } from 'comlink';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { CancelledError, datasetBlob, type DatasetFile, type ProgressUpdate } from '../src/core/cells/types';
import { memoryBudget, type MemoryFacts } from '../src/core/data/memory-budget';
import type { MlRuntime } from '../src/core/model/runtime';
import { createTfRuntime } from '../src/core/model/tfjs-runtime';
import type { NotebookDocument } from '../src/core/notebook/document';
import type { CellRecord } from '../src/core/runtime/record';
import { Session } from '../src/core/runtime/session';
import { generateSessionsCsv } from '../src/core/sample/sessions';
import { restoreTable, snapshotTable } from '../src/storage/dataset-snapshot';
import { createDatasetStore } from '../src/storage/dataset-store';
import { createIndexedDbDatasetStore } from '../src/storage/indexeddb-store';
import { createMemoryShelf } from '../src/storage/shelf';

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
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

let mlInfo: BackendInfo | null = null;

async function createMl(): Promise<MlRuntime> {
  const runtime = await createTfRuntime({
    backends: ['webgl', 'wasm', 'cpu'],
    // Served from the built site next to this worker; keys are the file names TF.js asks for.
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
    },
  });
  mlInfo = { backend: runtime.backend, version: runtime.version };
  return runtime;
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
  try {
    const record = await session.run(doc, cellId, {
      signal: controller.signal,
      onStart: (id) => delivered.push(events.onStart(id)),
      onProgress: (id, update) => delivered.push(events.onProgress(id, update)),
      onRecord: (finished) => delivered.push(events.onRecord(finished)),
    });
    return { status: 'finished', record };
  } catch (error) {
    if (error instanceof CancelledError || controller.signal.aborted) return { status: 'cancelled' };
    throw error;
  } finally {
    if (current === controller) current = null;
    await Promise.allSettled(delivered);
  }
}

// Private windows in some browsers have no IndexedDB: the dataset is then kept for this page only.
const datasets = typeof indexedDB === 'undefined' ? createDatasetStore(createMemoryShelf()) : createIndexedDbDatasetStore();
let dataset: DatasetInfo | null = null;
/** The Load stamp whose table is kept, so an unchanged table is not written again. */
let keptStamp: string | null = null;

async function useDataset(file: DatasetFile): Promise<DatasetInfo> {
  const id = await session.setDataset(file);
  dataset = { name: file.name, bytes: datasetBlob(file).size, id };
  keptStamp = null;
  // What was kept belongs to the previous file: a reload must not pair it with this one.
  await datasets.clear();
  return dataset;
}

const api = {
  /** Host facts the page knows better than a worker (`performance.memory` is the page's). */
  configure(facts: MemoryFacts): void {
    session.memoryBudgetBytes = memoryBudget(facts);
  },

  /** Replaces the dataset with a file the user gave; the File crosses as a handle, never as its bytes. */
  setDataset(file: DatasetFile): Promise<DatasetInfo> {
    return useDataset(file);
  },

  /** Generates the built-in sample and makes it the dataset. */
  generateSample(rows: number, seed: number): Promise<DatasetInfo> {
    return useDataset({ name: 'sample-sessions.csv', bytes: new TextEncoder().encode(generateSessionsCsv(rows, seed)) });
  },

  /**
   * Puts back the dataset the project kept, read here so a large one never blocks the page:
   * the Load cell's table as it was, or a file an earlier version kept whole. Null when none.
   */
  async restoreDataset(): Promise<DatasetInfo | null> {
    const kept = await datasets.restore();
    if (!kept) return null;
    if (kept.kind === 'file') {
      const id = await session.setDataset(kept.file);
      dataset = { name: kept.file.name, bytes: datasetBlob(kept.file).size, id };
      return dataset;
    }
    const { snapshot } = kept;
    session.restoreDataset(snapshot, restoreTable(snapshot));
    dataset = { name: snapshot.name, bytes: snapshot.fileBytes, id: snapshot.datasetId };
    keptStamp = snapshot.record.stamp;
    return dataset;
  },

  /** Keeps the Load cell's current table with the project, as columns; nothing to do when it is already kept. */
  async keepDataset(doc: NotebookDocument): Promise<void> {
    const loaded = session.loadedTable(doc);
    if (!loaded || !dataset || loaded.record.stamp === keptStamp) return;
    await datasets.save(snapshotTable(loaded.table, { datasetId: dataset.id, name: dataset.name, fileBytes: dataset.bytes, record: loaded.record }));
    keptStamp = loaded.record.stamp;
  },

  run(doc: NotebookDocument, cellId: string, events: RunEvents): Promise<RunOutcome> {
    const outcome = queue.then(() => runCell(doc, cellId, events));
    queue = outcome.catch(() => undefined);
    return outcome;
  },

  /** Aborts the run under way; the cell keeps its previous record. */
  cancel(): void {
    current?.abort();
  },

  /** The training backend, chosen on first call (the page asks at start, so it can show it). */
  async backend(): Promise<BackendInfo> {
    await session.ml();
    return mlInfo!;
  },
};

expose(api);

export type KernelApi = typeof api;
