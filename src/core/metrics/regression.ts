import { CellError } from '../cells/types';

function checkPair(actual: ArrayLike<number>, predicted: ArrayLike<number>): void {
  if (actual.length !== predicted.length) {
    throw new CellError(`Cannot score ${predicted.length} predictions against ${actual.length} actual values`);
  }
  if (actual.length === 0) throw new CellError('Cannot score an empty set of rows');
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new CellError('Cannot take the mean of no values');
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Sum of squared residuals; float64 accumulation keeps large float32 targets exact enough. */
function squaredError(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - predicted[i]) ** 2;
  return sum;
}

export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair(actual, predicted);
  return Math.sqrt(squaredError(actual, predicted) / actual.length);
}

export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair(actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - predicted[i]);
  return sum / actual.length;
}

/**
 * Coefficient of determination, 1 - SSres / SStot, as scikit-learn's `r2_score`. It is undefined
 * when the actual values are all equal (SStot = 0): that case returns null rather than NaN or -Infinity.
 */
export function r2(actual: ArrayLike<number>, predicted: ArrayLike<number>): number | null {
  checkPair(actual, predicted);
  const center = mean(actual);
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += (actual[i] - center) ** 2;
  if (total === 0) return null;
  return 1 - squaredError(actual, predicted) / total;
}
