import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { basename, dirname } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { memoryBudget } from '../core/data/memory-budget';
import { migrate } from '../core/notebook/migrate';
import type { NotebookDocument } from '../core/notebook/document';
import { updateCellParams } from '../core/notebook/operations';
import { createTfRuntime } from '../core/model/tfjs-runtime';
import type { CellRecord } from '../core/runtime/record';
import { Session } from '../core/runtime/session';
import type { RunOptions } from './args';

/** A failure to report as one `error: ...` line. */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunError';
  }
}

export interface NotebookRun {
  doc: NotebookDocument;
  records: CellRecord[];
  backend: string | null;
}

async function readNotebook(path: string): Promise<NotebookDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new RunError(`cannot read notebook '${path}'`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RunError(`notebook '${path}' is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return migrate(raw);
  } catch (error) {
    throw new RunError(`notebook '${path}': ${(error as Error).message}`);
  }
}

/** --target sets every Load cell's target; --exclude every Encode cell's exclusions. */
function applyOverrides(doc: NotebookDocument, options: RunOptions): NotebookDocument {
  let updated = doc;
  const withKind = (kind: string) => doc.cells.filter((cell) => cell.kind === kind);
  if (options.target !== null) {
    if (withKind('load').length === 0) throw new RunError('--target given, but the notebook has no Load cell');
    for (const cell of withKind('load')) updated = updateCellParams(updated, cell.id, { target: options.target });
  }
  if (options.exclude !== null) {
    if (withKind('encode').length === 0) throw new RunError('--exclude given, but the notebook has no Encode cell');
    for (const cell of withKind('encode')) updated = updateCellParams(updated, cell.id, { exclude: options.exclude });
  }
  return updated;
}

/** The WASM backend's .wasm files sit beside its Node entry point. */
function wasmDirectory(): string {
  return `${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

/** Runs every cell in order; stops at the first cell that fails and throws its message. */
export async function runNotebook(options: RunOptions): Promise<NotebookRun> {
  const doc = applyOverrides(await readNotebook(options.notebookPath), options);
  let blob: Blob;
  try {
    // File-backed: the Load cell reads it a slice at a time, as the page reads a dropped File.
    blob = await openAsBlob(options.dataPath);
  } catch {
    throw new RunError(`cannot read data file '${options.dataPath}'`);
  }
  let backend: string | null = null;
  const session = new Session(
    async () => {
      const runtime = await createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths: wasmDirectory() });
      backend = runtime.backend;
      return runtime;
    },
    () => new Promise((resolve) => setImmediate(resolve)),
  );
  session.memoryBudgetBytes = memoryBudget({ heapLimitBytes: getHeapStatistics().heap_size_limit, deviceMemoryGiB: totalmem() / 2 ** 30 });
  await session.setDataset({ name: basename(options.dataPath), blob });
  const records: CellRecord[] = [];
  const signal = new AbortController().signal;
  try {
    for (const [index, cell] of doc.cells.entries()) {
      const record = await session.run(doc, cell.id, { signal });
      records.push(record);
      if (record.status === 'error') throw new RunError(`cell ${index + 1} (${cell.kind}): ${record.error}`);
    }
  } finally {
    session.dispose();
  }
  return { doc, records, backend };
}
