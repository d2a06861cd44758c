import { CellError } from '../cells/types';

/** How the regression target is transformed for training; predictions are mapped back before any metric. */
export type TargetTransform = 'none' | 'log1p';

export function targetLabel(target: string, transform: TargetTransform): string {
  return transform === 'log1p' ? `log1p(${target})` : target;
}

/** Every target value must lie in the transform's domain, or the cell stops and says which. */
export function checkTargetTransform(target: string, values: ArrayLike<number>, transform: TargetTransform): void {
  if (transform !== 'log1p') return;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) {
      throw new CellError(`Target column '${target}' has a negative value (${values[i]}): the log1p target transform needs values ≥ 0; choose none`);
    }
  }
}

/** The values the model is trained on. */
export function transformTarget(values: Float32Array, transform: TargetTransform): Float32Array {
  return transform === 'log1p' ? values.map(Math.log1p) : values;
}

/**
 * Duan's smearing factor, mean(exp(residual)) over training rows in the log1p space:
 * expm1 of a mean on the log scale predicts a geometric-type mean, below the arithmetic mean
 * by that factor when the residuals are spread alike across rows.
 */
export function smearingFactor(transformedTargets: ArrayLike<number>, predictions: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) sum += Math.exp(transformedTargets[i] - predictions[i]);
  return predictions.length > 0 ? sum / predictions.length : 1;
}

/** Predictions in the target's own units: smearing · exp(p) − 1 for log1p, in place. */
export function backTransformPredictions(predictions: Float32Array, transform: TargetTransform, smearing: number): Float32Array {
  if (transform === 'log1p') for (let i = 0; i < predictions.length; i++) predictions[i] = smearing * Math.exp(predictions[i]) - 1;
  return predictions;
}
