import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../../../src/core/cells/types';
import type { MlRuntime, TrainingHooks } from '../../../src/core/model/runtime';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { createRandom } from '../../../src/core/random';
import { networkSpec } from './network-spec';

const LEVELS = 12;
/** Each level's own effect on the target, far apart so a learned vector must tell them apart. */
const effects = Array.from({ length: LEVELS }, (_, level) => ((level * 7) % LEVELS) - LEVELS / 2);

/** One noise feature and one category (codes 0..11) that alone decides the target. */
function categoryData(rows: number, seed: number): FeatureMatrix {
  const random = createRandom(seed);
  const x = Float32Array.from({ length: rows }, () => random.normal());
  const codes = Int32Array.from({ length: rows }, () => random.int(LEVELS));
  const y = Float32Array.from(codes, (code) => effects[code] + 0.1 * random.normal());
  return { x, y, rows, codes };
}

const spec = networkSpec([16], { learningRate: 0.02, epochs: 60, patience: 8, seed: 3, embeddings: [{ levels: LEVELS, size: 4 }] });
const hooks: TrainingHooks = { signal: new AbortController().signal, onEpoch: () => {}, yieldToHost: () => Promise.resolve() };

function meanSquaredError(actual: Float32Array, predicted: Float32Array): number {
  return actual.reduce((sum, value, i) => sum + (value - predicted[i]) ** 2, 0) / actual.length;
}

describe('MLP with learned embeddings', () => {
  let runtime: MlRuntime;
  beforeAll(async () => {
    runtime = await createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
  });

  it('learns a target that only the embedded category explains', async () => {
    const test = categoryData(300, 3);
    const result = await runtime.trainNetwork(categoryData(1200, 1), categoryData(200, 2), spec, hooks);
    const error = meanSquaredError(test.y, result.model.predict(test.x, test.rows, test.codes));
    const variance = meanSquaredError(test.y, new Float32Array(test.rows).fill(test.y.reduce((sum, value) => sum + value, 0) / test.rows));
    // The noise feature alone leaves the whole variance (about 12); the levels' vectors remove nearly all of it.
    expect(error).toBeLessThan(0.05 * variance);
    result.model.dispose();
  });

  it('repeats for the same seed', async () => {
    const probe = categoryData(20, 9);
    const short = { ...spec, epochs: 3 };
    const first = await runtime.trainNetwork(categoryData(200, 1), categoryData(50, 2), short, hooks);
    const second = await runtime.trainNetwork(categoryData(200, 1), categoryData(50, 2), short, hooks);
    expect(Array.from(second.model.predict(probe.x, probe.rows, probe.codes))).toEqual(Array.from(first.model.predict(probe.x, probe.rows, probe.codes)));
    first.model.dispose();
    second.model.dispose();
  });

  it('refuses rows without codes or with a code beyond the table', async () => {
    const result = await runtime.trainNetwork(categoryData(100, 1), categoryData(20, 2), { ...spec, epochs: 1 }, hooks);
    expect(() => result.model.predict(new Float32Array(2), 2)).toThrow('lack the category codes of the 1 embedded columns');
    expect(() => result.model.predict(new Float32Array(2), 2, Int32Array.from([0, LEVELS]))).toThrow(`category code (${LEVELS}) is outside its embedding's ${LEVELS} levels`);
    result.model.dispose();
    const withoutCodes = { ...categoryData(50, 4), codes: undefined };
    await expect(runtime.trainNetwork(withoutCodes, categoryData(20, 2), spec, hooks)).rejects.toThrow('The training rows lack the category codes');
  });

  it('frees the tables with the model', async () => {
    const before = tf.memory().numTensors;
    const result = await runtime.trainNetwork(categoryData(100, 1), categoryData(20, 2), { ...spec, epochs: 2 }, hooks);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
