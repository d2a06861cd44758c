import * as tf from '@tensorflow/tfjs';
import { CellError } from '../cells/types';
import { isRecord } from '../is-record';
import { HurdleModel, isHurdleModel } from './hurdle';
import { layersInputs, networkLayers } from './layers-build';
import { LAYERS_FORMAT_VERSION, LAYERS_METADATA_KEY, outputNamesOf, readLayersMetadata, type LayerOutput, type LayersMetadata } from './layers-metadata';
import { parseModelJson } from './model-files';
import type { EmbeddingShape, TrainedRegressor } from './runtime';
import { checkRows, predictInChunks, TfNetworkModel } from './tfjs-network';

/**
 * Trained models in the TF.js layers format: a functional tf.LayersModel whose topology any TF.js
 * app loads with `tf.loadLayersModel` (inputs `features` and `category_<i>`, outputs on the
 * prediction scale or its log, see `OutputScale`), with what the workbench needs to predict
 * exactly as the original in `userDefinedMetadata.workbench`.
 */

function sameShapes(a: readonly EmbeddingShape[], b: readonly EmbeddingShape[]): boolean {
  return a.length === b.length && a.every((shape, index) => shape.levels === b[index].levels && shape.size === b[index].size);
}

/** The networks to export with their output names: one, or a hurdle model's classifier and amount network. */
function partsOf(model: TrainedRegressor): { composition: LayersMetadata['composition']; networks: TfNetworkModel[] } {
  if (model instanceof TfNetworkModel) return { composition: 'network', networks: [model] };
  if (isHurdleModel(model) && model.classifier instanceof TfNetworkModel && model.amountModel instanceof TfNetworkModel) {
    const { classifier, amountModel } = model;
    if (classifier.inputSize !== amountModel.inputSize || !sameShapes(classifier.embeddingShapes, amountModel.embeddingShapes)) {
      throw new CellError("The hurdle model's two networks read different inputs, so they cannot share one exported model");
    }
    return { composition: 'hurdle', networks: [classifier, amountModel] };
  }
  throw new CellError('Only networks trained in this workbench (an MLP or a hurdle model) can be exported in the TF.js layers format');
}

/** The artifacts each imported model was read from: exporting it again gives them back with the new metadata. */
const importedFrom = new WeakMap<TrainedRegressor, tf.io.ModelArtifacts>();

/** What TF.js's own save handlers produce and accept: the topology, the weights and their specs, `format: 'layers-model'`. */
export async function toLayersArtifacts(model: TrainedRegressor, userDefinedMetadata: Record<string, unknown> = {}): Promise<tf.io.ModelArtifacts> {
  if (LAYERS_METADATA_KEY in userDefinedMetadata) throw new CellError(`The metadata key '${LAYERS_METADATA_KEY}' is kept for the model's own description`);
  const imported = importedFrom.get(model);
  if (imported) {
    const workbench = (imported.userDefinedMetadata as Record<string, {}>)[LAYERS_METADATA_KEY];
    return { ...imported, userDefinedMetadata: { ...userDefinedMetadata, [LAYERS_METADATA_KEY]: workbench } as Record<string, {}> };
  }
  const { composition, networks } = partsOf(model);
  const { inputSize, embeddingShapes } = networks[0];
  const names = outputNamesOf(composition);
  const made: tf.Tensor[] = [];
  let layersModel: tf.LayersModel | null = null;
  try {
    const inputs = layersInputs(inputSize, embeddingShapes);
    const heads = networks.map((network, index) => networkLayers(network, inputs, composition === 'hurdle' ? `${names[index]}_` : '', names[index], made));
    layersModel = tf.model({ inputs: [inputs.features, ...inputs.categories], outputs: heads.map((head) => head.output), name: `workbench_${composition}` });
    const metadata: LayersMetadata = {
      formatVersion: LAYERS_FORMAT_VERSION,
      composition,
      inputSize,
      embeddings: embeddingShapes.map(({ levels, size }) => ({ levels, size })),
      outputs: heads.map((head, index): LayerOutput => ({ name: names[index], scale: head.scale })),
      amountBack: isHurdleModel(model) ? model.amountBack : null,
    };
    layersModel.setUserDefinedMetadata({ ...userDefinedMetadata, [LAYERS_METADATA_KEY]: metadata } as Record<string, {}>);
    let saved: tf.io.ModelArtifacts | null = null;
    await layersModel.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    return saved!;
  } finally {
    layersModel?.dispose();
    tf.dispose(made);
  }
}

const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4, uint16: 2, float16: 2, uint8: 1, bool: 1 };

/** The bytes the weight specs describe, so a weights file of another length is named before TF.js reads past it. */
function expectedWeightBytes(specs: tf.io.WeightsManifestEntry[]): number {
  return specs.reduce((sum, spec) => {
    const bytes = BYTES_PER_ELEMENT[spec.quantization?.dtype ?? spec.dtype];
    if (bytes === undefined) throw new CellError(`The weight '${spec.name}' has the type ${spec.dtype}, which the workbench does not read`);
    return sum + spec.shape.reduce((elements, size) => elements * size, 1) * bytes;
  }, 0);
}

function weightBytes(data: tf.io.WeightData): number {
  return (Array.isArray(data) ? data : [data]).reduce((sum, buffer) => sum + buffer.byteLength, 0);
}

function checkArtifacts(artifacts: tf.io.ModelArtifacts): void {
  if (artifacts.format !== undefined && artifacts.format !== 'layers-model') {
    throw new CellError(`This is a TF.js ${artifacts.format}, not a layers model: the workbench reads only models it exported`);
  }
  if (!isRecord(artifacts.modelTopology)) throw new CellError('This model has no layers topology: the workbench reads only TF.js layers models it exported');
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new CellError("This model's weights are missing: pick the weights file together with model.json");
  const expected = expectedWeightBytes(artifacts.weightSpecs);
  const actual = weightBytes(artifacts.weightData);
  if (actual !== expected) throw new CellError(`The weights file holds ${actual} bytes but model.json lists ${expected}: it belongs to another model or is damaged`);
}

/** The loaded model's inputs and outputs must be the ones the metadata describes, as the export wrote them. */
function checkSignature(layers: tf.LayersModel, metadata: LayersMetadata): void {
  const inputs = [`features [${metadata.inputSize}]`, ...metadata.embeddings.map((_, index) => `category_${index} [1]`)];
  const actualInputs = layers.inputs.map((input, index) => `${layers.inputNames[index]} [${input.shape.slice(1).join(', ')}]`);
  if (actualInputs.join('; ') !== inputs.join('; ')) {
    throw new CellError(`The model's inputs (${actualInputs.join('; ')}) are not the ones its metadata describes (${inputs.join('; ')})`);
  }
  const outputs = metadata.outputs.map((output) => `${output.name} [1]`);
  const actualOutputs = layers.outputs.map((output, index) => `${layers.outputNames[index]} [${output.shape.slice(1).join(', ')}]`);
  if (actualOutputs.join('; ') !== outputs.join('; ')) {
    throw new CellError(`The model's outputs (${actualOutputs.join('; ')}) are not the ones its metadata describes (${outputs.join('; ')})`);
  }
}

/** One output of a loaded layers model, as a TrainedRegressor; the layers are freed once every output using them is disposed. */
class LayersOutputModel implements TrainedRegressor {
  readonly inputSize: number;
  private disposed = false;

  constructor(
    private readonly shared: { layers: tf.LayersModel; users: number },
    private readonly metadata: LayersMetadata,
    private readonly outputIndex: number,
  ) {
    this.inputSize = metadata.inputSize;
  }

  predict(x: Float32Array, rows: number, codes?: Int32Array): Float32Array {
    if (this.disposed) throw new CellError('This model was discarded: import it again');
    const { embeddings, outputs } = this.metadata;
    checkRows(x, rows, codes, this.inputSize, embeddings);
    const { layers } = this.shared;
    // `execute` computes only what this output needs: a hurdle model's other network is not run.
    const outputName = layers.outputs[this.outputIndex].name;
    return predictInChunks(x, rows, codes, this.inputSize, embeddings.length, (block, blockCodes) => {
      const output = layers.execute([block, ...blockCodes.map((column) => tf.reshape(column, [-1, 1]))], outputName) as tf.Tensor;
      return outputs[this.outputIndex].scale === 'log' ? tf.exp(output) : output;
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (--this.shared.users === 0) this.shared.layers.dispose();
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A model written by `toLayersArtifacts`, predicting as the original did (a HurdleModel for a
 * hurdle export), and the caller's metadata without the workbench's own entry.
 */
export async function fromLayersArtifacts(artifacts: tf.io.ModelArtifacts): Promise<{ model: TrainedRegressor; metadata: Record<string, unknown> }> {
  checkArtifacts(artifacts);
  const metadata = readLayersMetadata(artifacts.userDefinedMetadata);
  let layers: tf.LayersModel;
  try {
    layers = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (error) {
    throw new CellError(`TF.js could not read this model's layers or weights: ${messageOf(error)}`);
  }
  try {
    checkSignature(layers, metadata);
  } catch (error) {
    layers.dispose();
    throw error;
  }
  const shared = { layers, users: metadata.outputs.length };
  const [first, second] = metadata.outputs.map((_, index) => new LayersOutputModel(shared, metadata, index));
  const model = metadata.composition === 'hurdle' ? new HurdleModel(first, second, metadata.amountBack) : first;
  importedFrom.set(model, artifacts);
  const { [LAYERS_METADATA_KEY]: _workbench, ...callerMetadata } = artifacts.userDefinedMetadata as Record<string, unknown>;
  return { model, metadata: callerMetadata };
}

/** The two files a user downloads: model.json naming its weights `<baseName>.weights.bin`, and those weights. */
export function layersFiles(artifacts: tf.io.ModelArtifacts, baseName: string): { json: string; weights: Uint8Array; weightsName: string } {
  checkArtifacts(artifacts);
  const weightsName = `${baseName}.weights.bin`;
  const { modelTopology, format, generatedBy, convertedBy, trainingConfig, userDefinedMetadata } = artifacts;
  const modelJson: tf.io.ModelJSON = {
    modelTopology: modelTopology as {},
    format,
    generatedBy,
    convertedBy,
    ...(trainingConfig ? { trainingConfig } : {}),
    ...(userDefinedMetadata ? { userDefinedMetadata } : {}),
    weightsManifest: [{ paths: [weightsName], weights: artifacts.weightSpecs! }],
  };
  return { json: JSON.stringify(modelJson), weights: new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)), weightsName };
}

/** Artifacts from model.json's text and the bytes of the weight files it lists, end to end. */
export function artifactsFromFiles(json: string, weights: Uint8Array): tf.io.ModelArtifacts {
  const parsed = parseModelJson(json);
  if (!isRecord(parsed.modelTopology)) throw new CellError('This model.json has no modelTopology: it is not a TF.js layers model');
  const modelJson = parsed as unknown as tf.io.ModelJSON;
  let specs: tf.io.WeightsManifestEntry[];
  try {
    specs = tf.io.getWeightSpecs(modelJson.weightsManifest);
  } catch {
    throw new CellError("This model.json's weightsManifest does not list its weights");
  }
  // A copy: the bytes may be a view into a larger buffer.
  return tf.io.getModelArtifactsForJSONSync(modelJson, specs, weights.slice().buffer);
}
