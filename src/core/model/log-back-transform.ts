import { smearingFactor } from '../encode/target-transform';

/** Holds values inside [low, high], in place; returns how many were moved. */
export function clampInto(values: Float32Array, low: number, high: number): number {
  let clamped = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < low || values[i] > high) {
      values[i] = Math.min(high, Math.max(low, values[i]));
      clamped += 1;
    }
  }
  return clamped;
}

/**
 * How predictions of log1p(target) go back to the target's units, fitted on training rows.
 * expm1 of a log-scale prediction estimates something like a median and falls short of the mean,
 * so Duan's smearing factor (from the training residuals in log space) scales it back up. Outputs
 * beyond the training targets' log range are held at its edge first: exp turns a modest
 * extrapolation in log space (one outlying row) into a prediction orders of magnitude off.
 */
export interface Log1pBackTransform {
  smearing: number;
  low: number;
  high: number;
}

/** `trainPredictions` (log scale) are clamped in place to the training targets' range. */
export function fitLog1pBackTransform(trainTargets: Float32Array, trainPredictions: Float32Array): Log1pBackTransform {
  const low = trainTargets.reduce((min, value) => Math.min(min, value), Infinity);
  const high = trainTargets.reduce((max, value) => Math.max(max, value), -Infinity);
  clampInto(trainPredictions, low, high);
  return { smearing: smearingFactor(trainTargets, trainPredictions), low, high };
}

/** Log-scale predictions in the target's units, in place; `clipped` counts those held at the range's edge. */
export function applyLog1pBackTransform(predictions: Float32Array, back: Log1pBackTransform, smearing = back.smearing): { values: Float32Array; clipped: number } {
  const clipped = clampInto(predictions, back.low, back.high);
  for (let i = 0; i < predictions.length; i++) predictions[i] = smearing * Math.exp(predictions[i]) - 1;
  return { values: predictions, clipped };
}
