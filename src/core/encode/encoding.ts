import type { ColumnTable } from 'arquero';
import { CellError, type ColumnInfo } from '../cells/types';
import { categoricalFeatures, fitCategorical, writeCategorical } from './categorical';
import { fitNumeric, numericFeatures, writeNumeric } from './numeric';
import { fitTimestamp, timestampFeatures, writeTimestamp } from './timestamp';
import type { ColumnEncoder, FeatureDescription, FittedEncoding, Scaling, SkippedColumn } from './types';

export interface EncodingOptions {
  exclude: readonly string[];
  /** Numeric code columns to encode as categories. */
  categoricalColumns: readonly string[];
  oneHotMaxLevels: number;
  scaling: Scaling;
}

export interface EncodingFit {
  encoding: FittedEncoding;
  features: FeatureDescription[];
  skipped: SkippedColumn[];
}

function fitColumn(info: ColumnInfo, values: ArrayLike<unknown>, trainRows: ArrayLike<number>, options: EncodingOptions): ColumnEncoder | string {
  if (options.categoricalColumns.includes(info.name)) return fitCategorical(info.name, values, trainRows, options);
  switch (info.type) {
    case 'number':
    case 'boolean':
      return fitNumeric(info.name, info.type, values, trainRows, options.scaling);
    case 'categorical':
      return fitCategorical(info.name, values, trainRows, options);
    case 'timestamp':
      return fitTimestamp(info.name, values, trainRows);
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
    case 'timestamp':
      return timestampFeatures(encoder);
  }
}

function writeColumn(encoder: ColumnEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number): void {
  switch (encoder.kind) {
    case 'numeric':
      return writeNumeric(encoder, values, rows, x, width, offset);
    case 'one-hot':
    case 'frequency':
      return writeCategorical(encoder, values, rows, x, width, offset);
    case 'timestamp':
      return writeTimestamp(encoder, values, rows, x, width, offset);
  }
}

/** Fits one encoder per usable column on the training rows only; the rest are listed with a reason. */
export function fitEncoding(table: ColumnTable, columns: readonly ColumnInfo[], target: string, trainRows: ArrayLike<number>, options: EncodingOptions): EncodingFit {
  const encoders: ColumnEncoder[] = [];
  const features: FeatureDescription[] = [];
  const skipped: SkippedColumn[] = [];
  for (const info of columns) {
    if (info.name === target) continue;
    if (options.exclude.includes(info.name)) {
      skipped.push({ column: info.name, reason: 'excluded in this cell' });
      continue;
    }
    const fitted = fitColumn(info, table.array(info.name) as ArrayLike<unknown>, trainRows, options);
    if (typeof fitted === 'string') {
      skipped.push({ column: info.name, reason: fitted });
      continue;
    }
    encoders.push(fitted);
    features.push(...describeFeatures(fitted));
  }
  return { encoding: { target, encoders, featureNames: features.map((feature) => feature.name) }, features, skipped };
}

/** Row-major features of the given table rows, with the fitted encoders; works on new tables too. */
export function encodeRows(encoding: FittedEncoding, table: ColumnTable, rows: ArrayLike<number>): Float32Array {
  const width = encoding.featureNames.length;
  const x = new Float32Array(rows.length * width);
  const present = new Set(table.columnNames());
  let offset = 0;
  for (const encoder of encoding.encoders) {
    if (!present.has(encoder.column)) throw new CellError(`Column '${encoder.column}' is missing: the model was fitted with it`);
    writeColumn(encoder, table.array(encoder.column) as ArrayLike<unknown>, rows, x, width, offset);
    offset += describeFeatures(encoder).length;
  }
  return x;
}
