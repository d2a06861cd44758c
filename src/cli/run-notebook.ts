import { openAsBlob } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { memoryBudget } from '../core/data/memory-budget';
import { migrate } from '../core/notebook/migrate';
import type { NotebookDocument } from '../core/notebook/document';
import { updateCellParams } from '../core/notebook/operations';
import { fileStem, modelFilesNamed, modelId, weightFilePaths } from '../core/model/model-files';
import type { ModelFiles } from '../core/model/runtime';
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

/** A model.json and the weight files it lists, read from beside it. */
async function readModelFiles(path: string): Promise<ModelFiles> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch {
    throw new RunError(`cannot read model '${path}'`);
  }
  let paths: string[];
  try {
    paths = weightFilePaths(json);
  } catch (error) {
    throw new RunError(`model '${path}': ${(error as Error).message}`);
  }
  const parts = await Promise.all(
    paths.map((name) =>
      readFile(join(dirname(path), name)).catch(() => {
        throw new RunError(`model '${path}' lists weights '${name}', which cannot be read beside it`);
      }),
    ),
  );
  return { json, weights: new Uint8Array(Buffer.concat(parts)) };
}

/** --save-model: the last Train cell's model, written as model.json and its weights file. */
async function saveTrainedModel(session: Session, doc: NotebookDocument, path: string): Promise<void> {
  const train = doc.cells.filter((cell) => cell.kind === 'train-mlp').at(-1);
  const trained = train && (await session.trainedModel(doc, train.id));
  if (!trained) throw new RunError('--save-model given, but the notebook has no Train MLP cell that trained a model');
  const named = modelFilesNamed(trained.files, fileStem(basename(path, '.json')));
  try {
    await writeFile(join(dirname(path), named.weightsName), named.weights);
    await writeFile(path, named.json);
  } catch {
    throw new RunError(`cannot write model '${path}'`);
  }
}

/** --target sets every Load cell's target; --exclude every Encode cell's exclusions; --model every Score cell's model. */
function applyOverrides(doc: NotebookDocument, options: RunOptions, scoringModelId: string | null): NotebookDocument {
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
  if (scoringModelId !== null) {
    if (withKind('score').length === 0) throw new RunError('--model given, but the notebook has no Score cell');
    for (const cell of withKind('score')) updated = updateCellParams(updated, cell.id, { model: scoringModelId });
  }
  return updated;
}

/** The WASM backend's .wasm files sit beside its Node entry point. */
function wasmDirectory(): string {
  return `${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

/** Runs every cell in order; stops at the first cell that fails and throws its message. */
export async function runNotebook(options: RunOptions): Promise<NotebookRun> {
  const scoringModel = options.modelPath === undefined ? null : await readModelFiles(options.modelPath);
  const scoringModelId = scoringModel && modelId(scoringModel);
  const doc = applyOverrides(await readNotebook(options.notebookPath), options, scoringModelId);
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
  session.modelFiles = async (id) => (id === scoringModelId ? scoringModel : null);
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
    if (options.saveModelPath !== undefined) await saveTrainedModel(session, doc, options.saveModelPath);
  } finally {
    session.dispose();
  }
  return { doc, records, backend };
}
