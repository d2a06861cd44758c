import type { ColumnTable } from 'arquero';
import { CellError, type FeaturesArtifact, type ModelArtifact } from '../cells/types';
import { encodeCodes } from '../encode/embedding';
import { encodeRows } from '../encode/encoding';
import { transformTarget, type TargetTransform } from '../encode/target-transform';
import type { FittedEncoding } from '../encode/types';
import { isHurdleModel } from './hurdle';
import { applyLog1pBackTransform, clampInto, fitLog1pBackTransform, type Log1pBackTransform } from './log-back-transform';
import type { TrainedRegressor } from './runtime';

/**
 * Everything needed to turn new rows into predictions in the target's units: the encoders fitted
 * on the training rows, the network, and how its output maps back. A model trained in this
 * notebook and one imported from files both score through it.
 */
export interface ScoringModel {
  target: string;
  encoding: FittedEncoding;
  targetTransform: TargetTransform;
  /** Fitted on the training rows for a network trained on log1p(target); null otherwise (a hurdle model maps back itself). */
  back: Log1pBackTransform | null;
  /** Every training target was ≥ 0, so negative predictions are raised to 0. */
  targetNonNegative: boolean;
  model: TrainedRegressor;
}

/** How predictions of `model` on `features` go back to the target's units: Evaluate and scoring share it. */
export function fitBackTransform(features: FeaturesArtifact, model: TrainedRegressor): Log1pBackTransform | null {
  if (features.targetTransform === 'none' || isHurdleModel(model)) return null;
  const { train } = features;
  return fitLog1pBackTransform(transformTarget(train.y, features.targetTransform), model.predict(train.x, train.rows, train.codes));
}

/** The scoring model of a Train cell's output; the encoders must have come with the features. */
export function scoringModelOf({ features, model }: ModelArtifact): ScoringModel {
  if (!features.encoding) throw new CellError('These features carry no fitted encoders, so new rows cannot be encoded: run the Encode cell again');
  return {
    target: features.target,
    encoding: features.encoding,
    targetTransform: features.targetTransform,
    back: fitBackTransform(features, model),
    targetNonNegative: features.targetNonNegative,
    model,
  };
}

export interface Scores {
  /** In the target's units, one per row. */
  predictions: Float32Array;
  /** P(target > 0) per row, for a hurdle model. */
  probabilities: Float32Array | null;
  /** Log-scale predictions held at the training range's edge before the back-transform. */
  clipped: number;
  /** Negative predictions raised to 0. */
  clamped: number;
}

/** Rows per block, so a million-row table never becomes one feature matrix of all rows. */
const SCORE_BLOCK_ROWS = 65_536;

/** Predictions for every row of `table`, encoded with the fitted encoders; `onBlock` reports progress and may yield. */
export async function scoreTable(scoring: ScoringModel, table: ColumnTable, onBlock: (rowsDone: number) => Promise<void>): Promise<Scores> {
  const rows = table.numRows();
  const predictions = new Float32Array(rows);
  const probabilities = isHurdleModel(scoring.model) ? new Float32Array(rows) : null;
  let clipped = 0;
  for (let start = 0; start < rows; start += SCORE_BLOCK_ROWS) {
    const end = Math.min(rows, start + SCORE_BLOCK_ROWS);
    const positions = Uint32Array.from({ length: end - start }, (_, i) => start + i);
    const x = encodeRows(scoring.encoding, table, positions);
    const codes = encodeCodes(scoring.encoding, table, positions);
    const block = scoring.model.predict(x, positions.length, codes);
    if (scoring.back) clipped += applyLog1pBackTransform(block, scoring.back).clipped;
    predictions.set(block, start);
    if (probabilities && isHurdleModel(scoring.model)) probabilities.set(scoring.model.probability(x, positions.length, codes), start);
    await onBlock(end);
  }
  const clamped = scoring.targetNonNegative ? clampInto(predictions, 0, Infinity) : 0;
  return { predictions, probabilities, clipped, clamped };
}
