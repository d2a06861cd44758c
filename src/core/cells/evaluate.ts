import type { PredictionPoint } from '../charts/predicted-vs-actual';
import { rocAuc } from '../metrics/classification';
import { mae, mean, r2, rmse } from '../metrics/regression';
import { isHurdleModel, positiveRows, type HurdleModel } from '../model/hurdle';
import { applyLog1pBackTransform, clampInto } from '../model/log-back-transform';
import { fitRidge } from '../model/ridge';
import type { TrainedRegressor } from '../model/runtime';
import { fitBackTransform } from '../model/scoring-model';
import { createRandom, shuffledIndices } from '../random';
import { CellError, type CellKind, type FeatureMatrix, type FeaturesArtifact, type Summary } from './types';

export interface RegressionScores {
  r2: number | null;
  rmse: number;
  mae: number;
}

/** A reference model scored on the same test rows, so the model's R² has context. */
export interface BaselineScores extends RegressionScores {
  name: string;
  /** e.g. the constant predicted, or the ridge penalty chosen. */
  detail: string;
}

export interface EvaluateView {
  target: string;
  testRows: number;
  model: RegressionScores;
  /** Always predicts the mean of the training targets: the bar a model must clear. */
  baseline: RegressionScores & { prediction: number };
  /** Ridge regression on the same features, λ chosen on the validation rows; null when it could not be fitted. */
  ridge: (RegressionScores & { lambda: number }) | null;
  /** What this cell scored on its previous run in this session (another model or other settings), if any. */
  previous: RegressionScores | null;
  validationR2: number | null;
  /** Test predictions below 0 raised to 0 (only for a target never negative in training). */
  clampedPredictions: number;
  /** A seeded sample of test rows for the predicted-vs-actual chart. */
  points: PredictionPoint[];
  /** Present when the model was trained on log1p(target): how predictions were mapped back. */
  backTransform: BackTransformNote | null;
  /** Present for a hurdle model: each part scored on its own. */
  hurdle: HurdleScores | null;
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

export interface HurdleScores {
  /** ROC AUC of P(target > 0) on the test rows; null when they hold one class only. */
  classifierAuc: number | null;
  /** Share of test rows above 0, and the mean predicted probability beside it. */
  positiveShare: number;
  meanProbability: number;
  positiveTestRows: number;
  /** The amount part on the positive test rows only; null without any. */
  amount: RegressionScores | null;
}

const MAX_POINTS = 2000;
/** Above this many features the ridge's d × d solve is left out rather than stall the cell. */
const MAX_RIDGE_FEATURES = 2000;

function scores(actual: Float32Array, predicted: ArrayLike<number>): RegressionScores {
  return { r2: r2(actual, predicted), rmse: rmse(actual, predicted), mae: mae(actual, predicted) };
}

function samplePoints(actual: Float32Array, predicted: Float32Array): PredictionPoint[] {
  const order = shuffledIndices(actual.length, createRandom(0)).subarray(0, MAX_POINTS);
  return Array.from(order, (row) => ({ actual: actual[row], predicted: predicted[row] }));
}

/** Predictions in the target's units; a network trained on log1p(target) is mapped back with smearing. */
function predictionsInTargetUnits(features: FeaturesArtifact, model: TrainedRegressor) {
  const predict = ({ x, rows, codes }: FeatureMatrix) => model.predict(x, rows, codes);
  const back = fitBackTransform(features, model);
  if (!back) return { test: predict(features.test), validation: predict(features.validation), note: null };
  const logTest = predict(features.test);
  const unsmeared = applyLog1pBackTransform(logTest.slice(), back, 1).values;
  const test = applyLog1pBackTransform(logTest, back);
  const note: BackTransformNote = { transform: 'log1p', smearing: back.smearing, clippedPredictions: test.clipped, unsmearedR2: r2(features.test.y, unsmeared) };
  return { test: test.values, validation: applyLog1pBackTransform(predict(features.validation), back).values, note };
}

function ridgeScores(features: FeaturesArtifact): EvaluateView['ridge'] {
  if (features.featureNames.length > MAX_RIDGE_FEATURES || features.validation.rows === 0) return null;
  const ridge = fitRidge(features.train, features.validation);
  const predicted = ridge.predict(features.test.x, features.test.rows);
  if (features.targetNonNegative) for (let i = 0; i < predicted.length; i++) predicted[i] = Math.max(0, predicted[i]);
  return { ...scores(features.test.y, predicted), lambda: ridge.lambda };
}

function previousScores(summary: Summary | undefined): RegressionScores | null {
  if (!summary || typeof summary.rmse !== 'number' || typeof summary.mae !== 'number') return null;
  return { r2: typeof summary.r2 === 'number' ? summary.r2 : null, rmse: summary.rmse, mae: summary.mae };
}

function hurdleScores(model: HurdleModel, test: FeatureMatrix): HurdleScores {
  const probability = model.probability(test.x, test.rows, test.codes);
  const labels = test.y.map((value) => (value > 0 ? 1 : 0));
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const positive = positiveRows(test);
  return {
    classifierAuc: positives > 0 && positives < test.rows ? rocAuc(labels, probability) : null,
    positiveShare: positives / test.rows,
    meanProbability: mean(probability),
    positiveTestRows: positive.rows,
    amount: positive.rows > 0 ? scores(positive.y, model.amount(positive.x, positive.rows, positive.codes)) : null,
  };
}

export const evaluateCell: CellKind<Record<string, never>, EvaluateView> = {
  kind: 'evaluate',
  label: 'Evaluate',
  description: 'Score the trained model once on the held-out test rows, beside a predict-the-mean and a ridge baseline on the same split and the previous run.',
  inputs: ['model'],
  output: null,
  fields: [],
  defaults: () => ({}),
  async run(input, _params, ctx) {
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
    const ridge = ridgeScores(features);
    const hurdle = isHurdleModel(model) ? hurdleScores(model, test) : null;
    const summary: Summary = {
      r2: modelScores.r2,
      rmse: modelScores.rmse,
      mae: modelScores.mae,
      baseline_r2: baseline.r2,
      baseline_rmse: baseline.rmse,
      baseline_mae: baseline.mae,
      test_rows: test.rows,
    };
    if (ridge) Object.assign(summary, { ridge_r2: ridge.r2, ridge_rmse: ridge.rmse, ridge_mae: ridge.mae, ridge_lambda: ridge.lambda });
    if (backTransform) summary.smearing_factor = backTransform.smearing;
    if (hurdle) Object.assign(summary, { classifier_auc: hurdle.classifierAuc, amount_r2: hurdle.amount?.r2 ?? null });
    return {
      view: {
        target: features.target,
        testRows: test.rows,
        model: modelScores,
        baseline: { ...baseline, prediction: baselinePrediction },
        ridge,
        previous: previousScores(ctx.previousSummary),
        validationR2: validation.rows > 0 ? r2(validation.y, validationPredictions) : null,
        clampedPredictions,
        points: samplePoints(test.y, testPredictions),
        backTransform,
        hurdle,
      },
      summary,
    };
  },
};
