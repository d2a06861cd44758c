import { createRandom } from '../random';

/** Layer widths from input to the single output, e.g. [20, 128, 64, 1]. */
export function layerSizes(inputSize: number, hiddenLayers: readonly number[]): number[] {
  return [inputSize, ...hiddenLayers, 1];
}

/** Trainable weights and biases of a dense network with these widths. */
export function parameterCount(inputSize: number, hiddenLayers: readonly number[]): number {
  const sizes = layerSizes(inputSize, hiddenLayers);
  let count = 0;
  for (let layer = 1; layer < sizes.length; layer++) count += sizes[layer - 1] * sizes[layer] + sizes[layer];
  return count;
}

export interface DenseLayerValues {
  fanIn: number;
  fanOut: number;
  /** Row-major fanIn × fanOut. */
  kernel: Float32Array;
  bias: Float32Array;
}

/**
 * Seeded starting weights, drawn here rather than by TF.js so a seed gives the same network on
 * every backend. ReLU layers use He-uniform (keeps activation variance through the ReLUs); the
 * linear output layer uses Glorot-uniform. Biases start at zero.
 */
export function initialWeights(inputSize: number, hiddenLayers: readonly number[], seed: number): DenseLayerValues[] {
  const random = createRandom(seed);
  const sizes = layerSizes(inputSize, hiddenLayers);
  const layers: DenseLayerValues[] = [];
  for (let layer = 1; layer < sizes.length; layer++) {
    const fanIn = sizes[layer - 1];
    const fanOut = sizes[layer];
    const isOutput = layer === sizes.length - 1;
    const limit = isOutput ? Math.sqrt(6 / (fanIn + fanOut)) : Math.sqrt(6 / fanIn);
    const kernel = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < kernel.length; i++) kernel[i] = (random.next() * 2 - 1) * limit;
    layers.push({ fanIn, fanOut, kernel, bias: new Float32Array(fanOut) });
  }
  return layers;
}
