import { CellError } from '../cells/types';
import { canonicalJson, hashBytes, hashString } from '../hash';
import { isRecord } from '../is-record';
import type { ModelFiles } from './runtime';

/**
 * The layers format's two files as a project keeps, names, downloads and picks them: DOM-free
 * and TF-free, so the page and the runner handle model files without loading TF.js.
 */

/** What the project list and the Score cell's picker show of a kept model. */
export interface ModelFacts {
  /** A content id: equal files, equal id, so a Score cell's stamp follows the model it names. */
  id: string;
  name: string;
  /** Trained in this project, or imported from files. */
  origin: 'trained' | 'imported';
  target: string;
  savedAt: string;
  bytes: number;
  /** The Train cell that made it, for a trained model: a retrain replaces it. */
  cellId?: string;
}

export interface KeptModel extends ModelFacts {
  files: ModelFiles;
}

/**
 * A content id that leaves out the weight files' names: the same model downloaded under another
 * name and imported again keeps its id, so a notebook's Score cell finds it.
 */
export function modelId(files: ModelFiles): string {
  const { weightsManifest, ...model } = parseModelJson(files.json);
  const weights = manifestWeights(weightsManifest as unknown[]);
  return hashString(`${hashString(canonicalJson({ ...model, weights }))}|${hashBytes(files.weights)}`);
}

export function modelBytes(files: ModelFiles): number {
  return files.json.length + files.weights.byteLength;
}

/** model.json's fields; throws a CellError for text that is not a TF.js model.json. */
export function parseModelJson(json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new CellError('This model.json is not valid JSON');
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.weightsManifest)) throw new CellError('This JSON file is not a TF.js model.json: it has no weightsManifest');
  return parsed;
}

/** Every weight the manifest's groups list, in the order of the weights buffer. */
function manifestWeights(manifest: readonly unknown[]): unknown[] {
  return manifest.flatMap((group) => (isRecord(group) && Array.isArray(group.weights) ? group.weights : []));
}

/** The weight files model.json lists, in order: TF.js reads them as one buffer, end to end. */
export function weightFilePaths(json: string): string[] {
  const manifest = parseModelJson(json).weightsManifest as unknown[];
  const paths = manifest.flatMap((group) => (isRecord(group) && Array.isArray(group.paths) ? group.paths : [null]));
  if (paths.length === 0 || !paths.every((path): path is string => typeof path === 'string' && path !== '')) {
    throw new CellError("This model.json's weightsManifest does not name its weight files");
  }
  return paths;
}

/** A file name stem from free text (a model's name): letters, digits, '-', '_' and '.'. */
export function fileStem(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'model';
}

/** The two files to write for `stem`: model.json naming its weights `<stem>.weights.bin`, as `tf.loadLayersModel` will look for them. */
export function modelFilesNamed(files: ModelFiles, stem: string): { jsonName: string; json: string; weightsName: string; weights: Uint8Array } {
  const weightsName = `${stem}.weights.bin`;
  const parsed = parseModelJson(files.json);
  // One group for the one file: the groups' weights in order are the order of the concatenated buffer.
  const manifest = [{ paths: [weightsName], weights: manifestWeights(parsed.weightsManifest as unknown[]) }];
  return { jsonName: `${stem}.json`, json: JSON.stringify({ ...parsed, weightsManifest: manifest }), weightsName, weights: files.weights };
}

/** model.json and the weight files it lists, from files a user picked together; names what is missing. */
export function assembleModelFiles(json: string, picked: readonly { name: string; bytes: Uint8Array }[]): ModelFiles {
  const paths = weightFilePaths(json);
  const byName = new Map(picked.map((file) => [file.name, file.bytes]));
  // A manifest path may carry a folder (`./weights/x.bin`); a picked file has only its name.
  const parts = paths.map((path) => byName.get(path.split('/').at(-1)!));
  const missing = paths.filter((_, index) => parts[index] === undefined);
  if (missing.length > 0) throw new CellError(`model.json lists ${missing.map((path) => `'${path}'`).join(', ')}: pick ${missing.length === 1 ? 'that file' : 'those files'} together with model.json`);
  const weights = new Uint8Array(parts.reduce((sum, part) => sum + part!.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    weights.set(part!, offset);
    offset += part!.byteLength;
  }
  return { json, weights };
}
