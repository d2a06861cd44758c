import * as tf from '@tensorflow/tfjs';
import { CellError } from '../cells/types';
import type { OutputScale } from './layers-metadata';
import type { OutputLink } from './losses';
import type { Activation, EmbeddingShape } from './runtime';
import { GELU_CUBIC, GELU_SCALE, NORM_EPSILON, NORM_MOMENTUM, type TfNetworkModel } from './tfjs-network';

type Symbolic = tf.SymbolicTensor;

/** The tfjs-layers activations equal to ours; GELU has none, see `geluLayers`. */
const LAYER_ACTIVATIONS: Record<Exclude<Activation, 'gelu'>, 'relu' | 'elu' | 'tanh'> = { relu: 'relu', elu: 'elu', tanh: 'tanh' };

/** The inputs every part of an exported model reads: the numeric features, then one code per embedded category. */
export interface LayersInputs {
  features: Symbolic;
  categories: Symbolic[];
}

export function layersInputs(inputSize: number, embeddings: readonly EmbeddingShape[]): LayersInputs {
  return {
    features: tf.input({ shape: [inputSize], name: 'features' }),
    categories: embeddings.map((_, index) => tf.input({ shape: [1], dtype: 'int32', name: `category_${index}` })),
  };
}

/**
 * Tensors made for the export (folded output weights), freed by the caller once the model is saved;
 * freeing them earlier is safe too, as a layer's variable shares the data it is set to by reference count.
 */
type Made = tf.Tensor[];

/** Applies `layer` and then gives it the trained weights (its variables exist only once it is applied). */
function applied(layer: tf.layers.Layer, input: Symbolic | Symbolic[], weights: tf.Tensor[]): Symbolic {
  const output = layer.apply(input) as Symbolic;
  layer.setWeights(weights);
  return output;
}

/**
 * GELU's tanh form, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), from standard layers in the order
 * our forward pass computes it. tfjs-layers' `gelu_new` computes the same, but a saved model that
 * uses it does not load (tfjs 4.22 reads the name back as 'geluNew', which no class has), and its
 * `gelu` is the erf form, up to about 1e-3 away.
 */
function geluLayers(x: Symbolic, name: string): Symbolic {
  const apply = (layer: tf.layers.Layer, input: Symbolic | Symbolic[]) => layer.apply(input) as Symbolic;
  // TF.js's executor frees a tensor too early when one layer takes it twice, so x³ multiplies x by two copies of it.
  const copies = [1, 2].map((copy) => apply(tf.layers.activation({ activation: 'linear', name: `${name}_copy_${copy}` }), x));
  const cube = apply(tf.layers.multiply({ name: `${name}_cube` }), [x, ...copies]);
  const sum = apply(tf.layers.add({ name: `${name}_sum` }), [x, apply(tf.layers.rescaling({ scale: GELU_CUBIC, name: `${name}_cubic_term` }), cube)]);
  const tanh = apply(tf.layers.activation({ activation: 'tanh', name: `${name}_tanh` }), apply(tf.layers.rescaling({ scale: GELU_SCALE, name: `${name}_scaled` }), sum));
  // 0.5·(1 + t) as 0.5·t + 0.5: halving is exact, so the two round alike.
  const gate = apply(tf.layers.rescaling({ scale: 0.5, offset: 0.5, name: `${name}_gate` }), tanh);
  return apply(tf.layers.multiply({ name }), [x, gate]);
}

/** `activation` after a linear layer's output, as a layer of its own. */
function activationLayers(x: Symbolic, activation: Activation, name: string): Symbolic {
  return activation === 'gelu' ? geluLayers(x, name) : (tf.layers.activation({ activation: LAYER_ACTIVATIONS[activation], name }).apply(x) as Symbolic);
}

/**
 * The output Dense on the prediction scale where a layer can express it: a standardised target's
 * scale folded into the weights (kernel·std, bias·std + mean), a sigmoid as the activation, and
 * for an exp link the log of the prediction (log(mean) folded into the bias), since tfjs-layers
 * has no exponential activation.
 */
function outputWeights(kernel: tf.Tensor, bias: tf.Tensor, link: OutputLink, made: Made): { weights: tf.Tensor[]; activation: 'linear' | 'sigmoid'; scale: OutputScale } {
  switch (link.kind) {
    case 'standardised': {
      const folded = tf.tidy(() => [tf.mul(kernel, link.std), tf.add(tf.mul(bias, link.std), link.mean)]);
      made.push(...folded);
      return { weights: folded, activation: 'linear', scale: 'prediction' };
    }
    case 'exp': {
      const shifted = tf.tidy(() => tf.add(bias, Math.log(link.mean)));
      made.push(shifted);
      return { weights: [kernel, shifted], activation: 'linear', scale: 'log' };
    }
    case 'sigmoid':
      return { weights: [kernel, bias], activation: 'sigmoid', scale: 'prediction' };
  }
}

/**
 * One of our networks as layers on the shared inputs, its trained weights copied in: embedding
 * vectors after the numeric features, then dense → batch norm → activation → dropout per hidden
 * layer (dropout does nothing at inference; it stays so the architecture reads as trained).
 * `prefix` keeps two networks' layer names apart in one model.
 */
export function networkLayers(model: TfNetworkModel, inputs: LayersInputs, prefix: string, outputName: string, made: Made): { output: Symbolic; scale: OutputScale } {
  if (model.isDisposed) throw new CellError('This model was discarded: run its training cell again before exporting it');
  const { network } = model;
  let activations = inputs.features;
  if (network.embeddings.length > 0) {
    const vectors = network.embeddings.map((table, index) => {
      const [levels, size] = table.shape;
      const embedding = tf.layers.embedding({ inputDim: levels, outputDim: size, inputLength: 1, name: `${prefix}category_${index}_embedding` });
      return tf.layers.flatten({ name: `${prefix}category_${index}_vector` }).apply(applied(embedding, inputs.categories[index], [table])) as Symbolic;
    });
    activations = tf.layers.concatenate({ axis: -1, name: `${prefix}joined_inputs` }).apply([activations, ...vectors]) as Symbolic;
  }
  network.hidden.forEach((layer, index) => {
    const number = index + 1;
    const { units, activation, dropout } = layer.spec;
    const dense = `${prefix}dense_${number}`;
    if (layer.norm) {
      const { gamma, beta, movingMean, movingVariance } = layer.norm;
      activations = applied(tf.layers.dense({ units, useBias: false, name: dense }), activations, [layer.kernel]);
      activations = applied(tf.layers.batchNormalization({ epsilon: NORM_EPSILON, momentum: NORM_MOMENTUM, name: `${prefix}batch_norm_${number}` }), activations, [gamma, beta, movingMean, movingVariance]);
      activations = activationLayers(activations, activation, `${prefix}${activation}_${number}`);
    } else if (activation === 'gelu') {
      activations = geluLayers(applied(tf.layers.dense({ units, name: dense }), activations, [layer.kernel, layer.bias]), `${prefix}gelu_${number}`);
    } else {
      activations = applied(tf.layers.dense({ units, activation: LAYER_ACTIVATIONS[activation], name: dense }), activations, [layer.kernel, layer.bias]);
    }
    if (dropout > 0) activations = tf.layers.dropout({ rate: dropout, name: `${prefix}dropout_${number}` }).apply(activations) as Symbolic;
  });
  const { weights, activation, scale } = outputWeights(network.output.kernel, network.output.bias, model.link, made);
  return { output: applied(tf.layers.dense({ units: 1, activation, name: outputName }), activations, weights), scale };
}
