import { describe, expect, it } from 'vitest';
import { solveSymmetricPositiveDefinite } from '../../../src/core/cholesky';
import { fitLogistic, predictLogistic } from '../../../src/core/classify/logistic';

const hooks = { signal: new AbortController().signal, yieldToHost: async () => {} };

// Twelve rows, three features, classes overlapping (not separable).
const rows = [
  [0.5, -1.2, 0.3],
  [1.5, 0.2, -0.7],
  [-0.3, 0.8, 1.1],
  [2.0, -0.5, 0.0],
  [-1.1, -0.9, 0.4],
  [0.7, 1.3, -1.5],
  [1.2, 0.1, 0.9],
  [-0.8, 0.6, -0.2],
  [0.1, -0.3, -1.0],
  [1.8, 1.1, 0.5],
  [-1.5, 0.4, 0.7],
  [0.4, -1.6, 1.4],
];
const labels = [0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
const data = { x: Float32Array.from(rows.flat()), y: Float32Array.from(labels), rows: rows.length };

describe('logistic regression', () => {
  // The optimum of scikit-learn's objective, ½‖w‖² + C·Σ weight·log-loss, found with
  // LogisticRegression(solver='newton-cg', tol=1e-14) in scikit-learn 1.2.1 and confirmed to 1e-8 by
  // scipy.optimize.minimize(BFGS, gtol=1e-13) on the same float32 inputs. The default lbfgs solver stops
  // within 1e-5 of it (e.g. 1.3617824 for the first weight below).
  it("matches scikit-learn's coefficients with C = 1", async () => {
    const model = await fitLogistic(data, { inverseRegularization: 1, positiveWeight: 1 }, hooks);
    expect(model.converged).toBe(true);
    [1.473330148658482, 0.1652573403687592, 0.10526528264961699].forEach((weight, j) => expect(model.weights[j]).toBeCloseTo(weight, 6));
    expect(model.intercept).toBeCloseTo(-0.5875142323170535, 6);
    // σ(x·w + b) of the first two rows, as predict_proba(X[:2])[:, 1]
    const probabilities = predictLogistic(model, data.x.subarray(0, 6), 2);
    expect(probabilities[0]).toBeCloseTo(0.49560551609211484, 6);
    expect(probabilities[1]).toBeCloseTo(0.8294659056127766, 6);
  });

  it("matches scikit-learn with C = 0.5 and positives weighted 3 (class_weight={0: 1, 1: 3})", async () => {
    const model = await fitLogistic(data, { inverseRegularization: 0.5, positiveWeight: 3 }, hooks);
    [1.3617791369090164, 0.08245286097894017, 0.07695887944500936].forEach((weight, j) => expect(model.weights[j]).toBeCloseTo(weight, 6));
    expect(model.intercept).toBeCloseTo(0.3025490637874491, 6);
  });

  it('stays finite on separable classes and on a constant column', async () => {
    const separable = { x: Float32Array.from([-2, 1, -1, 1, 1, 1, 2, 1]), y: Float32Array.from([0, 0, 1, 1]), rows: 4 };
    const model = await fitLogistic(separable, { inverseRegularization: 1e4, positiveWeight: 1 }, hooks);
    const probabilities = predictLogistic(model, separable.x, 4);
    expect(Array.from(probabilities).every(Number.isFinite)).toBe(true);
    expect(probabilities[0]).toBeLessThan(0.05);
    expect(probabilities[3]).toBeGreaterThan(0.95);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fitLogistic(data, { inverseRegularization: 1, positiveWeight: 1 }, { ...hooks, signal: controller.signal })).rejects.toThrow('Cancelled');
  });

  it('rejects a C that is not above 0', async () => {
    await expect(fitLogistic(data, { inverseRegularization: 0, positiveWeight: 1 }, hooks)).rejects.toThrow(/C must be above 0/);
  });
});

describe('Cholesky solve', () => {
  it('solves a positive definite system and refuses an indefinite one', () => {
    // [[4, 2], [2, 3]] x = [2, 1] → x = [0.5, 0]
    expect(Array.from(solveSymmetricPositiveDefinite(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]))!)).toEqual([0.5, 0]);
    expect(solveSymmetricPositiveDefinite(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]))).toBeNull();
  });
});
