import type { FeatureMatrix } from '../cells/types';

/** A categorical input with a learned vector per level: codes 0 .. levels − 1, `size` values each. */
export interface EmbeddingShape {
  levels: number;
  size: number;
}

export interface EpochReport {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  /** The rate this epoch's steps used, after the schedule. */
  learningRate: number;
  elapsedMs: number;
}

export interface TrainingHooks {
  signal: AbortSignal;
  onEpoch(report: EpochReport): void;
  yieldToHost(): Promise<void>;
}

/** A trained network (or a composition of them); `predict` answers on its loss's scale, see `trainNetwork`. */
export interface TrainedRegressor {
  readonly inputSize: number;
  /** `x` is row-major, `rows` × inputSize; `codes` row-major, one per embedding, for a model trained with embeddings. */
  predict(x: Float32Array, rows: number, codes?: Int32Array): Float32Array;
  dispose(): void;
}

export interface TrainingResult {
  model: TrainedRegressor;
  history: EpochReport[];
  bestEpoch: number;
  /** Trained weights, embedding tables and batch-norm scales included. */
  parameterCount: number;
}

export type Activation = 'relu' | 'elu' | 'gelu' | 'tanh';

/** One hidden layer of the architecture editor. */
export interface LayerSpec {
  units: number;
  activation: Activation;
  /** Share of units dropped while training, 0 for none. */
  dropout: number;
  batchNorm: boolean;
}

/**
 * What the network minimises. Regression losses predict the target itself; `poisson` and
 * `tweedie` predict through exp (non-negative, zero-inflated targets); `binary-crossentropy`
 * predicts a probability of class 1, each positive row weighted `positiveWeight` (class weights).
 */
export type LossSpec =
  | { kind: 'mse' }
  | { kind: 'huber'; delta: number }
  | { kind: 'poisson' }
  | { kind: 'tweedie'; power: number }
  | { kind: 'binary-crossentropy'; positiveWeight: number };

export type OptimizerSpec = { kind: 'adam' } | { kind: 'adamw'; weightDecay: number } | { kind: 'sgd'; momentum: number };

export type ScheduleSpec =
  | { kind: 'constant' }
  | { kind: 'step'; everyEpochs: number; factor: number }
  | { kind: 'cosine' }
  | { kind: 'plateau'; patience: number; factor: number };

/** A network for any of the cells that train one (regression, hurdle parts, purchase classifier). */
export interface NetworkSpec {
  layers: LayerSpec[];
  /** L2 penalty on the kernels. */
  l2: number;
  optimizer: OptimizerSpec;
  learningRate: number;
  schedule: ScheduleSpec;
  loss: LossSpec;
  batchSize: number;
  epochs: number;
  /** Epochs without validation improvement before stopping; the best epoch's weights are kept. */
  patience: number;
  seed: number;
  embeddings?: readonly EmbeddingShape[];
}

/** A network in the TF.js layers format: model.json's text (metadata included) and the weights it lists. */
export interface ModelFiles {
  json: string;
  weights: Uint8Array;
}

export interface MlRuntime {
  /** e.g. 'webgl', 'wasm', 'cpu': the one training runs on now. */
  readonly backend: string;
  readonly version: string;
  /** Milliseconds per step of the probe network on each backend that started, when they were timed. */
  readonly probeMs: Readonly<Record<string, number>>;
  /** Moves training to another backend that started here (the user's choice over the probe's). */
  useBackend(name: string): Promise<void>;
  /**
   * Trains any network; the model's `predict` gives the loss's prediction scale: the target for
   * mse/huber, the mean for poisson/tweedie, the probability of class 1 for binary-crossentropy.
   */
  trainNetwork(train: FeatureMatrix, validation: FeatureMatrix, spec: NetworkSpec, hooks: TrainingHooks): Promise<TrainingResult>;
  /** A trained network in the layers format, with `metadata` (plain JSON) kept in model.json. */
  saveModel(model: TrainedRegressor, metadata: Record<string, unknown>): Promise<ModelFiles>;
  /** A network saved by `saveModel`, predicting as it did; throws a CellError for files it cannot read. */
  loadModel(files: ModelFiles): Promise<{ model: TrainedRegressor; metadata: Record<string, unknown> }>;
}
