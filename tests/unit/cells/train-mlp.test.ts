import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainMlpCell } from '../../../src/core/cells/train-mlp';
import type { FeatureMatrix, FeaturesArtifact, ProgressUpdate, RunContext } from '../../../src/core/cells/types';
import type { MlRuntime } from '../../../src/core/model/runtime';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { createRandom } from '../../../src/core/random';
import { dataRunContext } from './run-context';

function matrix(rows: number, seed: number): FeatureMatrix {
  const random = createRandom(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    x[row * 2] = random.normal();
    x[row * 2 + 1] = random.normal();
    // Noise the network cannot learn, so the validation loss stops improving.
    y[row] = Math.max(0, 2 * x[row * 2] + x[row * 2 + 1] + random.normal());
  }
  return { x, y, rows };
}

function featuresFixture(): FeaturesArtifact {
  return { kind: 'features', target: 'value', featureNames: ['a', 'b'], train: matrix(400, 1), validation: matrix(60, 2), test: matrix(100, 3), targetNonNegative: true, targetTransform: 'none' };
}

describe('Train MLP cell', () => {
  let runtime: MlRuntime;
  beforeAll(async () => {
    runtime = await createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
  });

  const context = (progress: ProgressUpdate[]): RunContext => ({
    ...dataRunContext(),
    progress: (update) => progress.push(update),
    ml: () => Promise.resolve(runtime),
  });

  it('reports one progress point per epoch with epoch, losses and an ETA', async () => {
    const progress: ProgressUpdate[] = [];
    const output = await trainMlpCell.run({ features: featuresFixture() }, { ...trainMlpCell.defaults(), epochs: 6, hiddenLayers: [8] }, context(progress));
    expect(progress).toHaveLength(output.view.epochsRun);
    expect(progress[2]).toMatchObject({ fraction: 3 / 6, message: 'Epoch 3/6', point: { epoch: 3 } });
    expect(progress[2].etaMs).toBeGreaterThanOrEqual(0);
    expect(progress[2].point!.train).toBe(output.view.history[2].train);
    if (output.artifact?.kind === 'model') output.artifact.model.dispose();
  });

  it('describes the run: best epoch, early stop, backend, parameters and speed', async () => {
    const output = await trainMlpCell.run({ features: featuresFixture() }, { ...trainMlpCell.defaults(), hiddenLayers: [8, 4], epochs: 500, patience: 3 }, context([]));
    const { view, summary } = output;
    expect(view.backend).toBe('wasm');
    // (2·8 + 8) + (8·4 + 4) + (4·1 + 1)
    expect(view.parameterCount).toBe(65);
    expect(view.stoppedEarly).toBe(true);
    expect(view.epochsRun).toBe(view.bestEpoch + 3);
    expect(view.bestValidationLoss).toBe(Math.min(...view.history.map((point) => point.validation)));
    expect(view.samplesPerSecond).toBeGreaterThan(0);
    expect(summary.best_epoch).toBe(view.bestEpoch);
    expect(output.artifact?.kind).toBe('model');
    if (output.artifact?.kind === 'model') output.artifact.model.dispose();
  });

  it('frees every tensor once the model is disposed', async () => {
    const before = tf.memory().numTensors;
    const output = await trainMlpCell.run({ features: featuresFixture() }, { ...trainMlpCell.defaults(), epochs: 3 }, context([]));
    if (output.artifact?.kind === 'model') output.artifact.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains a log1p-transformed target on log1p(y) for training and validation rows', async () => {
    const seen: Float32Array[] = [];
    const recording: MlRuntime = {
      backend: 'recording',
      version: '0',
      trainNetwork: (train, validation, spec, hooks) => {
        seen.push(train.y, validation.y);
        return runtime.trainNetwork(train, validation, spec, hooks);
      },
    };
    const fixture = { ...featuresFixture(), targetTransform: 'log1p' as const };
    const output = await trainMlpCell.run({ features: fixture }, { ...trainMlpCell.defaults(), epochs: 2, hiddenLayers: [4] }, { ...context([]), ml: () => Promise.resolve(recording) });
    expect(Array.from(seen[0])).toEqual(Array.from(fixture.train.y, (value) => Math.fround(Math.log1p(value))));
    expect(Array.from(seen[1])).toEqual(Array.from(fixture.validation.y, (value) => Math.fround(Math.log1p(value))));
    // The artifact keeps the targets in their own units for Evaluate.
    if (output.artifact?.kind !== 'model') throw new Error('expected a model');
    expect(output.artifact.features.train.y).toBe(fixture.train.y);
    output.artifact.model.dispose();
  });

  it('trains with the embedded categories and counts their tables as parameters', async () => {
    const base = featuresFixture();
    const withCodes = (part: FeatureMatrix): FeatureMatrix => ({ ...part, codes: Int32Array.from({ length: part.rows }, (_, row) => row % 3) });
    const fixture: FeaturesArtifact = { ...base, train: withCodes(base.train), validation: withCodes(base.validation), test: withCodes(base.test), embeddings: [{ column: 'channel', levels: 3, size: 2 }] };
    const output = await trainMlpCell.run({ features: fixture }, { ...trainMlpCell.defaults(), epochs: 2, hiddenLayers: [8] }, context([]));
    // Inputs 2 features + 2 embedded values: (4·8 + 8) + (8·1 + 1), plus the 3 × 2 table.
    expect(output.view.parameterCount).toBe(49 + 6);
    if (output.artifact?.kind !== 'model') throw new Error('expected a model');
    expect(output.artifact.model.predict(fixture.test.x, fixture.test.rows, fixture.test.codes)).toHaveLength(fixture.test.rows);
    output.artifact.model.dispose();
  });

  it('asks for features when no Encode cell is above', async () => {
    await expect(trainMlpCell.run({}, trainMlpCell.defaults(), context([]))).rejects.toThrow('needs encoded features');
  });
});
