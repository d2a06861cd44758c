import * as tf from '@tensorflow/tfjs';
import { CancelledError, CellError, type FeatureMatrix } from '../cells/types';
import { createRandom, shuffledIndices, type Random } from '../random';
import { initialWeights } from './mlp-shape';
import type { EmbeddingShape, EpochReport, MlpSpec, TrainedRegressor, TrainingHooks, TrainingResult } from './runtime';
import { fitTargetScaler, type TargetScaler } from './target-scaler';

interface DenseLayer {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** The dense layers and, per embedded category, its table of level vectors (levels × size). */
interface Network {
  layers: DenseLayer[];
  embeddings: tf.Variable[];
}

/** Level codes of one batch, one int32 vector per embedded category. */
type BatchCodes = tf.Tensor1D[];

/** Rows per tensor when predicting or scoring, so a large table never becomes one huge upload. */
const CHUNK_ROWS = 8192;
/** How long the loop may run between yields, so cancel and progress messages get through. */
const YIELD_EVERY_MS = 60;

/**
 * Looks each row's level vector up and appends it to the row's features. Training multiplies a
 * one-hot matrix by the table, whose gradient every backend has (the WASM backend lacks the one of
 * `gather`); prediction gathers, which needs no rows × levels matrix.
 */
function withEmbeddings(network: Network, x: tf.Tensor2D, codes: BatchCodes, training: boolean): tf.Tensor2D {
  if (network.embeddings.length === 0) return x;
  const vectors = network.embeddings.map((table, index) =>
    training ? tf.matMul(tf.oneHot(codes[index], table.shape[0]), table as tf.Tensor2D) : (tf.gather(table, codes[index]) as tf.Tensor2D),
  );
  return tf.concat([x, ...vectors], 1) as tf.Tensor2D;
}

function forward(network: Network, x: tf.Tensor2D, codes: BatchCodes, training = false): tf.Tensor2D {
  const { layers } = network;
  let activations = withEmbeddings(network, x, codes, training);
  layers.forEach((layer, index) => {
    const isOutput = index === layers.length - 1;
    activations = tf.fused.matMul({
      a: activations,
      b: layer.kernel as tf.Tensor2D,
      bias: layer.bias,
      activation: isOutput ? 'linear' : 'relu',
    }) as tf.Tensor2D;
  });
  return activations;
}

function inputSizeOf(matrix: FeatureMatrix, part: string): number {
  if (matrix.rows === 0) throw new CellError(`The ${part} split has no rows: lower the test/validation fractions or use more data`);
  const size = matrix.x.length / matrix.rows;
  if (!Number.isInteger(size) || size === 0) throw new CellError(`The ${part} matrix holds ${matrix.x.length} values, not a whole number of feature rows`);
  return size;
}

function checkCodes(matrix: FeatureMatrix, embeddings: readonly EmbeddingShape[], part: string): void {
  if (embeddings.length === 0) return;
  const codes = matrix.codes;
  if (!codes || codes.length !== matrix.rows * embeddings.length) {
    throw new CellError(`The ${part} rows lack the category codes of the ${embeddings.length} embedded columns: run the Encode cell again`);
  }
  for (let i = 0; i < codes.length; i++) {
    const levels = embeddings[i % embeddings.length].levels;
    if (codes[i] < 0 || codes[i] >= levels) throw new CellError(`A ${part} category code (${codes[i]}) is outside its embedding's ${levels} levels`);
  }
}

/** The codes of rows start..end (in `order` when given), one int32 tensor per embedded category. */
function batchCodes(codes: Int32Array | undefined, columns: number, start: number, end: number, order?: Uint32Array): BatchCodes {
  if (!codes || columns === 0) return [];
  return Array.from({ length: columns }, (_, column) => {
    const values = new Int32Array(end - start);
    for (let i = start; i < end; i++) values[i - start] = codes[(order ? order[i] : i) * columns + column];
    return tf.tensor1d(values, 'int32');
  });
}

/** Copies the chosen rows of a row-major matrix into a fresh contiguous block. */
function gatherRows(x: Float32Array, inputSize: number, order: Uint32Array, start: number, end: number): Float32Array {
  const block = new Float32Array((end - start) * inputSize);
  for (let i = start; i < end; i++) {
    const row = order[i];
    block.set(x.subarray(row * inputSize, (row + 1) * inputSize), (i - start) * inputSize);
  }
  return block;
}

/** Mean squared error, in scaled-target units, over a whole matrix. */
async function meanSquaredError(network: Network, matrix: FeatureMatrix, inputSize: number, scaledY: Float32Array): Promise<number> {
  let total = 0;
  for (let start = 0; start < matrix.rows; start += CHUNK_ROWS) {
    const end = Math.min(matrix.rows, start + CHUNK_ROWS);
    const chunkError = tf.tidy(() => {
      const codes = batchCodes(matrix.codes, network.embeddings.length, start, end);
      const predicted = forward(network, tf.tensor2d(matrix.x.subarray(start * inputSize, end * inputSize), [end - start, inputSize]), codes);
      return tf.sum(tf.squaredDifference(predicted, tf.tensor2d(scaledY.subarray(start, end), [end - start, 1])));
    });
    total += (await chunkError.data())[0];
    chunkError.dispose();
  }
  return total / matrix.rows;
}

class TfRegressor implements TrainedRegressor {
  private disposed = false;

  constructor(
    readonly inputSize: number,
    private readonly network: Network,
    private readonly embeddingShapes: readonly EmbeddingShape[],
    private readonly scaler: TargetScaler,
  ) {}

  predict(x: Float32Array, rows: number, codes?: Int32Array): Float32Array {
    if (this.disposed) throw new CellError('This model was discarded: run the Train MLP cell again');
    if (x.length !== rows * this.inputSize) {
      throw new CellError(`The model expects ${this.inputSize} features per row, got ${rows > 0 ? x.length / rows : x.length}`);
    }
    checkCodes({ x, y: new Float32Array(0), rows, codes }, this.embeddingShapes, 'scored');
    const predictions = new Float32Array(rows);
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const end = Math.min(rows, start + CHUNK_ROWS);
      const chunk = tf.tidy(() =>
        forward(this.network, tf.tensor2d(x.subarray(start * this.inputSize, end * this.inputSize), [end - start, this.inputSize]), batchCodes(codes, this.embeddingShapes.length, start, end)),
      );
      const scaled = chunk.dataSync();
      chunk.dispose();
      for (let i = 0; i < scaled.length; i++) predictions[start + i] = this.scaler.unscale(scaled[i]);
    }
    return predictions;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const layer of this.network.layers) tf.dispose([layer.kernel, layer.bias]);
    tf.dispose(this.network.embeddings);
  }
}

/** Seeded tables, uniform in ±0.05 as Keras' Embedding layer starts, drawn after the dense weights. */
function initialEmbeddings(shapes: readonly EmbeddingShape[], random: Random): tf.Variable[] {
  if (shapes.length === 0) return [];
  const tables = createRandom(random.seed());
  return shapes.map(({ levels, size }) => tf.tidy(() => tf.variable(tf.tensor2d(Float32Array.from({ length: levels * size }, () => (tables.next() * 2 - 1) * 0.05), [levels, size]), true)));
}

/**
 * Trains a dense ReLU network on MSE with Adam in a hand-written loop: TF.js's `fit` cannot
 * restore the best epoch's weights on early stopping, shuffles with an unseeded generator and
 * gives no place to yield for cancellation.
 */
export async function trainTfRegressor(train: FeatureMatrix, validation: FeatureMatrix, spec: MlpSpec, hooks: TrainingHooks): Promise<TrainingResult> {
  const inputSize = inputSizeOf(train, 'training');
  if (inputSizeOf(validation, 'validation') !== inputSize) throw new CellError('Training and validation matrices have different feature counts');
  const embeddingShapes = spec.embeddings ?? [];
  checkCodes(train, embeddingShapes, 'training');
  checkCodes(validation, embeddingShapes, 'validation');
  const random = createRandom(spec.seed);
  const scaler = fitTargetScaler(train.y);
  const trainY = scaler.scaleAll(train.y);
  const validationY = scaler.scaleAll(validation.y);

  // tidy disposes the starting tensors; the variables (their copies) outlive it.
  const embeddedSize = embeddingShapes.reduce((sum, shape) => sum + shape.size, 0);
  const layers: DenseLayer[] = tf.tidy(() =>
    initialWeights(inputSize + embeddedSize, spec.hiddenLayers, random.seed()).map((values) => ({
      kernel: tf.variable(tf.tensor2d(values.kernel, [values.fanIn, values.fanOut]), true),
      bias: tf.variable(tf.tensor1d(values.bias), true),
    })),
  );
  const network: Network = { layers, embeddings: initialEmbeddings(embeddingShapes, random) };
  const variables = [...layers.flatMap((layer) => [layer.kernel, layer.bias]), ...network.embeddings];
  const optimizer = tf.train.adam(spec.learningRate);
  let bestWeights: tf.Tensor[] = [];
  let keepModel = false;
  try {
    const history: EpochReport[] = [];
    let bestLoss = Infinity;
    let bestEpoch = 0;
    const started = performance.now();
    let lastYield = started;
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      const order = shuffledIndices(train.rows, random);
      let lossSum = tf.scalar(0);
      for (let start = 0; start < train.rows; start += spec.batchSize) {
        const end = Math.min(train.rows, start + spec.batchSize);
        const batchX = tf.tensor2d(gatherRows(train.x, inputSize, order, start, end), [end - start, inputSize]);
        const batchY = tf.tensor2d(gatherRows(trainY, 1, order, start, end), [end - start, 1]);
        const codes = batchCodes(train.codes, embeddingShapes.length, start, end, order);
        const cost = optimizer.minimize(() => tf.losses.meanSquaredError(batchY, forward(network, batchX, codes, true)) as tf.Scalar, true, variables)!;
        const previousSum = lossSum;
        lossSum = tf.tidy(() => tf.add(previousSum, tf.mul(cost, end - start)));
        tf.dispose([batchX, batchY, ...codes, cost, previousSum]);
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await hooks.yieldToHost();
          lastYield = performance.now();
          if (hooks.signal.aborted) {
            lossSum.dispose();
            throw new CancelledError();
          }
        }
      }
      const trainLoss = (await lossSum.data())[0] / train.rows;
      lossSum.dispose();
      if (!Number.isFinite(trainLoss)) {
        throw new CellError(`Training diverged at epoch ${epoch} (the loss is no longer a finite number): lower the learning rate`);
      }
      const validationLoss = await meanSquaredError(network, validation, inputSize, validationY);
      const report: EpochReport = { epoch, trainLoss, validationLoss, elapsedMs: performance.now() - started };
      history.push(report);
      if (validationLoss < bestLoss) {
        bestLoss = validationLoss;
        bestEpoch = epoch;
        tf.dispose(bestWeights);
        bestWeights = variables.map((variable) => tf.clone(variable));
      }
      hooks.onEpoch(report);
      await hooks.yieldToHost();
      lastYield = performance.now();
      if (hooks.signal.aborted) throw new CancelledError();
      if (epoch - bestEpoch >= spec.patience) break;
    }
    variables.forEach((variable, index) => variable.assign(bestWeights[index]));
    keepModel = true;
    return { model: new TfRegressor(inputSize, network, embeddingShapes, scaler), history, bestEpoch };
  } finally {
    tf.dispose(bestWeights);
    optimizer.dispose();
    if (!keepModel) tf.dispose(variables);
  }
}
