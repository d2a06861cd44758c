import { CellError } from '../cells/types';
import { describeFeatures } from '../encode/encoding';
import { readFittedEncoding } from '../encode/read-encoding';
import { canonicalJson, hashBytes, hashString } from '../hash';
import type { MlRuntime, ModelFiles } from './runtime';
import type { ScoringModel } from './scoring-model';

/**
 * A model as users keep and share it: the TF.js layers format's two files (model.json and its
 * weights), with what scoring needs besides the network (the fitted encoders, the target and its
 * back-transform) in model.json's `userDefinedMetadata`. Any TF.js app loads the network with
 * `tf.loadLayersModel`; the workbench reads the rest back for its Score cell.
 */

/** The key of the scoring facts in `userDefinedMetadata`. */
const SCORING_KEY = 'scoring';

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
 * Names the weight files leave out: the same model downloaded under another name and imported
 * again keeps its id, so a notebook's Score cell finds it.
 */
export function modelId(files: ModelFiles): string {
  const { weightsManifest, ...model } = parseModelJson(files.json);
  const weights = manifestWeights(weightsManifest as unknown[]);
  return hashString(`${hashString(canonicalJson({ ...model, weights }))}|${hashBytes(files.weights)}`);
}

export function modelBytes(files: ModelFiles): number {
  return files.json.length + files.weights.byteLength;
}

function scoringFacts(scoring: ScoringModel): Record<string, unknown> {
  const { target, encoding, targetTransform, back, targetNonNegative } = scoring;
  return { target, encoding, targetTransform, back, targetNonNegative };
}

/** The scoring model in the layers format's two files. */
export function saveScoringModel(ml: MlRuntime, scoring: ScoringModel): Promise<ModelFiles> {
  return ml.saveModel(scoring.model, { [SCORING_KEY]: scoringFacts(scoring) });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readBack(value: unknown): ScoringModel['back'] {
  if (value === null) return null;
  if (isObject(value) && [value.smearing, value.low, value.high].every((part) => typeof part === 'number' && Number.isFinite(part))) {
    return { smearing: value.smearing as number, low: value.low as number, high: value.high as number };
  }
  throw new CellError('The model file names a back-transform that is not three finite numbers (smearing, low, high)');
}

/** A model saved by `saveScoringModel` (here or elsewhere), checked before it scores anything. */
export async function loadScoringModel(ml: MlRuntime, files: ModelFiles): Promise<ScoringModel> {
  const { model, metadata } = await ml.loadModel(files);
  try {
    const facts = metadata[SCORING_KEY];
    if (!isObject(facts)) throw new CellError('This model.json holds a network but not its encoders (no scoring facts in its metadata): only models exported from the workbench can score sessions');
    const encoding = readFittedEncoding(facts.encoding);
    const width = encoding.encoders.reduce((sum, encoder) => sum + describeFeatures(encoder).length, 0);
    if (width !== model.inputSize) throw new CellError(`The model's encoders make ${width} features but its network takes ${model.inputSize}: the file is damaged`);
    if (typeof facts.target !== 'string' || typeof facts.targetNonNegative !== 'boolean') throw new CellError('The model file does not name its target');
    if (facts.targetTransform !== 'none' && facts.targetTransform !== 'log1p') throw new CellError('The model file names an unknown target transform');
    return { target: facts.target, encoding, targetTransform: facts.targetTransform, back: readBack(facts.back), targetNonNegative: facts.targetNonNegative, model };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

function parseModelJson(json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new CellError('This model.json is not valid JSON');
  }
  if (!isObject(parsed) || !Array.isArray(parsed.weightsManifest)) throw new CellError('This JSON file is not a TF.js model.json: it has no weightsManifest');
  return parsed;
}

/** Every weight the manifest's groups list, in the order of the weights buffer. */
function manifestWeights(manifest: readonly unknown[]): unknown[] {
  return manifest.flatMap((group) => (isObject(group) && Array.isArray(group.weights) ? group.weights : []));
}

/** The weight files model.json lists, in order: TF.js reads them as one buffer, end to end. */
export function weightFilePaths(json: string): string[] {
  const manifest = parseModelJson(json).weightsManifest as unknown[];
  const paths = manifest.flatMap((group) => (isObject(group) && Array.isArray(group.paths) ? group.paths : [null]));
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
