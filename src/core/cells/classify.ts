import { classificationReport, type ClassificationReport } from '../classify/report';
import { fitLogistic, predictLogistic, type LogisticModel } from '../classify/logistic';
import { smote } from '../classify/smote';
import { averagePrecision, bestF1Threshold, rocAuc } from '../metrics/classification';
import type { EpochReport, NetworkSpec } from '../model/runtime';
import { CellError, type CellKind, type FeatureMatrix, type FeaturesArtifact, type RunContext } from './types';

export type ClassifierKind = 'logistic' | 'mlp';
export type ImbalanceTreatment = 'none' | 'class-weights' | 'smote';

export interface ClassifyParams {
  model: ClassifierKind;
  imbalance: ImbalanceTreatment;
  smoteNeighbours: number;
  /** 0 picks the F1-optimal threshold on the validation rows. */
  threshold: number;
  /** Logistic regression's C, as scikit-learn names it. */
  inverseRegularization: number;
  hiddenLayers: number[];
  dropout: number;
  l2: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
}

export interface ClassifyView {
  target: string;
  /** How the class was read from the target, e.g. `Revenue = 1` or `PageValues > 0`. */
  positiveClass: string;
  model: ClassifierKind;
  imbalance: ImbalanceTreatment;
  trainRows: number;
  trainPositiveRate: number;
  /** Rows SMOTE added to the training rows (0 without SMOTE). */
  syntheticRows: number;
  /** Weight of each positive training row's loss; 1 unless class weights are on. */
  positiveWeight: number;
  threshold: number;
  thresholdSource: 'validation-f1' | 'fixed';
  /** F1-optimal threshold on the validation rows, always computed so the view can mark it. */
  suggestedThreshold: number;
  validationF1AtSuggested: number;
  validation: { rows: number; rocAuc: number; averagePrecision: number };
  test: ClassificationReport;
  training: LogisticTraining | NetworkTraining;
  /** Embedded categories a logistic model cannot read (it sees the feature matrix only). */
  unusedEmbeddings: string[];
  seconds: number;
}

interface LogisticTraining {
  kind: 'logistic';
  iterations: number;
  converged: boolean;
  /** The largest weights by size; features are scaled, so sizes compare. */
  topWeights: { feature: string; weight: number }[];
}

interface NetworkTraining {
  kind: 'mlp';
  backend: string;
  bestEpoch: number;
  epochsRun: number;
  maxEpochs: number;
  history: { epoch: number; train: number; validation: number }[];
}

const TOP_WEIGHTS = 12;

/** The class to predict: target > 0, which reads a 0/1 (true/false) target as it is and a purchase value as bought or not. */
function classLabels(part: FeatureMatrix): Float32Array {
  return Float32Array.from(part.y, (value) => (value > 0 ? 1 : 0));
}

function positiveClassName(features: FeaturesArtifact): string {
  const binary = [features.train, features.validation, features.test].every((part) => part.y.every((value) => value === 0 || value === 1));
  return binary ? `${features.target} = 1` : `${features.target} > 0`;
}

function checkBothClasses(labels: Float32Array, part: string, positiveClass: string): number {
  let positives = 0;
  for (const label of labels) positives += label;
  if (positives === 0 || positives === labels.length) {
    const seen = positives === 0 ? 'none is' : 'every row is';
    throw new CellError(`The ${part} rows need both classes, but ${seen} ${positiveClass}: classification needs examples of each (use a stratified split in Encode)`);
  }
  return positives;
}

interface Trained {
  predict(part: FeatureMatrix): Float32Array;
  training: LogisticTraining | NetworkTraining;
  dispose(): void;
}

async function trainLogistic(train: FeatureMatrix, featureNames: string[], params: ClassifyParams, positiveWeight: number, ctx: RunContext): Promise<Trained> {
  let iteration = 0;
  const model: LogisticModel = await fitLogistic(train, { inverseRegularization: params.inverseRegularization, positiveWeight }, {
    signal: ctx.signal,
    yieldToHost: async () => {
      iteration += 1;
      ctx.progress({ fraction: Math.min(0.95, iteration / 20), message: `Newton step ${iteration}` });
      await ctx.yieldToHost();
    },
  });
  const topWeights = featureNames
    .map((feature, index) => ({ feature, weight: model.weights[index] }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, TOP_WEIGHTS);
  return {
    predict: (part) => predictLogistic(model, part.x, part.rows),
    training: { kind: 'logistic', iterations: model.iterations, converged: model.converged, topWeights },
    dispose: () => {},
  };
}

async function trainNetwork(train: FeatureMatrix, validation: FeatureMatrix, features: FeaturesArtifact, params: ClassifyParams, positiveWeight: number, ctx: RunContext): Promise<Trained> {
  const ml = await ctx.ml();
  const spec: NetworkSpec = {
    layers: params.hiddenLayers.map((units) => ({ units, activation: 'relu', dropout: params.dropout, batchNorm: false })),
    l2: params.l2,
    optimizer: { kind: 'adam' },
    learningRate: params.learningRate,
    schedule: { kind: 'constant' },
    loss: { kind: 'binary-crossentropy', positiveWeight },
    batchSize: params.batchSize,
    epochs: params.epochs,
    patience: params.patience,
    seed: params.seed,
    embeddings: features.embeddings ?? [],
  };
  const onEpoch = (report: EpochReport) => {
    ctx.progress({
      fraction: report.epoch / params.epochs,
      message: `Epoch ${report.epoch}/${params.epochs}`,
      // An upper bound: early stopping usually ends sooner.
      etaMs: (report.elapsedMs / report.epoch) * (params.epochs - report.epoch),
      point: { epoch: report.epoch, train: report.trainLoss, validation: report.validationLoss },
    });
  };
  const result = await ml.trainNetwork(train, validation, spec, { signal: ctx.signal, onEpoch, yieldToHost: ctx.yieldToHost });
  return {
    predict: (part) => result.model.predict(part.x, part.rows, part.codes),
    training: {
      kind: 'mlp',
      backend: ml.backend,
      bestEpoch: result.bestEpoch,
      epochsRun: result.history.length,
      maxEpochs: params.epochs,
      history: result.history.map((report) => ({ epoch: report.epoch, train: report.trainLoss, validation: report.validationLoss })),
    },
    dispose: () => result.model.dispose(),
  };
}

export const classifyCell: CellKind<ClassifyParams, ClassifyView> = {
  kind: 'classify',
  label: 'Classify',
  description: 'Predict whether the target is above 0 (a purchase, a true/false column) with logistic regression or an MLP; the threshold is chosen on validation rows and scored once on test rows.',
  inputs: ['features'],
  output: null,
  fields: [
    {
      key: 'model',
      label: 'Model',
      type: 'select',
      options: [
        { value: 'mlp', label: 'MLP classifier' },
        { value: 'logistic', label: 'Logistic regression (L2)' },
      ],
    },
    {
      key: 'imbalance',
      label: 'Class imbalance',
      type: 'select',
      options: [
        { value: 'none', label: 'None' },
        { value: 'class-weights', label: 'Class weights (positives weigh negatives / positives)' },
        { value: 'smote', label: 'SMOTE (synthetic minority rows, training rows only)' },
      ],
      help: 'Both shift predicted probabilities upward: the calibration plot shows by how much.',
    },
    { key: 'smoteNeighbours', label: 'SMOTE neighbours', type: 'integer', min: 1, max: 50, help: 'Nearest minority rows a synthetic row may be drawn towards.' },
    { key: 'threshold', label: 'Threshold', type: 'number', min: 0, max: 1, step: 0.01, help: '0 picks the F1-optimal threshold on the validation rows; test rows never choose it.' },
    { key: 'inverseRegularization', label: 'C (logistic)', type: 'number', min: 0.000001, max: 1000000, step: 0.1, help: 'Inverse L2 strength, as scikit-learn’s C: smaller is stronger.' },
    { key: 'hiddenLayers', label: 'Hidden layers (MLP)', type: 'integer-list', min: 1, max: 1024, help: 'Units per ReLU layer, e.g. 64, 32.' },
    { key: 'dropout', label: 'Dropout (MLP)', type: 'number', min: 0, max: 0.9, step: 0.05 },
    { key: 'l2', label: 'L2 (MLP)', type: 'number', min: 0, max: 1, step: 0.0001 },
    { key: 'epochs', label: 'Max epochs (MLP)', type: 'integer', min: 1, max: 5000 },
    { key: 'batchSize', label: 'Batch size (MLP)', type: 'integer', min: 1, max: 65536 },
    { key: 'learningRate', label: 'Learning rate (MLP)', type: 'number', min: 0.000001, max: 1, step: 0.0001 },
    { key: 'patience', label: 'Patience (MLP)', type: 'integer', min: 1, max: 500, help: 'Epochs without a better validation loss before stopping.' },
    { key: 'seed', label: 'Seed', type: 'integer', min: 0, help: 'Weight initialisation, batch order and SMOTE.' },
  ],
  defaults: () => ({
    model: 'mlp',
    imbalance: 'none',
    smoteNeighbours: 5,
    threshold: 0,
    inverseRegularization: 1,
    hiddenLayers: [64, 32],
    dropout: 0.2,
    l2: 0.001,
    epochs: 200,
    batchSize: 200,
    learningRate: 0.001,
    patience: 10,
    seed: 42,
  }),
  async run(input, params, ctx) {
    const features = input.features;
    if (!features) throw new CellError('Classify needs encoded features from an Encode cell above');
    const started = performance.now();
    const positiveClass = positiveClassName(features);
    const labelled = (part: FeatureMatrix): FeatureMatrix => ({ ...part, y: classLabels(part) });
    const realTrain = labelled(features.train);
    const validation = labelled(features.validation);
    const test = labelled(features.test);
    const trainPositives = checkBothClasses(realTrain.y, 'training', positiveClass);
    checkBothClasses(validation.y, 'validation', positiveClass);
    checkBothClasses(test.y, 'test', positiveClass);

    // Resampling and weights touch the training rows only: validation and test keep the real class balance.
    const oversampled = params.imbalance === 'smote' ? await smote(realTrain, { neighbours: params.smoteNeighbours, seed: params.seed }, ctx) : null;
    const train = oversampled?.matrix ?? realTrain;
    const positiveWeight = params.imbalance === 'class-weights' ? (realTrain.rows - trainPositives) / trainPositives : 1;

    const trained = params.model === 'logistic' ? await trainLogistic(train, features.featureNames, params, positiveWeight, ctx) : await trainNetwork(train, validation, features, params, positiveWeight, ctx);
    try {
      const validationProbabilities = trained.predict(validation);
      const testProbabilities = trained.predict(test);
      const suggested = bestF1Threshold(validation.y, validationProbabilities);
      const threshold = params.threshold === 0 ? suggested.threshold : params.threshold;
      const testReport = classificationReport(test.y, testProbabilities, threshold);
      const validationAuc = rocAuc(validation.y, validationProbabilities);
      const view: ClassifyView = {
        target: features.target,
        positiveClass,
        model: params.model,
        imbalance: params.imbalance,
        trainRows: realTrain.rows,
        trainPositiveRate: trainPositives / realTrain.rows,
        syntheticRows: oversampled?.synthetic ?? 0,
        positiveWeight,
        threshold,
        thresholdSource: params.threshold === 0 ? 'validation-f1' : 'fixed',
        suggestedThreshold: suggested.threshold,
        validationF1AtSuggested: suggested.f1,
        validation: { rows: validation.rows, rocAuc: validationAuc, averagePrecision: averagePrecision(validation.y, validationProbabilities) },
        test: testReport,
        training: trained.training,
        unusedEmbeddings: params.model === 'logistic' ? (features.embeddings ?? []).map((embedding) => embedding.column) : [],
        seconds: (performance.now() - started) / 1000,
      };
      return {
        view,
        summary: {
          roc_auc: testReport.rocAuc,
          average_precision: testReport.averagePrecision,
          f1: testReport.f1,
          precision: testReport.precision,
          recall: testReport.recall,
          threshold,
          accuracy: testReport.accuracy,
          validation_roc_auc: validationAuc,
          test_rows: test.rows,
          synthetic_rows: view.syntheticRows,
        },
      };
    } finally {
      trained.dispose();
    }
  },
};
