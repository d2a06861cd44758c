import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, type FeatureMatrix } from '../../../src/core/cells/types';
import type { EpochReport, MlRuntime, TrainingHooks } from '../../../src/core/model/runtime';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { normalRows } from '../../fixtures/normal-rows';
import { networkSpec } from './network-spec';

const wasmPaths = 'node_modules/@tensorflow/tfjs-backend-wasm/dist/';

/** y = 3·x0 − 2·x1 + noise: a network should learn it far better than the mean. */
const linearData = (rows: number, seed: number): FeatureMatrix => normalRows(rows, seed, 3, (x, random) => 3 * x[0] - 2 * x[1] + 0.1 * random.normal() + 10);

const spec = networkSpec([16, 8]);

function hooks(overrides: Partial<TrainingHooks> = {}): TrainingHooks {
  return { signal: new AbortController().signal, onEpoch: () => {}, yieldToHost: () => Promise.resolve(), ...overrides };
}

describe('createTfRuntime', () => {
  let runtime: MlRuntime;
  beforeAll(async () => {
    runtime = await createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths });
  });

  it('starts the first backend that works and reports the TF.js version', () => {
    expect(runtime.backend).toBe('wasm');
    expect(runtime.version).toBe(tf.version_core);
  });

  it('falls back past a backend that cannot start', async () => {
    // Node has no WebGL context, so setBackend('webgl') fails and cpu is next.
    const fallback = await createTfRuntime({ backends: ['webgl', 'cpu'] });
    expect(fallback.backend).toBe('cpu');
    await createTfRuntime({ backends: ['wasm'], wasmPaths });
  });

  it('times every backend that starts on a probe, trains on the fastest, and lets the user choose another', async () => {
    const before = tf.memory().numTensors;
    const probed = await createTfRuntime({ backends: ['cpu', 'webgl', 'wasm'], wasmPaths, choose: 'fastest' });
    // No WebGL in Node: it is left out, not timed.
    expect(Object.keys(probed.probeMs).sort()).toEqual(['cpu', 'wasm']);
    expect(Object.values(probed.probeMs).every((ms) => ms > 0)).toBe(true);
    const [fastest] = Object.entries(probed.probeMs).sort((a, b) => a[1] - b[1])[0];
    expect(probed.backend).toBe(fastest);
    expect(tf.memory().numTensors).toBe(before);
    await probed.useBackend('cpu');
    expect(probed.backend).toBe('cpu');
    await expect(probed.useBackend('webgl')).rejects.toThrow(/The webgl backend did not start here: choose one of cpu, wasm/);
    await probed.useBackend('wasm');
    expect(runtime.backend).toBe('wasm');
  });

  it('learns a linear relation in the original target units', async () => {
    const train = linearData(600, 1);
    const test = linearData(200, 2);
    const result = await runtime.trainNetwork(train, linearData(100, 3), spec, hooks());
    const predicted = result.model.predict(test.x, test.rows);
    let squaredError = 0;
    let total = 0;
    const meanY = test.y.reduce((sum, value) => sum + value, 0) / test.rows;
    for (let i = 0; i < test.rows; i++) {
      squaredError += (predicted[i] - test.y[i]) ** 2;
      total += (test.y[i] - meanY) ** 2;
    }
    expect(1 - squaredError / total).toBeGreaterThan(0.95);
    result.model.dispose();
  });

  it('reports every epoch and stops early, keeping the best epoch', async () => {
    const epochs: EpochReport[] = [];
    // A high learning rate on a tiny validation set makes the validation loss stall quickly.
    const result = await runtime.trainNetwork(linearData(200, 4), linearData(20, 5), { ...spec, epochs: 400, patience: 3 }, hooks({ onEpoch: (report) => epochs.push(report) }));
    expect(result.history).toEqual(epochs);
    expect(epochs.length).toBeLessThan(400);
    const best = Math.min(...epochs.map((report) => report.validationLoss));
    expect(epochs[result.bestEpoch - 1].validationLoss).toBe(best);
    expect(epochs.length - result.bestEpoch).toBe(3);
    result.model.dispose();
  });

  it('restores the best epoch weights: validation loss of the returned model equals the best one', async () => {
    const validation = linearData(20, 5);
    const result = await runtime.trainNetwork(linearData(200, 4), validation, { ...spec, epochs: 400, patience: 3 }, hooks());
    const predicted = result.model.predict(validation.x, validation.rows);
    // The loss is in standardised units; rescale with the training target's spread to compare.
    const trainY = linearData(200, 4).y;
    const mean = trainY.reduce((sum, value) => sum + value, 0) / trainY.length;
    const std = Math.sqrt(trainY.reduce((sum, value) => sum + (value - mean) ** 2, 0) / trainY.length);
    let squaredError = 0;
    for (let i = 0; i < validation.rows; i++) squaredError += ((predicted[i] - validation.y[i]) / std) ** 2;
    const bestLoss = result.history[result.bestEpoch - 1].validationLoss;
    const lastLoss = result.history.at(-1)!.validationLoss;
    expect(squaredError / validation.rows).toBeCloseTo(bestLoss, 3);
    expect(lastLoss).not.toBeCloseTo(bestLoss, 3);
    result.model.dispose();
  });

  it('gives identical predictions for the same seed and data', async () => {
    const train = linearData(300, 6);
    const validation = linearData(50, 7);
    const first = await runtime.trainNetwork(train, validation, { ...spec, epochs: 5 }, hooks());
    const second = await runtime.trainNetwork(train, validation, { ...spec, epochs: 5 }, hooks());
    const third = await runtime.trainNetwork(train, validation, { ...spec, epochs: 5, seed: 8 }, hooks());
    const probe = linearData(30, 9);
    expect(Array.from(second.model.predict(probe.x, probe.rows))).toEqual(Array.from(first.model.predict(probe.x, probe.rows)));
    expect(Array.from(third.model.predict(probe.x, probe.rows))).not.toEqual(Array.from(first.model.predict(probe.x, probe.rows)));
    for (const result of [first, second, third]) result.model.dispose();
  });

  it('leaves no tensor behind after training and after dispose()', async () => {
    const before = tf.memory().numTensors;
    const result = await runtime.trainNetwork(linearData(300, 10), linearData(50, 11), { ...spec, epochs: 4 }, hooks());
    // Only the weights and biases of the three dense layers stay alive.
    expect(tf.memory().numTensors).toBe(before + 6);
    result.model.predict(linearData(10, 12).x, 10);
    expect(tf.memory().numTensors).toBe(before + 6);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('streams the training rows a batch at a time: tensor memory stays a small fraction of the matrix', async () => {
    const train = linearData(300_000, 16);
    const matrixBytes = train.x.byteLength + train.y.byteLength;
    let peakBytes = 0;
    const sample = () => (peakBytes = Math.max(peakBytes, tf.memory().numBytes));
    const startBytes = tf.memory().numBytes;
    const result = await runtime.trainNetwork(train, linearData(20_000, 17), { ...spec, epochs: 1, batchSize: 512 }, hooks({ yieldToHost: async () => void sample(), onEpoch: sample }));
    // Weights, Adam's moments, one batch and one 8,192-row validation chunk: far below the 4.8 MB of rows.
    expect(peakBytes - startBytes).toBeLessThan(matrixBytes / 10);
    expect(peakBytes).toBeGreaterThan(startBytes);
    result.model.dispose();
  });

  it('predicts in chunks larger tables than one tensor holds', async () => {
    const result = await runtime.trainNetwork(linearData(200, 13), linearData(50, 14), { ...spec, epochs: 2 }, hooks());
    const big = linearData(20_000, 15);
    const all = result.model.predict(big.x, big.rows);
    const tail = result.model.predict(big.x.subarray(19_990 * 3), 10);
    expect(Array.from(all.subarray(19_990))).toEqual(Array.from(tail));
    result.model.dispose();
  });

  it('throws CancelledError when aborted and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = runtime.trainNetwork(linearData(300, 16), linearData(50, 17), { ...spec, epochs: 100 }, hooks({
      signal: controller.signal,
      onEpoch: (report) => {
        if (report.epoch === 2) controller.abort();
      },
    }));
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an empty validation split with a clear message', async () => {
    await expect(runtime.trainNetwork(linearData(50, 18), { x: new Float32Array(0), y: new Float32Array(0), rows: 0 }, spec, hooks())).rejects.toThrow(
      'The validation split has no rows',
    );
  });

  it('rejects rows of the wrong width at prediction', async () => {
    const result = await runtime.trainNetwork(linearData(50, 19), linearData(10, 20), { ...spec, epochs: 1 }, hooks());
    expect(() => result.model.predict(new Float32Array(8), 2)).toThrow('expects 3 features per row, got 4');
    result.model.dispose();
  });
});
