import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../../src/core/cells/params';
import { evaluateCell } from '../../../src/core/cells/evaluate';
import { trainMlpCell, type TrainMlpParams } from '../../../src/core/cells/train-mlp';
import type { FeatureMatrix, FeaturesArtifact, ProgressUpdate, RunContext } from '../../../src/core/cells/types';
import { HurdleModel } from '../../../src/core/model/hurdle';
import type { MlRuntime, NetworkSpec } from '../../../src/core/model/runtime';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { normalRows } from '../../fixtures/normal-rows';
import { dataRunContext } from './run-context';

// Noise the network cannot learn, so the validation loss stops improving.
const matrix = (rows: number, seed: number): FeatureMatrix => normalRows(rows, seed, 2, (x, random) => Math.max(0, 2 * x[0] + x[1] + random.normal()));

/** Default parameters with plain ReLU layers of these widths. */
function params(units: number[], overrides: Partial<TrainMlpParams> = {}): TrainMlpParams {
  return { ...trainMlpCell.defaults(), layers: units.map((width) => ({ op: 'dense', units: width, activation: 'relu', dropout: 0, batchNorm: false })), ...overrides };
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
    const output = await trainMlpCell.run({ features: featuresFixture() }, params([8], { epochs: 6 }), context(progress));
    expect(progress).toHaveLength(output.view.epochsRun);
    expect(progress[2]).toMatchObject({ fraction: 3 / 6, message: 'Epoch 3/6', point: { epoch: 3 } });
    expect(progress[2].etaMs).toBeGreaterThanOrEqual(0);
    expect(progress[2].point!.train).toBe(output.view.history[2].train);
    if (output.artifact?.kind === 'model') output.artifact.model.dispose();
  });

  it('describes the run: best epoch, early stop, backend, TF.js version, seed, parameters and speed', async () => {
    const output = await trainMlpCell.run({ features: featuresFixture() }, params([8, 4], { epochs: 500, patience: 3 }), context([]));
    const { view, summary } = output;
    expect(view.backend).toBe('wasm');
    expect([view.tfVersion, summary.tfjs_version, summary.backend, summary.seed]).toEqual([tf.version_core, tf.version_core, 'wasm', 42]);
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
      ...runtime,
      backend: 'recording',
      trainNetwork: (train, validation, spec, hooks) => {
        seen.push(train.y, validation.y);
        return runtime.trainNetwork(train, validation, spec, hooks);
      },
    };
    const fixture = { ...featuresFixture(), targetTransform: 'log1p' as const };
    const output = await trainMlpCell.run({ features: fixture }, params([4], { epochs: 2 }), { ...context([]), ml: () => Promise.resolve(recording) });
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
    const output = await trainMlpCell.run({ features: fixture }, params([8], { epochs: 2 }), context([]));
    // Inputs 2 features + 2 embedded values: (4·8 + 8) + (8·1 + 1), plus the 3 × 2 table.
    expect(output.view.parameterCount).toBe(49 + 6);
    if (output.artifact?.kind !== 'model') throw new Error('expected a model');
    expect(output.artifact.model.predict(fixture.test.x, fixture.test.rows, fixture.test.codes)).toHaveLength(fixture.test.rows);
    output.artifact.model.dispose();
  });

  it('reads hiddenLayers saved before the architecture editor as ReLU layers', () => {
    const resolved = resolveParams(trainMlpCell, { hiddenLayers: [32, 16], epochs: 7 });
    expect(resolved.layers).toEqual(params([32, 16]).layers);
    expect(resolved.epochs).toBe(7);
    // Layers set in the editor win over a leftover hiddenLayers key.
    expect(resolveParams(trainMlpCell, { hiddenLayers: [32], layers: params([4]).layers }).layers).toEqual(params([4]).layers);
  });

  it('hands the chosen layers, loss, optimizer and schedule to the network', async () => {
    const specs: NetworkSpec[] = [];
    const recording: MlRuntime = { ...runtime, trainNetwork: (train, validation, spec, hooks) => (specs.push(spec), runtime.trainNetwork(train, validation, spec, hooks)) };
    const layers = [{ op: 'dense', units: 6, activation: 'gelu', dropout: 0.2, batchNorm: true }];
    const chosen = { ...params([]), layers, loss: 'tweedie' as const, tweediePower: 1.3, optimizer: 'sgd' as const, momentum: 0.8, schedule: 'step' as const, scheduleEpochs: 3, scheduleFactor: 0.2, l2: 0.01, epochs: 2 };
    const output = await trainMlpCell.run({ features: featuresFixture() }, chosen, { ...context([]), ml: () => Promise.resolve(recording) });
    expect(specs[0]).toMatchObject({
      layers: [{ units: 6, activation: 'gelu', dropout: 0.2, batchNorm: true }],
      loss: { kind: 'tweedie', power: 1.3 },
      optimizer: { kind: 'sgd', momentum: 0.8 },
      schedule: { kind: 'step', everyEpochs: 3, factor: 0.2 },
      l2: 0.01,
    });
    expect(output.view.lossLabel).toContain('Tweedie');
    if (output.artifact?.kind === 'model') output.artifact.model.dispose();
  });

  it('trains a hurdle model: a classifier on every row, the amount on log1p of the positive rows', async () => {
    const seen: { spec: NetworkSpec; y: Float32Array }[] = [];
    const recording: MlRuntime = { ...runtime, trainNetwork: (train, validation, spec, hooks) => (seen.push({ spec, y: train.y }), runtime.trainNetwork(train, validation, spec, hooks)) };
    const fixture = featuresFixture();
    const before = tf.memory().numTensors;
    const output = await trainMlpCell.run({ features: fixture }, params([8], { model: 'hurdle', epochs: 4 }), { ...context([]), ml: () => Promise.resolve(recording) });
    expect(seen.map(({ spec }) => spec.loss.kind)).toEqual(['binary-crossentropy', 'mse']);
    expect(Array.from(seen[0].y)).toEqual(Array.from(fixture.train.y, (value) => (value > 0 ? 1 : 0)));
    const positives = Array.from(fixture.train.y).filter((value) => value > 0);
    expect(Array.from(seen[1].y)).toEqual(positives.map((value) => Math.fround(Math.log1p(value))));
    expect(output.view.amount).toMatchObject({ trainRows: positives.length, onLogScale: true });
    expect(output.summary).toHaveProperty('classifier_best_epoch');
    expect(output.summary).toHaveProperty('amount_best_epoch');
    if (output.artifact?.kind !== 'model') throw new Error('expected a model');
    const model = output.artifact.model as HurdleModel;
    const { x, rows } = fixture.test;
    const probability = model.probability(x, rows);
    const amount = model.amount(x, rows);
    model.predict(x, rows).forEach((value, i) => expect(value).toBeCloseTo(probability[i] * amount[i], 4));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fits the hurdle amount directly with an exp-link loss', async () => {
    const seen: Float32Array[] = [];
    const recording: MlRuntime = { ...runtime, trainNetwork: (train, validation, spec, hooks) => (seen.push(train.y), runtime.trainNetwork(train, validation, spec, hooks)) };
    const fixture = featuresFixture();
    const output = await trainMlpCell.run({ features: fixture }, params([8], { model: 'hurdle', loss: 'poisson', epochs: 2 }), { ...context([]), ml: () => Promise.resolve(recording) });
    expect(Array.from(seen[1])).toEqual(Array.from(fixture.train.y).filter((value) => value > 0));
    expect(output.view.amount?.onLogScale).toBe(false);
    if (output.artifact?.kind === 'model') output.artifact.model.dispose();
  });

  it('gives the same losses for the same seed and different ones for another seed', async () => {
    const run = async (seed: number) => {
      const layers = [{ op: 'dense', units: 8, activation: 'relu', dropout: 0.1, batchNorm: true }];
      const output = await trainMlpCell.run({ features: featuresFixture() }, { ...params([]), layers, epochs: 4, seed }, context([]));
      if (output.artifact?.kind === 'model') output.artifact.model.dispose();
      return output.view.history;
    };
    const first = await run(1);
    expect(await run(1)).toEqual(first);
    expect(await run(2)).not.toEqual(first);
  });

  it.each(['mlp', 'hurdle'] as const)('gives the same test metrics to 1e-6 for the same seed (%s, WASM)', async (model) => {
    const metrics = async () => {
      const trained = await trainMlpCell.run({ features: featuresFixture() }, params([8], { model, epochs: 5 }), context([]));
      if (trained.artifact?.kind !== 'model') throw new Error('expected a model');
      const { summary } = await evaluateCell.run({ model: trained.artifact }, {}, context([]));
      trained.artifact.model.dispose();
      return [summary.r2, summary.rmse, summary.mae] as number[];
    };
    const first = await metrics();
    const second = await metrics();
    second.forEach((value, index) => expect(Math.abs(value - first[index])).toBeLessThan(1e-6));
  });

  it('asks for features when no Encode cell is above', async () => {
    await expect(trainMlpCell.run({}, trainMlpCell.defaults(), context([]))).rejects.toThrow('needs encoded features');
  });
});
