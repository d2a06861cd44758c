import { isRecord } from '../is-record';
import type { ModelFiles } from '../model/runtime';
import type { CellRecord } from '../runtime/record';
import { base64Length, base64ToBytes, bytesToBase64 } from './base64';
import type { NotebookDocument } from './document';
import { DocumentError } from './migrate';
import { readDocument, type ReadOnlyNotebook } from './read-document';

/**
 * The native notebook file: the document as migrate() reads it, and on request the results of
 * its cells, the dataset they ran on (the kept Arrow columns with their Load record) and the
 * project's kept models (TF.js layers files), so the file opens elsewhere as it was here. They
 * ride beside the document's own fields, which migrate() reads alone: an older workbench opens
 * such a file as a plain notebook.
 */

/** A kept dataset's fields with its Arrow columns as bytes, as the kernel keeps it. */
export type DatasetColumns = Record<string, unknown> & { arrow: Uint8Array };

/** A kept model as a notebook file carries it: its name and its two layers-format files. */
export interface NamedModel {
  name: string;
  files: ModelFiles;
}

export interface NotebookFileExtras {
  results?: readonly CellRecord[];
  dataset?: DatasetColumns | null;
  models?: readonly NamedModel[];
}

export interface NotebookFile {
  doc: NotebookDocument;
  /** Set for a newer build's notebook, which opens read-only; it keeps the file's own fields, less results and dataset. */
  readOnly: ReadOnlyNotebook | null;
  /** As the file holds them, unchecked: the caller keeps the valid records of `doc`'s cells. */
  results: unknown;
  dataset: DatasetColumns | null;
  models: NamedModel[];
}

/** `doc` is a read-only notebook's stored fields as they stand, or a document of this version. */
export function notebookFileJson(doc: NotebookDocument | Readonly<Record<string, unknown>>, extras: NotebookFileExtras = {}): string {
  const { results, dataset, models } = extras;
  const file = {
    ...doc,
    ...(results && results.length > 0 ? { results } : {}),
    ...(dataset ? { dataset: { ...dataset, arrow: bytesToBase64(dataset.arrow) } } : {}),
    ...(models && models.length > 0 ? { models: models.map(({ name, files }) => ({ name, json: files.json, weights: bytesToBase64(files.weights) })) } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** About how many bytes each optional part adds to the file, for the export menu to show before exporting. */
export function extrasSize(results: readonly CellRecord[], datasetBytes: number, modelBytes: number): { results: number; dataset: number; models: number } {
  return { results: new TextEncoder().encode(JSON.stringify(results, null, 2)).length, dataset: base64Length(datasetBytes), models: base64Length(modelBytes) };
}

function base64Bytes(value: unknown, path: string): Uint8Array {
  try {
    if (typeof value === 'string') return base64ToBytes(value);
  } catch {
    // Reported below with the field's path.
  }
  throw new DocumentError([`${path}: expected base64 text`]);
}

function readModels(value: unknown): NamedModel[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new DocumentError(['models: expected a list']);
  return value.map((model, index) => {
    if (!isRecord(model) || typeof model.name !== 'string' || typeof model.json !== 'string') throw new DocumentError([`models[${index}]: expected a name, a model.json text and its weights`]);
    return { name: model.name, files: { json: model.json, weights: base64Bytes(model.weights, `models[${index}].weights`) } };
  });
}

/** Reads a native file; throws DocumentError naming the path of what is wrong. */
export function readNotebookFile(value: unknown): NotebookFile {
  const { document: doc, readOnly: reason } = readDocument(value);
  const { results, dataset, models: rawModels, ...stored } = value as Record<string, unknown>;
  const readOnly = reason && { ...reason, stored };
  const models = readModels(rawModels);
  if (dataset === undefined) return { doc, readOnly, results, dataset: null, models };
  if (!isRecord(dataset) || typeof dataset.arrow !== 'string') throw new DocumentError(['dataset.arrow: expected the Arrow columns as base64 text']);
  let arrow: Uint8Array;
  try {
    arrow = base64ToBytes(dataset.arrow);
  } catch {
    throw new DocumentError(['dataset.arrow: not base64 text']);
  }
  return { doc, readOnly, results, dataset: { ...dataset, arrow }, models };
}
