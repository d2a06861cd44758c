import { CellError } from '../cells/types';
import { createRandom, shuffledIndices } from '../random';
import type { FeatureDescription, Scaling, TargetEncoder } from './types';
import { applyScaler, describeScaler, fitScaler, toLevel } from './values';

export interface TargetEncodingOptions {
  folds: number;
  /** m of the m-estimate: how many rows' worth of weight the prior gets against a level's own mean. */
  smoothing: number;
  seed: number;
  scaling: Scaling;
  targetLabel: string;
}

export interface FittedTargetEncoding {
  encoder: TargetEncoder;
  /** The encoding of each training row (aligned with the training rows), from the other folds only. */
  outOfFold: Float64Array;
}

interface LevelTable {
  prior: number;
  encodings: Map<string, number>;
}

/**
 * encoding(level) = (sum of the level's targets + m · prior) / (rows with the level + m), with
 * `prior` the mean target of the same rows: a level seen in few rows stays near the prior, a
 * frequent one approaches its own mean.
 */
function levelTable(levels: readonly string[], targets: ArrayLike<number>, use: (position: number) => boolean, smoothing: number): LevelTable {
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  let total = 0;
  let rows = 0;
  for (let i = 0; i < levels.length; i++) {
    if (!use(i)) continue;
    sums.set(levels[i], (sums.get(levels[i]) ?? 0) + targets[i]);
    counts.set(levels[i], (counts.get(levels[i]) ?? 0) + 1);
    total += targets[i];
    rows += 1;
  }
  const prior = total / rows;
  const encodings = new Map<string, number>();
  for (const [level, count] of counts) encodings.set(level, (sums.get(level)! + smoothing * prior) / (count + smoothing));
  return { prior, encodings };
}

/**
 * Out-of-fold target encoding: training rows are dealt into seeded folds and each is encoded with
 * the table of the other folds, so a row's own target never feeds its feature (the model would
 * otherwise learn to trust an encoding that is partly the answer). Validation, test and new rows
 * use the table of all training rows; a level never seen in training gets the training mean.
 */
export function fitTargetEncoding(column: string, values: ArrayLike<unknown>, trainRows: ArrayLike<number>, trainTargets: ArrayLike<number>, options: TargetEncodingOptions): FittedTargetEncoding | string {
  if (trainRows.length < options.folds) {
    throw new CellError(`Target encoding of '${column}' needs at least one training row per fold (${options.folds} folds); it has ${trainRows.length}`);
  }
  const levels = Array.from({ length: trainRows.length }, (_, i) => toLevel(values[trainRows[i]]));
  if (new Set(levels).size < 2) return 'constant in the training rows';
  const foldOf = new Uint8Array(trainRows.length);
  shuffledIndices(trainRows.length, createRandom(options.seed)).forEach((position, rank) => (foldOf[position] = rank % options.folds));
  const outOfFold = new Float64Array(trainRows.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const table = levelTable(levels, trainTargets, (i) => foldOf[i] !== fold, options.smoothing);
    for (let i = 0; i < levels.length; i++) if (foldOf[i] === fold) outOfFold[i] = table.encodings.get(levels[i]) ?? table.prior;
  }
  const full = levelTable(levels, trainTargets, () => true, options.smoothing);
  const encoder: TargetEncoder = {
    kind: 'target',
    column,
    targetLabel: options.targetLabel,
    folds: options.folds,
    smoothing: options.smoothing,
    prior: full.prior,
    levels: [...full.encodings.keys()],
    encodings: [...full.encodings.values()],
    scaler: fitScaler(outOfFold, options.scaling),
  };
  return { encoder, outOfFold };
}

export function targetEncodingFeatures(encoder: TargetEncoder): FeatureDescription[] {
  const encoding = `target encoding: mean ${encoder.targetLabel} per level (${encoder.levels.length} levels), smoothed toward the training mean with m = ${encoder.smoothing}, out-of-fold over ${encoder.folds} folds for training rows; unseen levels get the training mean; ${describeScaler(encoder.scaler)}`;
  return [{ name: `te(${encoder.column})`, column: encoder.column, encoding }];
}

/** `outOfFold` (aligned with `rows`) replaces the full-training table for the training rows themselves. */
export function writeTargetEncoding(encoder: TargetEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number, outOfFold?: Float64Array): void {
  const encodingOf = new Map(encoder.levels.map((level, index) => [level, encoder.encodings[index]]));
  for (let r = 0; r < rows.length; r++) {
    const raw = outOfFold ? outOfFold[r] : (encodingOf.get(toLevel(values[rows[r]])) ?? encoder.prior);
    x[r * width + offset] = applyScaler(raw, encoder.scaler);
  }
}
