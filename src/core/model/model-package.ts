import { CellError } from '../cells/types';
import { describeFeatures } from '../encode/encoding';
import { readFittedEncoding } from '../encode/read-encoding';
import { isRecord } from '../is-record';
import type { MlRuntime, ModelFiles } from './runtime';
import type { ScoringModel } from './scoring-model';

/**
 * A model as users keep and share it: the TF.js layers format's two files (model.json and its
 * weights), with what scoring needs besides the network (the fitted encoders, the target and its
 * back-transform) in model.json's `userDefinedMetadata`. Any TF.js app loads the network with
 * `tf.loadLayersModel`; the workbench reads the rest back for its Score cell. The files
 * themselves (ids, names, picking) are `model-files.ts`'s.
 */

/** The key of the scoring facts in `userDefinedMetadata`. */
const SCORING_KEY = 'scoring';

function scoringFacts(scoring: ScoringModel): Record<string, unknown> {
  const { target, encoding, targetTransform, back, targetNonNegative } = scoring;
  return { target, encoding, targetTransform, back, targetNonNegative };
}

/** The scoring model in the layers format's two files. */
export function saveScoringModel(ml: MlRuntime, scoring: ScoringModel): Promise<ModelFiles> {
  return ml.saveModel(scoring.model, { [SCORING_KEY]: scoringFacts(scoring) });
}

function readBack(value: unknown): ScoringModel['back'] {
  if (value === null) return null;
  if (isRecord(value) && [value.smearing, value.low, value.high].every((part) => typeof part === 'number' && Number.isFinite(part))) {
    return { smearing: value.smearing as number, low: value.low as number, high: value.high as number };
  }
  throw new CellError('The model file names a back-transform that is not three finite numbers (smearing, low, high)');
}

/** A model saved by `saveScoringModel` (here or elsewhere), checked before it scores anything. */
export async function loadScoringModel(ml: MlRuntime, files: ModelFiles): Promise<ScoringModel> {
  const { model, metadata } = await ml.loadModel(files);
  try {
    const facts = metadata[SCORING_KEY];
    if (!isRecord(facts)) throw new CellError('This model.json holds a network but not its encoders (no scoring facts in its metadata): only models exported from the workbench can score sessions');
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
