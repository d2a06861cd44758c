import { CellError } from '../cells/types';
import { isRecord } from '../is-record';
import type { Log1pBackTransform } from './log-back-transform';
import type { EmbeddingShape } from './runtime';

/** The key of the workbench's own facts in model.json's `userDefinedMetadata`; callers' keys sit beside it. */
export const LAYERS_METADATA_KEY = 'workbench';
export const LAYERS_FORMAT_VERSION = 1;

/**
 * What one output of an exported model holds: the prediction itself, or its log where the network
 * predicts through exp (Poisson, Tweedie), which no tfjs-layers activation expresses.
 */
export type OutputScale = 'prediction' | 'log';

export interface LayerOutput {
  /** The output layer's name: `prediction`, or `probability` and `amount` for a hurdle model. */
  name: string;
  scale: OutputScale;
}

/**
 * How to read an exported model back: its inputs (`features`, then `category_<i>` per embedding)
 * and outputs, and for a hurdle model how they compose: probability × amount, the amount first
 * mapped back from log1p when it was fitted on that scale.
 */
export interface LayersMetadata {
  formatVersion: number;
  composition: 'network' | 'hurdle';
  inputSize: number;
  embeddings: EmbeddingShape[];
  outputs: LayerOutput[];
  amountBack: Log1pBackTransform | null;
}

const OUTPUT_NAMES: Record<LayersMetadata['composition'], string[]> = { network: ['prediction'], hurdle: ['probability', 'amount'] };

export function outputNamesOf(composition: LayersMetadata['composition']): string[] {
  return OUTPUT_NAMES[composition];
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;

function readEmbeddings(value: unknown): EmbeddingShape[] {
  if (!Array.isArray(value) || !value.every((shape) => isRecord(shape) && isCount(shape.levels) && isCount(shape.size))) {
    throw new CellError("The model's metadata does not list its embeddings as whole numbers of levels and sizes");
  }
  return value.map(({ levels, size }) => ({ levels, size }));
}

function readOutputs(value: unknown, composition: LayersMetadata['composition']): LayerOutput[] {
  const names = outputNamesOf(composition);
  if (!Array.isArray(value) || value.length !== names.length) throw new CellError(`The model's metadata should list ${names.length} output(s) for a ${composition} model`);
  return value.map((output, index) => {
    if (!isRecord(output) || output.name !== names[index] || (output.scale !== 'prediction' && output.scale !== 'log')) {
      throw new CellError(`The model's metadata should describe output ${index + 1} as '${names[index]}' on the 'prediction' or 'log' scale`);
    }
    return { name: names[index], scale: output.scale };
  });
}

function readAmountBack(value: unknown): Log1pBackTransform | null {
  if (value === null || value === undefined) return null;
  if (isRecord(value) && [value.smearing, value.low, value.high].every((part) => typeof part === 'number' && Number.isFinite(part))) {
    return { smearing: value.smearing as number, low: value.low as number, high: value.high as number };
  }
  throw new CellError("The model's metadata names an amount back-transform that is not three finite numbers (smearing, low, high)");
}

/** The workbench's facts in `userDefinedMetadata`, checked; a model.json from elsewhere has none. */
export function readLayersMetadata(userDefinedMetadata: unknown): LayersMetadata {
  const facts = isRecord(userDefinedMetadata) ? userDefinedMetadata[LAYERS_METADATA_KEY] : undefined;
  if (!isRecord(facts)) {
    throw new CellError(`This model.json was not exported by the workbench (its metadata has no '${LAYERS_METADATA_KEY}' entry): export the model from a Train cell`);
  }
  if (facts.formatVersion !== LAYERS_FORMAT_VERSION) {
    throw new CellError(`This model.json has format version ${JSON.stringify(facts.formatVersion)}; this workbench reads version ${LAYERS_FORMAT_VERSION}`);
  }
  if (facts.composition !== 'network' && facts.composition !== 'hurdle') throw new CellError("The model's metadata names neither a network nor a hurdle model");
  if (!isCount(facts.inputSize)) throw new CellError("The model's metadata does not give its number of input features");
  return {
    formatVersion: LAYERS_FORMAT_VERSION,
    composition: facts.composition,
    inputSize: facts.inputSize,
    embeddings: readEmbeddings(facts.embeddings),
    outputs: readOutputs(facts.outputs, facts.composition),
    amountBack: facts.composition === 'hurdle' ? readAmountBack(facts.amountBack) : null,
  };
}
