import type { FeatureMatrix } from '../cells/types';

/** A categorical input with a learned vector per level: codes 0 .. levels − 1, `size` values each. */
export interface EmbeddingShape {
  levels: number;
  size: number;
}

/** Everything a cell needs from a training library; TF.js hides behind this. */
export interface MlpSpec {
  hiddenLayers: number[];
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** Epochs without validation improvement before stopping; the best epoch's weights are kept. */
  patience: number;
  seed: number;
  /** One per column of the matrices' `codes`; their vectors are concatenated to `x` before the first layer. */
  embeddings?: readonly EmbeddingShape[];
}

export interface EpochReport {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  elapsedMs: number;
}

export interface TrainingHooks {
  signal: AbortSignal;
  onEpoch(report: EpochReport): void;
  yieldToHost(): Promise<void>;
}

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
}

export interface MlRuntime {
  /** e.g. 'webgl', 'wasm', 'cpu' */
  readonly backend: string;
  readonly version: string;
  trainRegressor(train: FeatureMatrix, validation: FeatureMatrix, spec: MlpSpec, hooks: TrainingHooks): Promise<TrainingResult>;
}
