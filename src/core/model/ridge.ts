import { CellError, type FeatureMatrix } from '../cells/types';
import { solveSymmetricPositiveDefinite } from '../cholesky';

/** A linear model y ≈ intercept + x·weights, fitted in float64. */
export interface LinearModel {
  intercept: number;
  weights: Float64Array;
  /** The penalty chosen on the validation rows. */
  lambda: number;
  predict(x: Float32Array, rows: number): Float64Array;
}

/** Penalties tried, on centred features: from almost least squares to heavy shrinkage. */
export const RIDGE_LAMBDAS = [1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4] as const;

function linearModel(intercept: number, weights: Float64Array, lambda: number): LinearModel {
  const d = weights.length;
  return {
    intercept,
    weights,
    lambda,
    predict(x, rows) {
      const out = new Float64Array(rows);
      for (let row = 0; row < rows; row++) {
        let sum = intercept;
        for (let j = 0; j < d; j++) sum += x[row * d + j] * weights[j];
        out[row] = sum;
      }
      return out;
    },
  };
}

/**
 * Ridge regression in closed form, as scikit-learn's `Ridge(alpha=λ)`: minimises
 * ‖y − b − Xw‖² + λ‖w‖² with the intercept b unpenalised (features and target centred on the
 * training means). λ is the one of `RIDGE_LAMBDAS` with the lowest validation MSE.
 */
export function fitRidge(train: FeatureMatrix, validation: FeatureMatrix): LinearModel {
  if (train.rows === 0) throw new CellError('The ridge baseline needs training rows');
  const d = train.x.length / train.rows;
  const featureMeans = new Float64Array(d);
  for (let row = 0; row < train.rows; row++) for (let j = 0; j < d; j++) featureMeans[j] += train.x[row * d + j];
  featureMeans.forEach((sum, j) => (featureMeans[j] = sum / train.rows));
  let targetMean = 0;
  for (let row = 0; row < train.rows; row++) targetMean += train.y[row];
  targetMean /= train.rows;

  const gram = new Float64Array(d * d);
  const moment = new Float64Array(d);
  const centred = new Float64Array(d);
  for (let row = 0; row < train.rows; row++) {
    for (let j = 0; j < d; j++) centred[j] = train.x[row * d + j] - featureMeans[j];
    const target = train.y[row] - targetMean;
    for (let i = 0; i < d; i++) {
      const value = centred[i];
      if (value === 0) continue;
      moment[i] += value * target;
      for (let j = 0; j <= i; j++) gram[i * d + j] += value * centred[j];
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) gram[j * d + i] = gram[i * d + j];

  let best: { model: LinearModel; error: number } | null = null;
  for (const lambda of RIDGE_LAMBDAS) {
    const penalised = gram.slice();
    for (let i = 0; i < d; i++) penalised[i * d + i] += lambda;
    const weights = solveSymmetricPositiveDefinite(penalised, moment);
    if (!weights) throw new CellError('The ridge baseline could not be solved: its normal equations are not positive definite');
    let intercept = targetMean;
    for (let j = 0; j < d; j++) intercept -= featureMeans[j] * weights[j];
    const model = linearModel(intercept, weights, lambda);
    const predicted = model.predict(validation.x, validation.rows);
    let error = 0;
    for (let row = 0; row < validation.rows; row++) error += (validation.y[row] - predicted[row]) ** 2;
    if (!best || error < best.error) best = { model, error };
  }
  return best!.model;
}
