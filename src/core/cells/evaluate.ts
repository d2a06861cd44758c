import { backTransformPredictions, smearingFactor, transformTarget } from '../encode/target-transform';
import { mae, mean, r2, rmse } from '../metrics/regression';
import { createRandom, shuffledIndices } from '../random';
import type { PredictionPoint } from '../charts/predicted-vs-actual';
import { CellError, type CellKind, type FeatureMatrix, type FeaturesArtifact } from './types';
import type { TrainedRegressor } from '../model/runtime';

export interface RegressionScores {
  r2: number | null;
  rmse: number;
  mae: number;
}

export interface EvaluateView {
  target: string;
  testRows: number;
  model: RegressionScores;
  /** Always predicts the mean of the training targets: the bar a model must clear. */
  baseline: RegressionScores & { prediction: number };
  validationR2: number | null;
  /** Test predictions below 0 raised to 0 (only for a target never negative in training). */
  clampedPredictions: number;
  /** A seeded sample of test rows for the predicted-vs-actual chart. */
  points: PredictionPoint[];
  /** Present when the model was trained on log1p(target): how predictions were mapped back. */
  backTransform: BackTransformNote | null;
}

export interface BackTransformNote {
  transform: 'log1p';
  /** Duan's factor: predictions are smearing · exp(p) − 1. */
  smearing: number;
  /** Test predictions beyond the training targets' log1p range, held at its edge before exp. */
  clippedPredictions: number;
  /** Test R² of plain expm1 (no smearing), so the factor's effect is visible. */
  unsmearedR2: number | null;
}

const MAX_POINTS = 2000;

/** Holds predictions inside [low, high], in place; returns how many were moved. */
function clampInto(predictions: Float32Array, low: number, high: number): number {
  let clamped = 0;
  for (let i = 0; i < predictions.length; i++) {
    if (predictions[i] < low || predictions[i] > high) {
      predictions[i] = Math.min(high, Math.max(low, predictions[i]));
      clamped += 1;
    }
  }
  return clamped;
}

function scores(actual: Float32Array, predicted: ArrayLike<number>): RegressionScores {
  return { r2: r2(actual, predicted), rmse: rmse(actual, predicted), mae: mae(actual, predicted) };
}

function samplePoints(actual: Float32Array, predicted: Float32Array): PredictionPoint[] {
  const order = shuffledIndices(actual.length, createRandom(0)).subarray(0, MAX_POINTS);
  return Array.from(order, (row) => ({ actual: actual[row], predicted: predicted[row] }));
}

/**
 * Predictions in the target's units. For a log1p target, expm1 of the network's output alone
 * estimates something like a median and falls short of the mean, so Duan's smearing factor
 * (from the training residuals in log space) scales it back up. Outputs beyond the training
 * targets' log range are held at its edge first: exp turns a modest extrapolation in log space
 * (one outlying test row) into a prediction orders of magnitude off.
 */
function predictionsInTargetUnits(features: FeaturesArtifact, model: TrainedRegressor) {
  const predict = ({ x, rows, codes }: FeatureMatrix) => model.predict(x, rows, codes);
  if (features.targetTransform === 'none') return { test: predict(features.test), validation: predict(features.validation), note: null };
  const transform = features.targetTransform;
  const trainTargets = transformTarget(features.train.y, transform);
  const low = trainTargets.reduce((min, value) => Math.min(min, value), Infinity);
  const high = trainTargets.reduce((max, value) => Math.max(max, value), -Infinity);
  const trainPredictions = predict(features.train);
  clampInto(trainPredictions, low, high);
  const smearing = smearingFactor(trainTargets, trainPredictions);
  const test = predict(features.test);
  const clippedPredictions = clampInto(test, low, high);
  const validation = predict(features.validation);
  clampInto(validation, low, high);
  const unsmeared = backTransformPredictions(test.slice(), transform, 1);
  const note: BackTransformNote = { transform, smearing, clippedPredictions, unsmearedR2: r2(features.test.y, unsmeared) };
  return { test: backTransformPredictions(test, transform, smearing), validation: backTransformPredictions(validation, transform, smearing), note };
}

export const evaluateCell: CellKind<Record<string, never>, EvaluateView> = {
  kind: 'evaluate',
  label: 'Evaluate',
  description: 'Score the trained model once on the held-out test rows, against a predict-the-mean baseline.',
  inputs: ['model'],
  output: null,
  fields: [],
  defaults: () => ({}),
  async run(input) {
    const trained = input.model;
    if (!trained) throw new CellError('Evaluate needs a trained model from a Train MLP cell above');
    const { features, model } = trained;
    const { test, validation } = features;
    if (test.rows === 0) throw new CellError('The test split has no rows: raise the test fraction in the Encode cell');
    const { test: testPredictions, validation: validationPredictions, note: backTransform } = predictionsInTargetUnits(features, model);
    const clampedPredictions = features.targetNonNegative ? clampInto(testPredictions, 0, Infinity) : 0;
    if (features.targetNonNegative) clampInto(validationPredictions, 0, Infinity);
    const baselinePrediction = mean(features.train.y);
    const modelScores = scores(test.y, testPredictions);
    const baseline = scores(test.y, new Float32Array(test.rows).fill(baselinePrediction));
    return {
      view: {
        target: features.target,
        testRows: test.rows,
        model: modelScores,
        baseline: { ...baseline, prediction: baselinePrediction },
        validationR2: validation.rows > 0 ? r2(validation.y, validationPredictions) : null,
        clampedPredictions,
        points: samplePoints(test.y, testPredictions),
        backTransform,
      },
      summary: {
        r2: modelScores.r2,
        rmse: modelScores.rmse,
        mae: modelScores.mae,
        baseline_r2: baseline.r2,
        baseline_rmse: baseline.rmse,
        baseline_mae: baseline.mae,
        test_rows: test.rows,
        ...(backTransform ? { smearing_factor: backTransform.smearing } : {}),
      },
    };
  },
};
