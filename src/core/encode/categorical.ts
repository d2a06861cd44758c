import type { FeatureDescription, FrequencyEncoder, OneHotEncoder, Scaling } from './types';
import { applyScaler, describeScaler, fitScaler, toLevel } from './values';

/** Levels seen in fewer training rows than this share one "other" feature instead of their own. */
export const RARE_LEVEL_ROWS = 5;
const OTHER_LEVEL = '(other)';

export interface CategoricalOptions {
  oneHotMaxLevels: number;
  scaling: Scaling;
}

export function countLevels(values: ArrayLike<unknown>, trainRows: ArrayLike<number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < trainRows.length; i++) {
    const level = toLevel(values[trainRows[i]]);
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return counts;
}

/** Levels with at least RARE_LEVEL_ROWS training rows, most frequent first, ties by name, so feature order is stable. */
export function frequentLevels(counts: ReadonlyMap<string, number>): string[] {
  const ranked = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
  return ranked.filter(([, count]) => count >= RARE_LEVEL_ROWS).map(([level]) => level);
}

/**
 * One-hot for few levels; frequency encoding (the level's share of training rows) for many, where
 * one-hot would add hundreds of sparse features. Both are learned from training rows only.
 */
export function fitCategorical(column: string, values: ArrayLike<unknown>, trainRows: ArrayLike<number>, options: CategoricalOptions): OneHotEncoder | FrequencyEncoder | string {
  const counts = countLevels(values, trainRows);
  if (counts.size < 2) return 'constant in the training rows';
  if (counts.size <= options.oneHotMaxLevels) {
    const levels = frequentLevels(counts);
    if (levels.length === 0) return `every level has fewer than ${RARE_LEVEL_ROWS} training rows`;
    return { kind: 'one-hot', column, levels, otherFeature: levels.length < counts.size };
  }
  const levels = [...counts.keys()];
  const shares = levels.map((level) => counts.get(level)! / trainRows.length);
  const trainShares = Float64Array.from({ length: trainRows.length }, (_, i) => counts.get(toLevel(values[trainRows[i]]))! / trainRows.length);
  return { kind: 'frequency', column, levels, shares, scaler: fitScaler(trainShares, options.scaling) };
}

export function categoricalFeatures(encoder: OneHotEncoder | FrequencyEncoder): FeatureDescription[] {
  const { column } = encoder;
  if (encoder.kind === 'frequency') {
    return [{ name: `${column}:frequency`, column, encoding: `frequency encoding: share of training rows with the level (${encoder.levels.length} levels; unseen levels 0), ${describeScaler(encoder.scaler)}` }];
  }
  const features = encoder.levels.map((level) => ({ name: `${column}=${level}`, column, encoding: `one-hot of ${column}` }));
  if (encoder.otherFeature) {
    features.push({ name: `${column}=${OTHER_LEVEL}`, column, encoding: `one-hot of ${column}: levels with fewer than ${RARE_LEVEL_ROWS} training rows, or unseen` });
  }
  return features;
}

export function writeCategorical(encoder: OneHotEncoder | FrequencyEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number): void {
  if (encoder.kind === 'frequency') {
    const shareOf = new Map(encoder.levels.map((level, index) => [level, encoder.shares[index]]));
    for (let r = 0; r < rows.length; r++) x[r * width + offset] = applyScaler(shareOf.get(toLevel(values[rows[r]])) ?? 0, encoder.scaler);
    return;
  }
  const position = new Map(encoder.levels.map((level, index) => [level, index]));
  // Unseen levels fall into "other" when it exists, else they get all zeros.
  const otherIndex = encoder.otherFeature ? encoder.levels.length : -1;
  const featureCount = encoder.levels.length + (encoder.otherFeature ? 1 : 0);
  for (let r = 0; r < rows.length; r++) {
    const start = r * width + offset;
    x.fill(0, start, start + featureCount);
    const index = position.get(toLevel(values[rows[r]])) ?? otherIndex;
    if (index >= 0) x[start + index] = 1;
  }
}
