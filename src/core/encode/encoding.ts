import type { ColumnTable } from 'arquero';
import { CellError, type ColumnInfo } from '../cells/types';
import { categoricalFeatures, fitCategorical, writeCategorical } from './categorical';
import { embeddingFeatures, fitEmbedding } from './embedding';
import { fitNumeric, numericFeatures, writeNumeric } from './numeric';
import { fitTargetEncoding, targetEncodingFeatures, writeTargetEncoding } from './target-encoding';
import { fitTimestamp, timestampFeatures, writeTimestamp } from './timestamp';
import type { ColumnEncoder, EmbeddingEncoder, FeatureDescription, FittedEncoding, Scaling, SkippedColumn, ValueTransform } from './types';

export interface EncodingOptions {
  exclude: readonly string[];
  /** Numeric code columns to encode as categories. */
  categoricalColumns: readonly string[];
  oneHotMaxLevels: number;
  scaling: Scaling;
  log1pColumns: readonly string[];
  signedLogColumns: readonly string[];
  targetEncodeColumns: readonly string[];
  targetEncodingFolds: number;
  targetEncodingSmoothing: number;
  /** Seeds the target-encoding folds. */
  seed: number;
  /** Categories handed to the model as codes for learned vectors. */
  embedColumns: readonly string[];
  /** Vector length per embedded level; 0 picks one from the level count. */
  embeddingSize: number;
  /**
   * The column a grouped split or a split column goes by, never a feature: a group lives in one
   * part only, so what the model learns of it cannot carry over; a split column is bookkeeping.
   */
  splitKey: { column: string; reason: string } | null;
}

/** The training rows (table row numbers) and their targets, as the model will see them. */
export interface TrainingRows {
  rows: Uint32Array;
  targets: ArrayLike<number>;
  /** e.g. `log1p(PageValues)`, for the feature list. */
  targetLabel: string;
}

export interface EncodingFit {
  encoding: FittedEncoding;
  /** The columns of `x`, in order. */
  features: FeatureDescription[];
  /** The categories the model embeds, beside `x`. */
  embeddedFeatures: FeatureDescription[];
  skipped: SkippedColumn[];
  /** Per target-encoded column, each training row's out-of-fold encoding. */
  outOfFold: Map<string, Float64Array>;
}

function valueTransform(column: string, options: EncodingOptions): ValueTransform {
  if (options.log1pColumns.includes(column)) return 'log1p';
  if (options.signedLogColumns.includes(column)) return 'signed-log';
  return 'none';
}

/** A string is the reason the column was left out. */
function fitColumn(info: ColumnInfo, values: ArrayLike<unknown>, training: TrainingRows, options: EncodingOptions, outOfFold: Map<string, Float64Array>): ColumnEncoder | EmbeddingEncoder | string {
  const { rows } = training;
  if (options.embedColumns.includes(info.name)) return fitEmbedding(info.name, values, rows, options.embeddingSize);
  if (options.targetEncodeColumns.includes(info.name)) {
    const fitted = fitTargetEncoding(info.name, values, rows, training.targets, {
      folds: options.targetEncodingFolds,
      smoothing: options.targetEncodingSmoothing,
      seed: options.seed,
      scaling: options.scaling,
      targetLabel: training.targetLabel,
    });
    if (typeof fitted === 'string') return fitted;
    outOfFold.set(info.name, fitted.outOfFold);
    return fitted.encoder;
  }
  if (options.categoricalColumns.includes(info.name)) return fitCategorical(info.name, values, rows, options);
  switch (info.type) {
    case 'number':
    case 'boolean':
      return fitNumeric(info.name, info.type, values, rows, options.scaling, valueTransform(info.name, options));
    case 'categorical':
      return fitCategorical(info.name, values, rows, options);
    case 'timestamp':
      return fitTimestamp(info.name, values, rows, options.scaling);
    case 'identifier':
      return 'identifier: a per-row key has no pattern that carries over to new rows';
    case 'text':
      return 'free text is not encoded';
  }
}

export function describeFeatures(encoder: ColumnEncoder): FeatureDescription[] {
  switch (encoder.kind) {
    case 'numeric':
      return numericFeatures(encoder);
    case 'one-hot':
    case 'frequency':
      return categoricalFeatures(encoder);
    case 'target':
      return targetEncodingFeatures(encoder);
    case 'timestamp':
      return timestampFeatures(encoder);
  }
}

function writeColumn(encoder: ColumnEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number, outOfFold?: Float64Array): void {
  switch (encoder.kind) {
    case 'numeric':
      return writeNumeric(encoder, values, rows, x, width, offset);
    case 'one-hot':
    case 'frequency':
      return writeCategorical(encoder, values, rows, x, width, offset);
    case 'target':
      return writeTargetEncoding(encoder, values, rows, x, width, offset, outOfFold);
    case 'timestamp':
      return writeTimestamp(encoder, values, rows, x, width, offset);
  }
}

/** Fits one encoder per usable column on the training rows only; the rest are listed with a reason. */
export function fitEncoding(table: ColumnTable, columns: readonly ColumnInfo[], target: string, training: TrainingRows, options: EncodingOptions): EncodingFit {
  const encoders: ColumnEncoder[] = [];
  const embeddings: EmbeddingEncoder[] = [];
  const features: FeatureDescription[] = [];
  const skipped: SkippedColumn[] = [];
  const outOfFold = new Map<string, Float64Array>();
  for (const info of columns) {
    if (info.name === target) continue;
    if (options.exclude.includes(info.name)) {
      skipped.push({ column: info.name, reason: 'excluded in this cell' });
      continue;
    }
    if (info.name === options.splitKey?.column) {
      skipped.push({ column: info.name, reason: options.splitKey.reason });
      continue;
    }
    const fitted = fitColumn(info, table.array(info.name) as ArrayLike<unknown>, training, options, outOfFold);
    if (typeof fitted === 'string') {
      skipped.push({ column: info.name, reason: fitted });
      continue;
    }
    if (fitted.kind === 'embedding') {
      embeddings.push(fitted);
      continue;
    }
    encoders.push(fitted);
    features.push(...describeFeatures(fitted));
  }
  return {
    encoding: { target, encoders, featureNames: features.map((feature) => feature.name), embeddings },
    features,
    embeddedFeatures: embeddings.flatMap(embeddingFeatures),
    skipped,
    outOfFold,
  };
}

function encode(encoding: FittedEncoding, table: ColumnTable, rows: ArrayLike<number>, outOfFold?: ReadonlyMap<string, Float64Array>): Float32Array {
  const width = encoding.featureNames.length;
  const x = new Float32Array(rows.length * width);
  const present = new Set(table.columnNames());
  let offset = 0;
  for (const encoder of encoding.encoders) {
    if (!present.has(encoder.column)) throw new CellError(`Column '${encoder.column}' is missing: the model was fitted with it`);
    writeColumn(encoder, table.array(encoder.column) as ArrayLike<unknown>, rows, x, width, offset, outOfFold?.get(encoder.column));
    offset += describeFeatures(encoder).length;
  }
  return x;
}

/** Row-major features of the given table rows, with the fitted encoders; works on new tables too. */
export function encodeRows(encoding: FittedEncoding, table: ColumnTable, rows: ArrayLike<number>): Float32Array {
  return encode(encoding, table, rows);
}

/** The training rows' own matrix: as `encodeRows`, but target-encoded columns take their out-of-fold values. */
export function encodeTrainingRows(fit: EncodingFit, table: ColumnTable, training: TrainingRows): Float32Array {
  return encode(fit.encoding, table, training.rows, fit.outOfFold);
}
