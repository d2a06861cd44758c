import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src/core/model/runtime';
import { createNetwork, forward, trainableVariables, type BatchCodes, type Network } from '../../../src/core/model/tfjs-network';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { createRandom } from '../../../src/core/random';

/** Gradients of Σ output² by the training pass's hand-written gradients, or by TF.js's own (the prediction path). */
function gradients(network: Network, x: tf.Tensor2D, codes: BatchCodes, training: boolean): Float32Array[] {
  const variables = trainableVariables(network);
  const pass = training ? { masks: network.hidden.map(() => null), batchMoments: [] } : undefined;
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(forward(network, x, codes, pass))) as tf.Scalar, variables);
  const values = variables.map((variable) => grads[variable.name].dataSync() as Float32Array);
  tf.dispose([value, ...Object.values(grads)]);
  return values;
}

describe('the training pass’s hand-written gradients', () => {
  // The CPU backend has every gradient TF.js's own path needs (WASM lacks gather's); the hand-written ones are the same ops on any backend.
  beforeAll(async () => {
    await createTfRuntime({ backends: ['cpu'] });
  });

  it.each([
    ['ReLU and GELU layers', [{ units: 6, activation: 'relu', dropout: 0, batchNorm: false }, { units: 4, activation: 'gelu', dropout: 0, batchNorm: false }], []],
    ['an embedded category feeding the first layer', [{ units: 5, activation: 'relu', dropout: 0, batchNorm: false }], [{ levels: 3, size: 2 }]],
  ] as [string, LayerSpec[], { levels: number; size: number }[]][])('equal TF.js’s own for %s', (_, layers, embeddings) => {
    const random = createRandom(5);
    const network = createNetwork(3, layers, embeddings, random);
    const x = tf.tensor2d(Float32Array.from({ length: 8 * 3 }, () => random.normal()), [8, 3]);
    const codes = embeddings.map(() => tf.tensor1d(Int32Array.from({ length: 8 }, (_, row) => row % 3), 'int32'));
    const ours = gradients(network, x, codes, true);
    const reference = gradients(network, x, codes, false);
    ours.forEach((values, index) => values.forEach((value, at) => expect(value).toBeCloseTo(reference[index][at], 4)));
    tf.dispose([x, ...codes, ...trainableVariables(network)]);
  });
});
