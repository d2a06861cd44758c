import type { LossPoint } from '../charts/loss-curve';
import { transformTarget } from '../encode/target-transform';
import type { EpochReport, NetworkSpec } from '../model/runtime';
import { CellError, type CellKind, type FeatureMatrix, type ModelArtifact } from './types';

export interface TrainMlpParams {
  hiddenLayers: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
}

export interface TrainMlpView {
  /** Losses are MSE on the standardised (transformed) target: 1.0 is what predicting the training mean scores. */
  history: LossPoint[];
  bestEpoch: number;
  bestValidationLoss: number;
  epochsRun: number;
  maxEpochs: number;
  stoppedEarly: boolean;
  backend: string;
  parameterCount: number;
  seconds: number;
  samplesPerSecond: number;
}

export const trainMlpCell: CellKind<TrainMlpParams, TrainMlpView> = {
  kind: 'train-mlp',
  label: 'Train MLP',
  description: 'Train a dense ReLU network on the encoded features, stopping early on the validation loss and keeping the best epoch.',
  inputs: ['features'],
  output: 'model',
  fields: [
    { key: 'hiddenLayers', label: 'Hidden layers', type: 'integer-list', min: 1, max: 1024, help: 'Units per hidden layer, e.g. 128, 64.' },
    { key: 'epochs', label: 'Max epochs', type: 'integer', min: 1, max: 5000, help: 'Early stopping usually ends training sooner.' },
    { key: 'batchSize', label: 'Batch size', type: 'integer', min: 1, max: 65536 },
    { key: 'learningRate', label: 'Learning rate', type: 'number', min: 0.000001, max: 1, step: 0.0001, help: 'Adam step size.' },
    { key: 'patience', label: 'Patience', type: 'integer', min: 1, max: 500, help: 'Epochs without a better validation loss before stopping.' },
    { key: 'seed', label: 'Seed', type: 'integer', min: 0, help: 'Weight initialisation and batch order.' },
  ],
  defaults: () => ({ hiddenLayers: [128, 64], epochs: 200, batchSize: 200, learningRate: 0.001, patience: 10, seed: 42 }),
  async run(input, params, ctx) {
    const features = input.features;
    if (!features) throw new CellError('Train MLP needs encoded features from an Encode cell above');
    const ml = await ctx.ml();
    const onEpoch = (report: EpochReport) => {
      const perEpochMs = report.elapsedMs / report.epoch;
      ctx.progress({
        fraction: report.epoch / params.epochs,
        message: `Epoch ${report.epoch}/${params.epochs}`,
        // An upper bound: early stopping usually ends sooner.
        etaMs: perEpochMs * (params.epochs - report.epoch),
        point: { epoch: report.epoch, train: report.trainLoss, validation: report.validationLoss },
      });
    };
    // The network fits the transformed target (log1p); Evaluate maps its predictions back.
    const transformed = (part: FeatureMatrix): FeatureMatrix => ({ ...part, y: transformTarget(part.y, features.targetTransform) });
    const embeddings = features.embeddings ?? [];
    const spec: NetworkSpec = {
      layers: params.hiddenLayers.map((units) => ({ units, activation: 'relu', dropout: 0, batchNorm: false })),
      l2: 0,
      optimizer: { kind: 'adam' },
      learningRate: params.learningRate,
      schedule: { kind: 'constant' },
      loss: { kind: 'mse' },
      batchSize: params.batchSize,
      epochs: params.epochs,
      patience: params.patience,
      seed: params.seed,
      embeddings,
    };
    const result = await ml.trainNetwork(transformed(features.train), transformed(features.validation), spec, { signal: ctx.signal, onEpoch, yieldToHost: ctx.yieldToHost });
    const epochsRun = result.history.length;
    const seconds = result.history[epochsRun - 1].elapsedMs / 1000;
    const bestValidationLoss = result.history[result.bestEpoch - 1].validationLoss;
    const parameters = result.parameterCount;
    const samplesPerSecond = seconds > 0 ? (features.train.rows * epochsRun) / seconds : 0;
    const artifact: ModelArtifact = { kind: 'model', features, model: result.model };
    return {
      artifact,
      view: {
        history: result.history.map((report) => ({ epoch: report.epoch, train: report.trainLoss, validation: report.validationLoss })),
        bestEpoch: result.bestEpoch,
        bestValidationLoss,
        epochsRun,
        maxEpochs: params.epochs,
        stoppedEarly: epochsRun < params.epochs,
        backend: ml.backend,
        parameterCount: parameters,
        seconds,
        samplesPerSecond,
      },
      summary: {
        best_epoch: result.bestEpoch,
        epochs_run: epochsRun,
        best_validation_loss: bestValidationLoss,
        parameters,
        seconds,
        samples_per_second: Math.round(samplesPerSecond),
      },
    };
  },
};
