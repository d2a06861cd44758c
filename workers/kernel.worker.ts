import { expose } from 'comlink';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { CancelledError, type DatasetFile, type ProgressUpdate } from '../src/core/cells/types';
import type { MlRuntime } from '../src/core/model/runtime';
import { createTfRuntime } from '../src/core/model/tfjs-runtime';
import type { NotebookDocument } from '../src/core/notebook/document';
import type { CellRecord } from '../src/core/runtime/record';
import { Session } from '../src/core/runtime/session';
import { generateSessionsCsv } from '../src/core/sample/sessions';

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

const api = {
  /** Replaces the dataset; returns its content id, which the page uses in plan stamps. */
  setDataset(file: DatasetFile): string {
    return session.setDataset(file);
  },

  /** Generates the built-in sample, makes it the dataset and hands it back so the page can save it. */
  generateSample(rows: number, seed: number): DatasetFile {
    const file: DatasetFile = { name: 'sample-sessions.csv', bytes: new TextEncoder().encode(generateSessionsCsv(rows, seed)) };
    session.setDataset(file);
    return file;
  },

  /** The content id of the current dataset, used in plan stamps; null before one is set. */
  datasetId(): string | null {
    return session.datasetId;
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
