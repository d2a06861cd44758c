import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../../../src/core/cells/types';
import type { LossSpec, MlRuntime, TrainingHooks } from '../../../src/core/model/runtime';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import type { Random } from '../../../src/core/random';
import { normalRows } from '../../fixtures/normal-rows';
import { networkSpec } from './network-spec';

const hooks: TrainingHooks = { signal: new AbortController().signal, onEpoch: () => {}, yieldToHost: () => Promise.resolve() };

/** Two standard normal features; `target` gives each row's y from them and the random stream. */
const data = (rows: number, seed: number, target: (x0: number, x1: number, random: Random) => number): FeatureMatrix =>
  normalRows(rows, seed, 2, (x, random) => target(x[0], x[1], random));

const linear = (x0: number, x1: number, random: Random) => 3 * x0 - 2 * x1 + 0.1 * random.normal();
/** Class 1 when x0 + x1 > 0.5: about 36% positives. */
const classes = (x0: number, x1: number) => (x0 + x1 > 0.5 ? 1 : 0);
/** Zero half the time, else twice exp(x0): mean exp(x0), a zero-inflated non-negative target. */
const zeroInflated = (x0: number, _x1: number, random: Random) => (random.next() < 0.5 ? 0 : 2 * Math.exp(x0));

function r2(actual: Float32Array, predicted: Float32Array): number {
  const mean = actual.reduce((sum, value) => sum + value, 0) / actual.length;
  let residual = 0;
  let total = 0;
  actual.forEach((value, i) => {
    residual += (value - predicted[i]) ** 2;
    total += (value - mean) ** 2;
  });
  return 1 - residual / total;
}

describe('trainNetwork', () => {
  let runtime: MlRuntime;
  beforeAll(async () => {
    runtime = await createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
  });

  it('gives probabilities of class 1 with binary cross-entropy', async () => {
    const test = data(400, 3, classes);
    const result = await runtime.trainNetwork(data(1000, 1, classes), data(200, 2, classes), networkSpec([16], { loss: { kind: 'binary-crossentropy', positiveWeight: 1 } }), hooks);
    const probabilities = result.model.predict(test.x, test.rows);
    expect(probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
    const correct = probabilities.filter((p, i) => (p > 0.5 ? 1 : 0) === test.y[i]).length;
    expect(correct / test.rows).toBeGreaterThan(0.95);
    result.model.dispose();
  });

  it('raises the probabilities of class 1 when positive rows weigh more', async () => {
    const train = data(600, 4, classes);
    const validation = data(100, 5, classes);
    const meanProbability = async (positiveWeight: number) => {
      const result = await runtime.trainNetwork(train, validation, networkSpec([8], { epochs: 10, patience: 10, loss: { kind: 'binary-crossentropy', positiveWeight } }), hooks);
      const probabilities = result.model.predict(validation.x, validation.rows);
      result.model.dispose();
      return probabilities.reduce((sum, p) => sum + p, 0) / probabilities.length;
    };
    expect(await meanProbability(5)).toBeGreaterThan((await meanProbability(1)) + 0.05);
  });

  it.each<LossSpec>([{ kind: 'poisson' }, { kind: 'tweedie', power: 1.5 }])('predicts the mean of a zero-inflated target through exp with $kind', async (loss) => {
    const test = data(500, 8, zeroInflated);
    const result = await runtime.trainNetwork(data(2000, 6, zeroInflated), data(300, 7, zeroInflated), networkSpec([16], { loss, epochs: 60, patience: 8 }), hooks);
    const predicted = result.model.predict(test.x, test.rows);
    expect(predicted.every((value) => value > 0)).toBe(true);
    // Against the true conditional mean exp(x0), not the noisy target.
    const expected = Float32Array.from({ length: test.rows }, (_, row) => Math.exp(test.x[row * 2]));
    expect(r2(expected, predicted)).toBeGreaterThan(0.8);
    result.model.dispose();
  });

  it('learns with Huber loss in the target units', async () => {
    const test = data(300, 11, linear);
    const result = await runtime.trainNetwork(data(800, 9, linear), data(150, 10, linear), networkSpec([16], { loss: { kind: 'huber', delta: 1 } }), hooks);
    expect(r2(test.y, result.model.predict(test.x, test.rows))).toBeGreaterThan(0.95);
    result.model.dispose();
  });

  it.each(['relu', 'elu', 'gelu', 'tanh'] as const)('learns with %s layers, dropout and batch norm', async (activation) => {
    const test = data(300, 14, linear);
    const layers = [
      { units: 32, activation, dropout: 0.1, batchNorm: true },
      { units: 16, activation, dropout: 0, batchNorm: false },
    ];
    const result = await runtime.trainNetwork(data(1000, 12, linear), data(200, 13, linear), networkSpec([], { layers, epochs: 40, patience: 8 }), hooks);
    expect(r2(test.y, result.model.predict(test.x, test.rows))).toBeGreaterThan(0.9);
    result.model.dispose();
  });

  it('predicts a row alike alone and in a batch: batch norm uses its running moments outside training', async () => {
    const layers = [{ units: 8, activation: 'relu' as const, dropout: 0.2, batchNorm: true }];
    const result = await runtime.trainNetwork(data(300, 15, linear), data(60, 16, linear), networkSpec([], { layers, epochs: 3 }), hooks);
    const probe = data(20, 17, linear);
    const together = result.model.predict(probe.x, probe.rows);
    const alone = result.model.predict(probe.x.subarray(0, 2), 1);
    expect(alone[0]).toBeCloseTo(together[0], 5);
    result.model.dispose();
  });

  it('shrinks the fit towards a constant under a heavy L2 penalty', async () => {
    const train = data(400, 18, linear);
    const validation = data(80, 19, linear);
    const spread = async (l2: number) => {
      const result = await runtime.trainNetwork(train, validation, networkSpec([8], { l2, learningRate: 0.05, epochs: 30, patience: 30 }), hooks);
      const predicted = result.model.predict(validation.x, validation.rows);
      result.model.dispose();
      const mean = predicted.reduce((sum, value) => sum + value, 0) / predicted.length;
      return Math.sqrt(predicted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / predicted.length);
    };
    expect(await spread(10)).toBeLessThan(0.2 * (await spread(0)));
  });

  it('reports the scheduled learning rate of each epoch', async () => {
    const result = await runtime.trainNetwork(data(100, 20, linear), data(30, 21, linear), networkSpec([4], { epochs: 4, patience: 10, learningRate: 0.1, schedule: { kind: 'step', everyEpochs: 2, factor: 0.5 } }), hooks);
    expect(result.history.map((report) => report.learningRate)).toEqual([0.1, 0.1, 0.05, 0.05]);
    result.model.dispose();
  });

  it('gives the same metrics for the same seed with every option in play', async () => {
    const spec = networkSpec([], {
      layers: [
        { units: 16, activation: 'gelu', dropout: 0.2, batchNorm: true },
        { units: 8, activation: 'elu', dropout: 0.1, batchNorm: false },
      ],
      optimizer: { kind: 'adamw', weightDecay: 0.01 },
      schedule: { kind: 'cosine' },
      loss: { kind: 'huber', delta: 1.5 },
      l2: 0.001,
      epochs: 6,
    });
    const train = data(500, 22, linear);
    const validation = data(100, 23, linear);
    const first = await runtime.trainNetwork(train, validation, spec, hooks);
    const second = await runtime.trainNetwork(train, validation, spec, hooks);
    const firstPredictions = first.model.predict(validation.x, validation.rows);
    const secondPredictions = second.model.predict(validation.x, validation.rows);
    firstPredictions.forEach((value, i) => expect(Math.abs(value - secondPredictions[i])).toBeLessThan(1e-6));
    expect(second.history.map((report) => report.validationLoss)).toEqual(first.history.map((report) => report.validationLoss));
    first.model.dispose();
    second.model.dispose();
  });

  it.each<LossSpec>([
    { kind: 'mse' },
    { kind: 'huber', delta: 1 },
    { kind: 'poisson' },
    { kind: 'tweedie', power: 1.3 },
    { kind: 'binary-crossentropy', positiveWeight: 2 },
  ])('leaves no tensor behind after training, predicting and disposing with $kind', async (loss) => {
    const target = loss.kind === 'binary-crossentropy' ? classes : zeroInflated;
    const layers = [{ units: 8, activation: 'gelu' as const, dropout: 0.1, batchNorm: true }];
    const before = tf.memory().numTensors;
    const result = await runtime.trainNetwork(data(200, 24, target), data(40, 25, target), networkSpec([], { layers, loss, epochs: 3, l2: 0.01, optimizer: { kind: 'adamw', weightDecay: 0.01 } }), hooks);
    result.model.predict(data(10, 26, target).x, 10);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('counts batch-norm scales and shifts as parameters, not the running moments', async () => {
    const layers = [{ units: 8, activation: 'relu' as const, dropout: 0, batchNorm: true }];
    const result = await runtime.trainNetwork(data(100, 27, linear), data(20, 28, linear), networkSpec([], { layers, epochs: 1 }), hooks);
    // 2·8 (no bias: the norm's shift replaces it) + 2·8 + (8·1 + 1)
    expect(result.parameterCount).toBe(41);
    result.model.dispose();
  });

  it('names a bad layer before training', async () => {
    const layers = [{ units: 8, activation: 'relu' as const, dropout: 1, batchNorm: false }];
    await expect(runtime.trainNetwork(data(50, 29, linear), data(10, 30, linear), networkSpec([], { layers }), hooks)).rejects.toThrow('Hidden layer 1: dropout must be at least 0 and below 1');
  });
});
