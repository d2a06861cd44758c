import { describe, expect, it } from 'vitest';
import { mae, mean, r2, rmse } from '../../../src/core/metrics/regression';

// actual = [1, 2, 3, 6], predicted = [2, 2, 1, 5]: residuals 1, 0, -2, -1.
const actual = [1, 2, 3, 6];
const predicted = [2, 2, 1, 5];

describe('regression metrics', () => {
  it('computes RMSE as the root of the mean squared residual', () => {
    // (1 + 0 + 4 + 1) / 4 = 1.5
    expect(rmse(actual, predicted)).toBeCloseTo(Math.sqrt(1.5), 12);
  });

  it('computes MAE as the mean absolute residual', () => {
    // (1 + 0 + 2 + 1) / 4 = 1
    expect(mae(actual, predicted)).toBeCloseTo(1, 12);
  });

  it('computes R² against the mean of the actual values', () => {
    // mean 3; SStot = 4 + 1 + 0 + 9 = 14; SSres = 6; R² = 1 - 6/14
    expect(r2(actual, predicted)).toBeCloseTo(1 - 6 / 14, 12);
  });

  it('gives R² = 1 for perfect predictions and 0 for predicting the mean', () => {
    expect(r2(actual, actual)).toBe(1);
    expect(r2(actual, [3, 3, 3, 3])).toBe(0);
  });

  it('goes negative when predictions are worse than the mean', () => {
    // SSres = 25 + 16 + 9 + 0 = 50 → 1 - 50/14
    expect(r2(actual, [6, 6, 6, 6])).toBeCloseTo(1 - 50 / 14, 12);
  });

  it('returns null, never NaN, for R² of a constant truth', () => {
    expect(r2([5, 5, 5], [5, 4, 6])).toBeNull();
  });

  it('accepts float32 arrays', () => {
    expect(rmse(new Float32Array(actual), new Float32Array(predicted))).toBeCloseTo(Math.sqrt(1.5), 6);
  });

  it('rejects predictions of another length with a clear message', () => {
    expect(() => rmse([1, 2], [1])).toThrow('Cannot score 1 predictions against 2 actual values');
  });

  it('rejects empty input', () => {
    expect(() => mae([], [])).toThrow('empty');
    expect(() => mean([])).toThrow('no values');
  });
});
