import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellError, type FeatureMatrix } from '../../../src/core/cells/types';
import { transformTarget } from '../../../src/core/encode/target-transform';
import { HurdleModel, isHurdleModel, positiveRows, purchaseLabels } from '../../../src/core/model/hurdle';
import { artifactsFromFiles, fromLayersArtifacts, layersFiles, toLayersArtifacts } from '../../../src/core/model/layers-format';
import { fitLog1pBackTransform } from '../../../src/core/model/log-back-transform';
import type { EmbeddingShape, LayerSpec, LossSpec, NetworkSpec, TrainedRegressor } from '../../../src/core/model/runtime';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { trainTfNetwork } from '../../../src/core/model/tfjs-training';
import { createRandom } from '../../../src/core/random';
import { networkSpec } from './network-spec';

const FEATURES = 4;
const hooks = { signal: new AbortController().signal, onEpoch: () => {}, yieldToHost: () => Promise.resolve() };

type TargetKind = 'real' | 'count' | 'binary' | 'zero-inflated';

/** Normal features, codes for `embeddings`, and a target of `kind` driven by the first two features and the first code. */
function rowsOf(rows: number, seed: number, kind: TargetKind, embeddings: readonly EmbeddingShape[] = []): FeatureMatrix {
  const random = createRandom(seed);
  const x = Float32Array.from({ length: rows * FEATURES }, () => random.normal());
  const codes = embeddings.length > 0 ? Int32Array.from({ length: rows * embeddings.length }, (_, i) => random.int(embeddings[i % embeddings.length].levels)) : undefined;
  const y = Float32Array.from({ length: rows }, (_, row) => {
    const signal = x[row * FEATURES] - 0.5 * x[row * FEATURES + 1] + (codes ? (codes[row * embeddings.length] % 3) - 1 : 0);
    if (kind === 'real') return 50 + 20 * signal + random.normal();
    if (kind === 'count') return Math.round(Math.exp(0.5 * signal + 1) * random.next() * 2);
    if (kind === 'binary') return signal + 0.3 * random.normal() > 0 ? 1 : 0;
    return signal + random.normal() > 0.5 ? Math.exp(2 + signal) : 0;
  });
  return { x, y, rows, ...(codes ? { codes } : {}) };
}

const layer = (units: number, activation: LayerSpec['activation'], options: Partial<LayerSpec> = {}): LayerSpec => ({ units, activation, dropout: 0, batchNorm: false, ...options });

function shortSpec(loss: LossSpec, layers: LayerSpec[], embeddings?: EmbeddingShape[]): NetworkSpec {
  return { ...networkSpec([]), layers, loss, epochs: 2, batchSize: 16, ...(embeddings ? { embeddings } : {}) };
}

async function trained(kind: TargetKind, spec: NetworkSpec): Promise<TrainedRegressor> {
  const result = await trainTfNetwork(rowsOf(120, 1, kind, spec.embeddings), rowsOf(40, 2, kind, spec.embeddings), spec, hooks);
  return result.model;
}

/** The classifier of P(y > 0) times an amount network on the positive rows, fitted on log1p when its loss has no exp link. */
async function trainedHurdle(amountLoss: LossSpec, embeddings?: EmbeddingShape[]): Promise<HurdleModel> {
  const train = rowsOf(160, 1, 'zero-inflated', embeddings);
  const validation = rowsOf(60, 2, 'zero-inflated', embeddings);
  const layers = [layer(8, 'relu', { batchNorm: true })];
  const classifier = await trainTfNetwork(purchaseLabels(train), purchaseLabels(validation), shortSpec({ kind: 'binary-crossentropy', positiveWeight: 1 }, layers, embeddings), hooks);
  const onLogScale = amountLoss.kind === 'mse';
  const scaled = (part: FeatureMatrix): FeatureMatrix => (onLogScale ? { ...part, y: transformTarget(part.y, 'log1p') } : part);
  const amountTrain = scaled(positiveRows(train));
  const amount = await trainTfNetwork(amountTrain, scaled(positiveRows(validation)), shortSpec(amountLoss, layers, embeddings), hooks);
  const back = onLogScale ? fitLog1pBackTransform(amountTrain.y, amount.model.predict(amountTrain.x, amountTrain.rows, amountTrain.codes)) : null;
  return new HurdleModel(classifier.model, amount.model, back);
}

/** Export, the two files a user downloads, and back again, as a user's round trip goes. */
async function roundTrip(model: TrainedRegressor, metadata?: Record<string, unknown>) {
  const files = layersFiles(await toLayersArtifacts(model, metadata), 'model');
  return fromLayersArtifacts(artifactsFromFiles(files.json, files.weights));
}

/**
 * Equal within 1e-5, relative to the value where it is above 1, plus a few float32 roundings of
 * the largest value: a prediction near 0 amid values near 100 carries their rounding.
 */
function expectSamePredictions(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const largest = Math.max(...Array.from(expected, Math.abs));
  const misses = Array.from(expected).filter((value, i) => !(Math.abs(actual[i] - value) <= 1e-5 * Math.max(1, Math.abs(value)) + 3e-7 * largest));
  expect(misses).toEqual([]);
}

/** What plain TF.js predicts from the exported files: the app side of an export, outputs in order. */
async function plainTfjsOutputs(model: TrainedRegressor, probe: FeatureMatrix): Promise<{ names: { inputs: string[]; outputs: string[] }; outputs: Float32Array[] }> {
  const files = layersFiles(await toLayersArtifacts(model), 'model');
  const manifest = JSON.parse(files.json).weightsManifest;
  const layers = await tf.loadLayersModel(tf.io.fromMemory(JSON.parse(files.json).modelTopology, manifest[0].weights, files.weights.slice().buffer));
  const codeColumns = probe.codes ? probe.codes.length / probe.rows : 0;
  const inputs = [
    tf.tensor2d(probe.x, [probe.rows, FEATURES]),
    ...Array.from({ length: codeColumns }, (_, column) => tf.tensor2d(Int32Array.from({ length: probe.rows }, (_, row) => probe.codes![row * codeColumns + column]), [probe.rows, 1], 'int32')),
  ];
  const predicted = [layers.predict(inputs)].flat();
  const outputs = predicted.map((output) => output.dataSync() as Float32Array);
  const names = { inputs: layers.inputNames, outputs: layers.outputNames };
  tf.dispose([...inputs, ...predicted]);
  layers.dispose();
  return { names, outputs };
}

describe('TF.js layers format', () => {
  beforeAll(async () => {
    await createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
  });

  const probe = rowsOf(300, 9, 'real');
  const twoEmbeddings: EmbeddingShape[] = [
    { levels: 5, size: 3 },
    { levels: 7, size: 2 },
  ];
  const cases: { name: string; kind: TargetKind; spec: NetworkSpec }[] = [
    { name: 'MSE with ReLU and tanh layers, batch norm and dropout', kind: 'real', spec: shortSpec({ kind: 'mse' }, [layer(16, 'relu', { batchNorm: true, dropout: 0.2 }), layer(8, 'tanh', { dropout: 0.1 })]) },
    { name: 'Huber', kind: 'real', spec: shortSpec({ kind: 'huber', delta: 1 }, [layer(8, 'relu')]) },
    { name: 'Poisson', kind: 'count', spec: shortSpec({ kind: 'poisson' }, [layer(8, 'relu', { batchNorm: true })]) },
    { name: 'Tweedie', kind: 'zero-inflated', spec: shortSpec({ kind: 'tweedie', power: 1.5 }, [layer(8, 'tanh')]) },
    { name: 'binary cross-entropy', kind: 'binary', spec: shortSpec({ kind: 'binary-crossentropy', positiveWeight: 2 }, [layer(8, 'relu')]) },
    { name: 'ELU and GELU layers', kind: 'real', spec: shortSpec({ kind: 'mse' }, [layer(16, 'elu'), layer(8, 'gelu', { batchNorm: true })]) },
    { name: 'two embeddings', kind: 'real', spec: shortSpec({ kind: 'mse' }, [layer(8, 'gelu')], twoEmbeddings) },
    { name: 'no hidden layer', kind: 'real', spec: shortSpec({ kind: 'mse' }, []) },
  ];

  for (const { name, kind, spec } of cases) {
    it(`re-imports a network (${name}) that predicts as the original`, async () => {
      const model = await trained(kind, spec);
      const rows = rowsOf(300, 9, 'real', spec.embeddings);
      const { model: imported } = await roundTrip(model);
      expect(imported.inputSize).toBe(FEATURES);
      expectSamePredictions(imported.predict(rows.x, rows.rows, rows.codes), model.predict(rows.x, rows.rows, rows.codes));
      imported.dispose();
      model.dispose();
    });
  }

  it('re-imports a hurdle model whose amount was fitted on log1p, with its back-transform, as a HurdleModel', async () => {
    const model = await trainedHurdle({ kind: 'mse' }, twoEmbeddings);
    const rows = rowsOf(300, 9, 'zero-inflated', twoEmbeddings);
    const { model: imported } = await roundTrip(model);
    expect(isHurdleModel(imported)).toBe(true);
    const hurdle = imported as HurdleModel;
    expect(hurdle.amountBack).toEqual(model.amountBack);
    expectSamePredictions(hurdle.probability(rows.x, rows.rows, rows.codes), model.probability(rows.x, rows.rows, rows.codes));
    expectSamePredictions(hurdle.predict(rows.x, rows.rows, rows.codes), model.predict(rows.x, rows.rows, rows.codes));
    imported.dispose();
    model.dispose();
  });

  it('re-imports a hurdle model whose amount network has an exp link', async () => {
    const model = await trainedHurdle({ kind: 'poisson' });
    const { model: imported } = await roundTrip(model);
    expect((imported as HurdleModel).amountBack).toBeNull();
    expectSamePredictions(imported.predict(probe.x, probe.rows), model.predict(probe.x, probe.rows));
    imported.dispose();
    model.dispose();
  });

  it('loads in plain TF.js with readable inputs and the target scale folded into the output layer (MSE)', async () => {
    const model = await trained('real', cases[0].spec);
    const { names, outputs } = await plainTfjsOutputs(model, probe);
    expect(names).toEqual({ inputs: ['features'], outputs: ['prediction'] });
    expectSamePredictions(outputs[0], model.predict(probe.x, probe.rows));
    model.dispose();
  });

  it('loads a GELU network in plain TF.js, its tanh form built from standard layers', async () => {
    const model = await trained('real', cases[5].spec);
    expectSamePredictions((await plainTfjsOutputs(model, probe)).outputs[0], model.predict(probe.x, probe.rows));
    model.dispose();
  });

  it('exports an imported model again, with new metadata, predicting as before', async () => {
    const model = await trainedHurdle({ kind: 'mse' });
    const { model: imported } = await roundTrip(model, { note: 'first' });
    const { model: again, metadata } = await roundTrip(imported, { note: 'second' });
    expect(metadata).toEqual({ note: 'second' });
    expectSamePredictions(again.predict(probe.x, probe.rows), model.predict(probe.x, probe.rows));
    [model, imported, again].forEach((each) => each.dispose());
  });

  it('loads in plain TF.js predicting the log of a Poisson mean, and a probability with a sigmoid', async () => {
    const poisson = await trained('count', cases[2].spec);
    const logs = (await plainTfjsOutputs(poisson, probe)).outputs[0];
    expectSamePredictions(logs, poisson.predict(probe.x, probe.rows).map(Math.log));
    poisson.dispose();
    const classifier = await trained('binary', cases[4].spec);
    expectSamePredictions((await plainTfjsOutputs(classifier, probe)).outputs[0], classifier.predict(probe.x, probe.rows));
    classifier.dispose();
  });

  it('loads a hurdle export in plain TF.js as one model with a code input per embedding and outputs [probability, amount]', async () => {
    const model = await trainedHurdle({ kind: 'mse' }, twoEmbeddings);
    const rows = rowsOf(50, 9, 'zero-inflated', twoEmbeddings);
    const { names, outputs } = await plainTfjsOutputs(model, rows);
    expect(names).toEqual({ inputs: ['features', 'category_0', 'category_1'], outputs: ['probability', 'amount'] });
    expectSamePredictions(outputs[0], model.probability(rows.x, rows.rows, rows.codes));
    expectSamePredictions(outputs[1], model.amountModel.predict(rows.x, rows.rows, rows.codes));
    model.dispose();
  });

  it("records the model's composition in the metadata and passes the caller's metadata through", async () => {
    const model = await trainedHurdle({ kind: 'poisson' });
    const caller = { scoring: { target: 'Revenue', levels: ['a', 'b'] }, note: 'kept' };
    const artifacts = await toLayersArtifacts(model, caller);
    expect(artifacts.format).toBe('layers-model');
    expect(artifacts.userDefinedMetadata?.workbench).toEqual({
      formatVersion: 1,
      composition: 'hurdle',
      inputSize: FEATURES,
      embeddings: [],
      outputs: [
        { name: 'probability', scale: 'prediction' },
        { name: 'amount', scale: 'log' },
      ],
      amountBack: null,
    });
    const { model: imported, metadata } = await fromLayersArtifacts(artifacts);
    expect(metadata).toEqual(caller);
    imported.dispose();
    await expect(toLayersArtifacts(model, { workbench: 1 })).rejects.toThrow("The metadata key 'workbench' is kept");
    model.dispose();
  });

  it('frees every tensor it makes: export, import, predict and dispose leave the count where it was', async () => {
    const model = await trainedHurdle({ kind: 'mse' }, twoEmbeddings);
    const rows = rowsOf(20, 9, 'zero-inflated', twoEmbeddings);
    const before = tf.memory().numTensors;
    const { model: imported } = await roundTrip(model);
    imported.predict(rows.x, rows.rows, rows.codes);
    imported.dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('refuses to predict once the imported model is disposed, and to export a disposed model', async () => {
    const model = await trained('real', cases[1].spec);
    const { model: imported } = await roundTrip(model);
    imported.dispose();
    expect(() => imported.predict(probe.x, probe.rows)).toThrow('This model was discarded: import it again');
    model.dispose();
    await expect(toLayersArtifacts(model)).rejects.toThrow('This model was discarded');
  });

  it('checks the rows given to an imported model', async () => {
    const model = await trained('real', cases[6].spec);
    const { model: imported } = await roundTrip(model);
    expect(() => imported.predict(new Float32Array(6), 2)).toThrow('The model expects 4 features per row, got 3');
    expect(() => imported.predict(new Float32Array(8), 2)).toThrow('lack the category codes of the 2 embedded columns');
    imported.dispose();
    model.dispose();
  });

  describe('bad files', () => {
    let files: { json: string; weights: Uint8Array };
    beforeAll(async () => {
      const model = await trained('real', cases[0].spec);
      files = layersFiles(await toLayersArtifacts(model), 'model');
      model.dispose();
    });

    const importing = (json: string, weights: Uint8Array) => Promise.resolve().then(() => fromLayersArtifacts(artifactsFromFiles(json, weights)));

    it('names JSON that is not a model', async () => {
      await expect(importing('{"cells": []}', files.weights)).rejects.toThrow('This JSON file is not a TF.js model.json: it has no weightsManifest');
      await expect(importing('model', files.weights)).rejects.toThrow('This model.json is not valid JSON');
      await expect(importing('{"cells": []}', files.weights)).rejects.toBeInstanceOf(CellError);
    });

    it('names a weights file of the wrong length', async () => {
      const expected = files.weights.byteLength;
      await expect(importing(files.json, files.weights.subarray(8))).rejects.toThrow(`The weights file holds ${expected - 8} bytes but model.json lists ${expected}`);
    });

    it('names missing weights', async () => {
      const artifacts = artifactsFromFiles(files.json, files.weights);
      await expect(fromLayersArtifacts({ ...artifacts, weightData: undefined })).rejects.toThrow("This model's weights are missing");
    });

    it('names a model.json that another tool wrote', async () => {
      const sequential = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [FEATURES] })] });
      let saved: tf.io.ModelArtifacts | null = null;
      await sequential.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
      sequential.dispose();
      const foreign = layersFiles(saved!, 'other');
      await expect(importing(foreign.json, foreign.weights)).rejects.toThrow("This model.json was not exported by the workbench (its metadata has no 'workbench' entry)");
    });

    it('names inputs that differ from what the metadata describes', async () => {
      const json = JSON.parse(files.json);
      json.userDefinedMetadata.workbench.inputSize = 5;
      await expect(importing(JSON.stringify(json), files.weights)).rejects.toThrow("The model's inputs (features [4]) are not the ones its metadata describes (features [5])");
    });

    it('names damaged layers and metadata from a newer format', async () => {
      const damaged = JSON.parse(files.json);
      damaged.modelTopology.config.layers[1].class_name = 'NoSuchLayer';
      await expect(importing(JSON.stringify(damaged), files.weights)).rejects.toThrow("TF.js could not read this model's layers or weights");
      const newer = JSON.parse(files.json);
      newer.userDefinedMetadata.workbench.formatVersion = 2;
      await expect(importing(JSON.stringify(newer), files.weights)).rejects.toThrow('This model.json has format version 2; this workbench reads version 1');
    });
  });
});
