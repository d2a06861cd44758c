import * as tf from '@tensorflow/tfjs';
import { CellError, type FeatureMatrix } from '../cells/types';
import { createRandom, type Random } from '../random';
import type { NetworkLoss, OutputLink } from './losses';
import { initialWeights } from './mlp-shape';
import type { Activation, EmbeddingShape, LayerSpec, TrainedRegressor } from './runtime';

interface Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** Batch normalisation's scale and shift (trained) and the running moments used outside training. */
interface Norm {
  gamma: tf.Variable;
  beta: tf.Variable;
  movingMean: tf.Variable;
  movingVariance: tf.Variable;
}

/** A normalised layer has no bias of its own: batch norm's shift takes its place. */
type Hidden = { spec: LayerSpec; kernel: tf.Variable } & ({ bias: tf.Variable; norm: null } | { bias: null; norm: Norm });

/** The dense layers and, per embedded category, its table of level vectors (levels × size). */
export interface Network {
  hidden: Hidden[];
  output: Dense;
  embeddings: tf.Variable[];
}

/** Level codes of one batch, one int32 vector per embedded category. */
export type BatchCodes = tf.Tensor1D[];

/** What only a training step has: dropout masks and a place for each normalised layer's batch moments. */
export interface TrainingPass {
  /** Per hidden layer, kept units scaled by 1 / (1 − rate), or null without dropout. */
  masks: (tf.Tensor2D | null)[];
  /** Filled by the pass; kept (not disposed by the step's tidy) until the running moments take them. */
  batchMoments: { mean: tf.Tensor; variance: tf.Tensor }[];
}

/** Keras' BatchNormalization defaults. */
export const NORM_EPSILON = 1e-3;
export const NORM_MOMENTUM = 0.99;
/** Rows per tensor when predicting or scoring, so a large table never becomes one huge upload. */
export const CHUNK_ROWS = 8192;

export const GELU_SCALE = Math.sqrt(2 / Math.PI);
export const GELU_CUBIC = 0.044715;

/** The tanh form of GELU (Hendrycks & Gimpel), as PyTorch's approximate='tanh'. */
function gelu(x: tf.Tensor2D): tf.Tensor2D {
  const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), GELU_CUBIC)), GELU_SCALE);
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** ELU from ops whose gradients every backend has (the WASM backend lacks EluGrad). */
function elu(x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.relu(x), tf.sub(tf.exp(tf.minimum(x, 0)), 1));
}

function activate(x: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'elu':
      return elu(x);
    case 'gelu':
      return gelu(x);
    case 'tanh':
      return tf.tanh(x);
  }
}

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

function normalise(z: tf.Tensor2D, norm: Norm, pass: TrainingPass | undefined): tf.Tensor2D {
  let mean: tf.Tensor = norm.movingMean;
  let variance: tf.Tensor = norm.movingVariance;
  if (pass) {
    ({ mean, variance } = tf.moments(z, 0));
    pass.batchMoments.push({ mean: tf.keep(mean), variance: tf.keep(variance) });
  }
  return tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, NORM_EPSILON))), norm.gamma), norm.beta);
}

/**
 * Gradients of x·W by explicit transposes: the WASM backend multiplies a transposed operand (what
 * TF.js's own matMul gradient asks for) about eight times slower than a plain one. The input's
 * gradient is skipped (zeros) where nothing upstream learns: the first layer without embeddings.
 */
function productGradients(dy: tf.Tensor2D, x: tf.Tensor2D, kernel: tf.Tensor2D, inputGradient: boolean): tf.Tensor2D[] {
  return [inputGradient ? tf.matMul(dy, tf.transpose(kernel)) : tf.zerosLike(x), tf.matMul(tf.transpose(x), dy)];
}

type TrainingOp = (...inputs: tf.Tensor[]) => tf.Tensor2D;
const customOp = (body: (...inputs: never[]) => unknown) => tf.customGrad(body as unknown as Parameters<typeof tf.customGrad>[0]) as TrainingOp;

/** x·W for a training pass (a normalised layer, whose shift is batch norm's). */
const trainingMatMul = (inputGradient: boolean) =>
  customOp((x: tf.Tensor2D, kernel: tf.Tensor2D, save: tf.GradSaveFunc) => {
    save([x, kernel]);
    return { value: tf.matMul(x, kernel), gradFunc: (dy: tf.Tensor2D, [savedX, savedKernel]: tf.Tensor2D[]) => productGradients(dy, savedX, savedKernel, inputGradient) };
  });

/**
 * relu(x·W + b) or x·W + b for a training pass, forward in one fused op. ReLU's gradient reuses
 * the output (y > 0 exactly where x·W + b > 0); the bias gradient is a row of ones times dy,
 * which the WASM backend computes about five times faster than a sum over the batch axis.
 */
const trainingDense = (activation: 'relu' | 'linear', inputGradient: boolean) =>
  customOp((x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, save: tf.GradSaveFunc) => {
    const value = tf.fused.matMul({ a: x, b: kernel, bias, activation });
    save([x, kernel, value]);
    return {
      value,
      gradFunc: (dy: tf.Tensor2D, [savedX, savedKernel, output]: tf.Tensor2D[]) => {
        const dz: tf.Tensor2D = activation === 'relu' ? tf.mul(dy, tf.step(output)) : dy;
        const [rows, units] = dz.shape;
        return [...productGradients(dz, savedX, savedKernel, inputGradient), tf.reshape(tf.matMul(tf.ones([1, rows]), dz), [units])];
      },
    };
  });

/** Built once per variant: [activation][inputGradient]. */
const trainingOps = {
  matMul: [trainingMatMul(false), trainingMatMul(true)],
  relu: [trainingDense('relu', false), trainingDense('relu', true)],
  linear: [trainingDense('linear', false), trainingDense('linear', true)],
};

/**
 * x·W (+ b), then the activation. A training pass takes the faster gradients above (ReLU and
 * linear layers in one op); prediction uses one fused op where it can.
 */
function dense(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Variable | null, activation: Activation | 'linear', pass: { training: boolean; inputGradient: boolean }): tf.Tensor2D {
  const gradientIndex = pass.inputGradient ? 1 : 0;
  if (!bias) {
    const product: tf.Tensor2D = pass.training ? trainingOps.matMul[gradientIndex](x, kernel) : tf.matMul(x, kernel);
    return activation === 'linear' ? product : activate(product, activation);
  }
  if (activation === 'relu' || activation === 'linear') {
    return pass.training ? trainingOps[activation][gradientIndex](x, kernel, bias) : (tf.fused.matMul({ a: x, b: kernel, bias, activation }) as tf.Tensor2D);
  }
  const shifted = pass.training ? trainingOps.linear[gradientIndex](x, kernel, bias) : (tf.add(tf.matMul(x, kernel), bias) as tf.Tensor2D);
  return activate(shifted, activation);
}

/** Raw outputs, [rows, 1]; dense → batch norm → activation → dropout per hidden layer. */
export function forward(network: Network, x: tf.Tensor2D, codes: BatchCodes, pass?: TrainingPass): tf.Tensor2D {
  const training = pass !== undefined;
  let activations = withEmbeddings(network, x, codes, training);
  network.hidden.forEach((layer, index) => {
    // The first layer's input needs a gradient only when it holds embedding vectors.
    const step = { training, inputGradient: index > 0 || network.embeddings.length > 0 };
    const kernel = layer.kernel as tf.Tensor2D;
    activations = layer.norm
      ? activate(normalise(dense(activations, kernel, null, 'linear', step), layer.norm, pass), layer.spec.activation)
      : dense(activations, kernel, layer.bias, layer.spec.activation, step);
    const mask = pass?.masks[index];
    if (mask) activations = tf.mul(activations, mask);
  });
  const outputStep = { training, inputGradient: network.hidden.length > 0 || network.embeddings.length > 0 };
  return dense(activations, network.output.kernel as tf.Tensor2D, network.output.bias, 'linear', outputStep);
}

/** Folds a step's batch moments into the running ones and frees them. */
export function updateRunningMoments(network: Network, moments: TrainingPass['batchMoments']): void {
  const norms = network.hidden.flatMap((layer) => (layer.norm ? [layer.norm] : []));
  tf.tidy(() => {
    norms.forEach((norm, index) => {
      norm.movingMean.assign(tf.add(tf.mul(norm.movingMean, NORM_MOMENTUM), tf.mul(moments[index].mean, 1 - NORM_MOMENTUM)));
      norm.movingVariance.assign(tf.add(tf.mul(norm.movingVariance, NORM_MOMENTUM), tf.mul(moments[index].variance, 1 - NORM_MOMENTUM)));
    });
  });
  tf.dispose(moments.flatMap(({ mean, variance }) => [mean, variance]));
}

/** Inverted dropout masks drawn from the training stream, so a seed gives the same masks on every backend. */
export function dropoutMasks(network: Network, rows: number, random: Random): (tf.Tensor2D | null)[] {
  return network.hidden.map(({ spec }) => {
    if (spec.dropout <= 0) return null;
    const kept = 1 / (1 - spec.dropout);
    const values = new Float32Array(rows * spec.units);
    for (let i = 0; i < values.length; i++) values[i] = random.next() < spec.dropout ? 0 : kept;
    return tf.tensor2d(values, [rows, spec.units]);
  });
}

/** A variable holding `make()`'s tensor, which is freed once copied. */
function variableOf(make: () => tf.Tensor, trainable = true): tf.Variable {
  return tf.tidy(() => tf.variable(make(), trainable));
}

/** Seeded tables, uniform in ±0.05 as Keras' Embedding layer starts, drawn after the dense weights. */
function initialEmbeddings(shapes: readonly EmbeddingShape[], random: Random): tf.Variable[] {
  if (shapes.length === 0) return [];
  const tables = createRandom(random.seed());
  return shapes.map(({ levels, size }) => variableOf(() => tf.tensor2d(Float32Array.from({ length: levels * size }, () => (tables.next() * 2 - 1) * 0.05), [levels, size])));
}

function initialNorm(units: number): Norm {
  return {
    gamma: variableOf(() => tf.ones([units])),
    beta: variableOf(() => tf.zeros([units])),
    movingMean: variableOf(() => tf.zeros([units]), false),
    movingVariance: variableOf(() => tf.ones([units]), false),
  };
}

export function createNetwork(inputSize: number, layers: readonly LayerSpec[], embeddings: readonly EmbeddingShape[], random: Random): Network {
  const embeddedSize = embeddings.reduce((sum, shape) => sum + shape.size, 0);
  const values = initialWeights(inputSize + embeddedSize, layers.map((layer) => layer.units), random.seed());
  const kernel = (index: number) => variableOf(() => tf.tensor2d(values[index].kernel, [values[index].fanIn, values[index].fanOut]));
  const bias = (index: number) => variableOf(() => tf.tensor1d(values[index].bias));
  return {
    hidden: layers.map((spec, index): Hidden =>
      spec.batchNorm ? { spec, kernel: kernel(index), bias: null, norm: initialNorm(spec.units) } : { spec, kernel: kernel(index), bias: bias(index), norm: null },
    ),
    output: { kernel: kernel(layers.length), bias: bias(layers.length) },
    embeddings: initialEmbeddings(embeddings, random),
  };
}

export function trainableVariables(network: Network): tf.Variable[] {
  return [
    ...network.hidden.flatMap(({ kernel, bias, norm }) => [kernel, ...(bias ? [bias] : []), ...(norm ? [norm.gamma, norm.beta] : [])]),
    network.output.kernel,
    network.output.bias,
    ...network.embeddings,
  ];
}

/** Every variable, the running moments included: what a snapshot of the best epoch must hold. */
export function allVariables(network: Network): tf.Variable[] {
  return [...trainableVariables(network), ...network.hidden.flatMap(({ norm }) => (norm ? [norm.movingMean, norm.movingVariance] : []))];
}

/** The kernels, which L2 and weight decay shrink (not biases, norms or embedding tables). */
export function kernels(network: Network): tf.Variable[] {
  return [...network.hidden.map(({ kernel }) => kernel), network.output.kernel];
}

export function inputSizeOf(matrix: FeatureMatrix, part: string): number {
  if (matrix.rows === 0) throw new CellError(`The ${part} split has no rows: lower the test/validation fractions or use more data`);
  const size = matrix.x.length / matrix.rows;
  if (!Number.isInteger(size) || size === 0) throw new CellError(`The ${part} matrix holds ${matrix.x.length} values, not a whole number of feature rows`);
  return size;
}

export function checkCodes(matrix: FeatureMatrix, embeddings: readonly EmbeddingShape[], part: string): void {
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
export function batchCodes(codes: Int32Array | undefined, columns: number, start: number, end: number, order?: Uint32Array): BatchCodes {
  if (!codes || columns === 0) return [];
  return Array.from({ length: columns }, (_, column) => {
    const values = new Int32Array(end - start);
    for (let i = start; i < end; i++) values[i - start] = codes[(order ? order[i] : i) * columns + column];
    return tf.tensor1d(values, 'int32');
  });
}

/** Rows start..end of a row-major matrix as a tensor (a view, not a copy, of the block). */
export function rowBlock(x: Float32Array, columns: number, start: number, end: number): tf.Tensor2D {
  return tf.tensor2d(x.subarray(start * columns, end * columns), [end - start, columns]);
}

/** Refuses rows of the wrong width and codes that do not fit `embeddings` before anything is uploaded. */
export function checkRows(x: Float32Array, rows: number, codes: Int32Array | undefined, inputSize: number, embeddings: readonly EmbeddingShape[]): void {
  if (x.length !== rows * inputSize) {
    throw new CellError(`The model expects ${inputSize} features per row, got ${rows > 0 ? x.length / rows : x.length}`);
  }
  checkCodes({ x, y: new Float32Array(0), rows, codes }, embeddings, 'scored');
}

/** `predictChunk`'s [rows, 1] answers for every row, CHUNK_ROWS rows at a time, each chunk's tensors freed. */
export function predictInChunks(
  x: Float32Array,
  rows: number,
  codes: Int32Array | undefined,
  inputSize: number,
  embeddingCount: number,
  predictChunk: (block: tf.Tensor2D, codes: BatchCodes) => tf.Tensor,
): Float32Array {
  const predictions = new Float32Array(rows);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const end = Math.min(rows, start + CHUNK_ROWS);
    const chunk = tf.tidy(() => predictChunk(rowBlock(x, inputSize, start, end), batchCodes(codes, embeddingCount, start, end)));
    predictions.set(chunk.dataSync(), start);
    chunk.dispose();
  }
  return predictions;
}

export class TfNetworkModel implements TrainedRegressor {
  private disposed = false;

  constructor(
    readonly inputSize: number,
    readonly network: Network,
    readonly embeddingShapes: readonly EmbeddingShape[],
    private readonly loss: NetworkLoss,
  ) {}

  /** How the network's raw output becomes a prediction. */
  get link(): OutputLink {
    return this.loss.link;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  predict(x: Float32Array, rows: number, codes?: Int32Array): Float32Array {
    if (this.disposed) throw new CellError('This model was discarded: run its training cell again');
    checkRows(x, rows, codes, this.inputSize, this.embeddingShapes);
    return predictInChunks(x, rows, codes, this.inputSize, this.embeddingShapes.length, (block, blockCodes) => this.loss.predictions(forward(this.network, block, blockCodes)));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(allVariables(this.network));
  }
}
