import { describe, expect, it } from 'vitest';
import { fitRidge } from '../../../src/core/model/ridge';

const matrix = (x: number[], y: number[], columns = 1) => ({ x: Float32Array.from(x), y: Float32Array.from(y), rows: x.length / columns });

describe('fitRidge', () => {
  // y = 1 + 2x on x = 0..3: centred, Sxy = 10 and Sxx = 5, so w = 10 / (5 + λ) as scikit-learn's Ridge(alpha=λ).
  const train = matrix([0, 1, 2, 3], [1, 3, 5, 7]);

  it('solves the penalised normal equations with an unpenalised intercept', () => {
    const ridge = fitRidge(train, matrix([0, 3], [1, 7]));
    expect(ridge.lambda).toBe(1e-3);
    expect(ridge.weights[0]).toBeCloseTo(10 / 5.001, 9);
    expect(ridge.intercept).toBeCloseTo(4 - 1.5 * (10 / 5.001), 9);
    expect(Array.from(ridge.predict(Float32Array.from([10]), 1))[0]).toBeCloseTo(4 + 8.5 * (10 / 5.001), 9);
  });

  it('chooses the penalty with the lowest validation error', () => {
    // A flat validation target rewards the heaviest shrinkage.
    const ridge = fitRidge(train, matrix([0, 3], [4, 4]));
    expect(ridge.lambda).toBe(1e4);
    expect(ridge.weights[0]).toBeCloseTo(10 / 10_005, 9);
  });

  it('handles several features, a constant one included', () => {
    // y = x0 − x1; the third column is constant and gets no weight.
    const x = [1, 0, 5, 0, 1, 5, 2, 1, 5, 1, 2, 5, 3, 1, 5];
    const y = [1, -1, 1, -1, 2];
    const ridge = fitRidge(matrix(x, y, 3), matrix(x, y, 3));
    expect(ridge.weights[0]).toBeCloseTo(1, 2);
    expect(ridge.weights[1]).toBeCloseTo(-1, 2);
    expect(ridge.weights[2]).toBe(0);
  });
});
