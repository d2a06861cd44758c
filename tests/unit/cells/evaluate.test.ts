import { describe, expect, it } from 'vitest';
import { evaluateCell } from '../../../src/core/cells/evaluate';
import type { FeaturesArtifact, ModelArtifact } from '../../../src/core/cells/types';
import { HurdleModel } from '../../../src/core/model/hurdle';
import type { TrainedRegressor } from '../../../src/core/model/runtime';
import { dataRunContext } from './run-context';

const ctx = dataRunContext();

/** A stand-in regressor whose prediction is the row's single feature: metrics become hand-checkable. */
const echoModel: TrainedRegressor = {
  inputSize: 1,
  predict: (x, rows) => Float32Array.from(x.subarray(0, rows)),
  dispose: () => {},
};

function artifact(testX: number[], testY: number[], targetNonNegative = true): ModelArtifact {
  const features: FeaturesArtifact = {
    kind: 'features',
    target: 'value',
    featureNames: ['guess'],
    // Training targets 0, 2, 4: the baseline always predicts 2.
    train: { x: Float32Array.from([0, 0, 0]), y: Float32Array.from([0, 2, 4]), rows: 3 },
    validation: { x: Float32Array.from([1, 3]), y: Float32Array.from([1, 3]), rows: 2 },
    test: { x: Float32Array.from(testX), y: Float32Array.from(testY), rows: testY.length },
    targetNonNegative,
    targetTransform: 'none',
  };
  return { kind: 'model', features, model: echoModel };
}

describe('Evaluate cell', () => {
  it('scores the test rows and the mean-of-training baseline', async () => {
    // actual 1, 2, 3, 6; predicted 2, 2, 1, 5 → R² = 1 − 6/14, RMSE √1.5, MAE 1.
    const { summary, view } = await evaluateCell.run({ model: artifact([2, 2, 1, 5], [1, 2, 3, 6]) }, {}, ctx);
    expect(summary.r2).toBeCloseTo(1 - 6 / 14, 6);
    expect(summary.rmse).toBeCloseTo(Math.sqrt(1.5), 6);
    expect(summary.mae).toBeCloseTo(1, 6);
    // Baseline predicts 2: residuals −1, 0, 1, 4 → SSres 18, R² = 1 − 18/14, RMSE √4.5, MAE 1.5.
    expect(summary.baseline_r2).toBeCloseTo(1 - 18 / 14, 6);
    expect(summary.baseline_rmse).toBeCloseTo(Math.sqrt(4.5), 6);
    expect(summary.baseline_mae).toBeCloseTo(1.5, 6);
    expect(summary.test_rows).toBe(4);
    expect(Object.keys(summary).sort()).toEqual(['baseline_mae', 'baseline_r2', 'baseline_rmse', 'mae', 'r2', 'ridge_lambda', 'ridge_mae', 'ridge_r2', 'ridge_rmse', 'rmse', 'test_rows']);
    expect(view.validationR2).toBe(1);
    expect(view.points).toHaveLength(4);
  });

  it('clamps negative predictions to zero for a non-negative target and says how many', async () => {
    // Predictions −3, 2 become 0, 2: exact for actual 0, 2.
    const { summary, view } = await evaluateCell.run({ model: artifact([-3, 2], [0, 2]) }, {}, ctx);
    expect(view.clampedPredictions).toBe(1);
    expect(summary.r2).toBe(1);
  });

  it('leaves negative predictions alone when the target can be negative', async () => {
    const { view, summary } = await evaluateCell.run({ model: artifact([-3, 2], [0, 2], false) }, {}, ctx);
    expect(view.clampedPredictions).toBe(0);
    expect(summary.mae).toBeCloseTo(1.5, 6);
  });

  it('reports R² as null, not NaN, when the test target is constant', async () => {
    const { summary } = await evaluateCell.run({ model: artifact([1, 2], [5, 5]) }, {}, ctx);
    expect(summary.r2).toBeNull();
    expect(summary.rmse).toBeCloseTo(Math.sqrt((16 + 9) / 2), 6);
  });

  it('samples at most 2,000 points for the chart', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    const { view } = await evaluateCell.run({ model: artifact(values, values) }, {}, ctx);
    expect(view.points).toHaveLength(2000);
  });

  it('maps log1p predictions back with Duan’s smearing factor before every metric', async () => {
    // Training targets 0, 1, 3, 15 (log1p: 0, ln 2, ln 4, ln 16) predicted as 0, 0, ln 8, ln 16:
    // residuals 0, ln 2, −ln 2, 0, so S = (1 + 2 + 0.5 + 1) / 4 = 1.125.
    const base = artifact([0, Math.log(4)], [0.125, 3.5]).features;
    const features: FeaturesArtifact = {
      ...base,
      targetTransform: 'log1p',
      train: { x: Float32Array.from([0, 0, Math.log(8), Math.log(16)]), y: Float32Array.from([0, 1, 3, 15]), rows: 4 },
      validation: { x: Float32Array.from([0, 0]), y: Float32Array.from([0, 1]), rows: 2 },
    };
    const { summary, view } = await evaluateCell.run({ model: { kind: 'model', features, model: echoModel } }, {}, ctx);
    expect(view.backTransform?.smearing).toBeCloseTo(1.125, 6);
    expect(summary.smearing_factor).toBeCloseTo(1.125, 6);
    // Test predictions 1.125 · e^0 − 1 = 0.125 and 1.125 · 4 − 1 = 3.5: exactly the targets.
    expect(summary.r2).toBeCloseTo(1, 5);
    expect(summary.mae).toBeCloseTo(0, 5);
    expect(view.points.map((point) => point.predicted).sort((a, b) => a - b)).toEqual([expect.closeTo(0.125, 5), expect.closeTo(3.5, 5)]);
    // The baseline stays the mean of the training targets in their own units.
    expect(view.baseline.prediction).toBe(4.75);
    // Plain expm1 predicts 0 and 3: SSres 0.125² + 0.5², SStot 2 · 1.6875² (mean 1.8125).
    expect(view.backTransform?.unsmearedR2).toBeCloseTo(1 - (0.125 ** 2 + 0.5 ** 2) / (2 * 1.6875 ** 2), 5);
    expect(view.backTransform?.clippedPredictions).toBe(0);
  });

  it('holds log-space predictions inside the training targets’ log1p range before exp', async () => {
    // Training targets 1, 3 predicted exactly (S = 1); a test output of 20 would be e^20 − 1 without the hold.
    const base = artifact([20, -5], [3, 1]).features;
    const features: FeaturesArtifact = {
      ...base,
      targetTransform: 'log1p',
      train: { x: Float32Array.from([Math.log(2), Math.log(4)]), y: Float32Array.from([1, 3]), rows: 2 },
    };
    const { view } = await evaluateCell.run({ model: { kind: 'model', features, model: echoModel } }, {}, ctx);
    expect(view.backTransform).toMatchObject({ smearing: expect.closeTo(1, 6), clippedPredictions: 2 });
    // 20 → ln 4 → 3 and −5 → ln 2 → 1: exactly the targets.
    expect(view.model.r2).toBeCloseTo(1, 5);
  });

  it('states no back-transform for an untransformed target', async () => {
    const { view, summary } = await evaluateCell.run({ model: artifact([1, 2], [1, 2]) }, {}, ctx);
    expect(view.backTransform).toBeNull();
    expect(summary).not.toHaveProperty('smearing_factor');
  });

  it('fits a ridge baseline on the same split, its penalty chosen on the validation rows', async () => {
    // y = 2·guess + 1 in every split: the least-penalised fit wins and scores about 1.
    const line = (values: number[]) => ({ x: Float32Array.from(values), y: Float32Array.from(values, (value) => 2 * value + 1), rows: values.length });
    const features: FeaturesArtifact = { ...artifact([0], [0]).features, train: line([0, 1, 2, 3]), validation: line([4, 5]), test: line([6, 7, 8]) };
    const { view, summary } = await evaluateCell.run({ model: { kind: 'model', features, model: echoModel } }, {}, ctx);
    expect(view.ridge?.lambda).toBe(1e-3);
    expect(summary.ridge_r2).toBeCloseTo(1, 3);
    // The echo model predicts x, not 2x + 1: the ridge beats it here.
    expect(summary.ridge_r2 as number).toBeGreaterThan(summary.r2 as number);
  });

  it('scores a hurdle model’s classifier by ROC AUC and its amount on the positive test rows', async () => {
    // P(y > 0) = x / 10 and amount = 2x: test x 1, 2, 8, 9 with targets 0, 0, 16, 20.
    const scaled = (scale: number): TrainedRegressor => ({ inputSize: 1, predict: (x, rows) => Float32Array.from(x.subarray(0, rows), (value) => value * scale), dispose: () => {} });
    const features = { ...artifact([1, 2, 8, 9], [0, 0, 16, 20]).features, targetTransform: 'log1p' as const };
    const model = new HurdleModel(scaled(0.1), scaled(2), null);
    const { view, summary } = await evaluateCell.run({ model: { kind: 'model', features, model } }, {}, ctx);
    // Positives score above every negative: AUC 1.
    expect(view.hurdle?.classifierAuc).toBe(1);
    expect(view.hurdle).toMatchObject({ positiveTestRows: 2, positiveShare: 0.5 });
    expect(view.hurdle?.meanProbability).toBeCloseTo(0.5, 6);
    // Amount 16 and 18 against 16 and 20: SSres 4, SStot 8 → R² 0.5.
    expect(summary.amount_r2).toBeCloseTo(0.5, 6);
    // A hurdle model answers in the target's units: no back-transform despite the log1p encoding.
    expect(view.backTransform).toBeNull();
    expect(view.points.map((point) => point.predicted).sort((a, b) => a - b)).toEqual([0.2, 0.8, 12.8, 16.2].map((value) => expect.closeTo(value, 4)));
  });

  it('shows the previous run of this cell beside the new one', async () => {
    const { view } = await evaluateCell.run({ model: artifact([1, 2], [1, 2]) }, {}, { ...ctx, previousSummary: { r2: 0.25, rmse: 3, mae: 2, test_rows: 2 } });
    expect(view.previous).toEqual({ r2: 0.25, rmse: 3, mae: 2 });
    const first = await evaluateCell.run({ model: artifact([1, 2], [1, 2]) }, {}, ctx);
    expect(first.view.previous).toBeNull();
  });

  it('asks for a trained model when none is above', async () => {
    await expect(evaluateCell.run({}, {}, ctx)).rejects.toThrow('needs a trained model');
  });
});
