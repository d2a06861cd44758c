import type { ColumnTable } from 'arquero';
import { encodeRows, fitEncoding } from '../encode/encoding';
import { splitRows, type RowSplit, type SplitStrategy } from '../encode/split';
import type { FeatureDescription, FittedEncoding, Scaling, SkippedColumn } from '../encode/types';
import { asNumber } from '../data/numeric-values';
import { CellError, type CellKind, type FeatureMatrix, type FeaturesArtifact, type TableArtifact } from './types';

export interface EncodeParams {
  exclude: string[];
  testFraction: number;
  validationFraction: number;
  split: SplitStrategy;
  seed: number;
  oneHotMaxLevels: number;
  scaling: Scaling;
  categoricalColumns: string[];
}

export interface SplitPartStats {
  part: 'train' | 'validation' | 'test';
  rows: number;
  targetMean: number;
  zeroShare: number;
}

export interface EncodeView {
  target: string;
  parts: SplitPartStats[];
  features: FeatureDescription[];
  shape: { rows: number; columns: number };
  skipped: SkippedColumn[];
  /** Rows left out because their target is missing. */
  rowsWithoutTarget: number;
}

const partNames = ['train', 'validation', 'test'] as const;

/** Target values as numbers (booleans as 0/1), with the table rows that have one. */
function readTarget(source: TableArtifact, target: string): { values: Float64Array; rows: Uint32Array } {
  const info = source.columns.find((column) => column.name === target);
  if (!info || !source.table.columnNames().includes(target)) {
    throw new CellError(`Target column '${target}' is not in the table: was it dropped by an earlier cell?`);
  }
  if (info.type !== 'number' && info.type !== 'boolean') {
    throw new CellError(`Target column '${target}' is ${info.type}: a regression target must be numeric (or true/false)`);
  }
  const raw = source.table.array(target) as ArrayLike<unknown>;
  const rows: number[] = [];
  const values: number[] = [];
  for (let row = 0; row < raw.length; row++) {
    const value = asNumber(raw[row]);
    if (value === null) continue;
    rows.push(row);
    values.push(value);
  }
  if (values.length === 0) throw new CellError(`Target column '${target}' has no values`);
  if (values.every((value) => value === values[0])) {
    throw new CellError(`Target column '${target}' is ${values[0]} in every row: R² is undefined for a constant target`);
  }
  return { values: Float64Array.from(values), rows: Uint32Array.from(rows) };
}

function checkColumnsExist(source: TableArtifact, names: readonly string[], label: string): void {
  const known = new Set(source.columns.map((column) => column.name));
  for (const name of names) {
    if (!known.has(name)) throw new CellError(`${label} column '${name}' is not in the table`);
  }
}

function partStats(part: SplitPartStats['part'], y: Float32Array): SplitPartStats {
  let sum = 0;
  let zeros = 0;
  for (const value of y) {
    sum += value;
    if (value === 0) zeros += 1;
  }
  return { part, rows: y.length, targetMean: sum / y.length, zeroShare: zeros / y.length };
}

function buildMatrix(encoding: FittedEncoding, table: ColumnTable, tableRows: Uint32Array, target: Float64Array, positions: Uint32Array): FeatureMatrix {
  return {
    x: encodeRows(encoding, table, tableRows),
    y: Float32Array.from(positions, (position) => target[position]),
    rows: positions.length,
  };
}

export const encodeCell: CellKind<EncodeParams, EncodeView> = {
  kind: 'encode',
  label: 'Encode',
  description: 'Split rows into train / validation / test, then fit imputation, scaling and category encodings on the training rows only.',
  inputs: ['table'],
  output: 'features',
  fields: [
    { key: 'exclude', label: 'Exclude columns', type: 'columns', help: 'Columns kept out of the features, e.g. ones that leak the target.' },
    { key: 'testFraction', label: 'Test fraction', type: 'number', min: 0.05, max: 0.5, step: 0.05, help: 'Held-out rows scored once by Evaluate.' },
    { key: 'validationFraction', label: 'Validation fraction', type: 'number', min: 0.05, max: 0.5, step: 0.05, help: 'Share of the non-test rows used for early stopping.' },
    {
      key: 'split',
      label: 'Split',
      type: 'select',
      options: [
        { value: 'stratified', label: 'Stratified on target > 0' },
        { value: 'random', label: 'Random' },
      ],
      help: 'Stratified keeps the share of non-zero targets equal in every part.',
    },
    { key: 'seed', label: 'Seed', type: 'integer', min: 0 },
    { key: 'oneHotMaxLevels', label: 'One-hot up to (levels)', type: 'integer', min: 2, max: 1000, help: 'Categoricals with more training levels get frequency encoding.' },
    {
      key: 'scaling',
      label: 'Scaling',
      type: 'select',
      options: [
        { value: 'standard', label: 'Standard (mean 0, sd 1)' },
        { value: 'minmax', label: 'Min–max (0 to 1)' },
        { value: 'none', label: 'None' },
      ],
    },
    { key: 'categoricalColumns', label: 'Treat as categories', type: 'columns', help: 'Numeric code columns (region, browser id) to encode as categories.' },
  ],
  defaults: () => ({
    exclude: [],
    testFraction: 0.2,
    validationFraction: 0.1,
    split: 'stratified',
    seed: 42,
    oneHotMaxLevels: 30,
    scaling: 'standard',
    categoricalColumns: [],
  }),
  async run(input, params, ctx) {
    const source = input.table;
    if (!source) throw new CellError('Encode needs a table from an earlier cell');
    const target = source.target;
    if (!target) throw new CellError('Pick a target column in the Load cell');
    checkColumnsExist(source, params.exclude, 'Excluded');
    checkColumnsExist(source, params.categoricalColumns, 'Categorical');
    const { values: targetValues, rows: targetRows } = readTarget(source, target);

    const split: RowSplit = splitRows(targetValues, {
      testFraction: params.testFraction,
      validationFraction: params.validationFraction,
      strategy: params.split,
      seed: params.seed,
    });
    for (const part of partNames) {
      if (split[part].length === 0) {
        throw new CellError(`The ${part} split has no rows (${targetValues.length} rows have a target): use more data or change the fractions`);
      }
    }
    const tableRows = (positions: Uint32Array) => Uint32Array.from(positions, (position) => targetRows[position]);
    const fit = fitEncoding(source.table, source.columns, target, tableRows(split.train), params);
    if (fit.features.length === 0) {
      throw new CellError(`No column is left to learn from: ${fit.skipped.map((item) => `'${item.column}' (${item.reason})`).join(', ') || 'the table has only the target'}`);
    }
    ctx.progress({ fraction: 0.5, message: 'Encoding rows' });
    await ctx.yieldToHost();

    const [train, validation, test] = partNames.map((part) => buildMatrix(fit.encoding, source.table, tableRows(split[part]), targetValues, split[part]));
    const artifact: FeaturesArtifact = {
      kind: 'features',
      target,
      featureNames: fit.encoding.featureNames,
      train,
      validation,
      test,
      targetNonNegative: train.y.every((value) => value >= 0),
      encoding: fit.encoding,
    };
    const parts = [partStats('train', train.y), partStats('validation', validation.y), partStats('test', test.y)];
    return {
      artifact,
      view: {
        target,
        parts,
        features: fit.features,
        shape: { rows: train.rows + validation.rows + test.rows, columns: fit.features.length },
        skipped: fit.skipped,
        rowsWithoutTarget: source.table.numRows() - targetRows.length,
      },
      summary: { train_rows: train.rows, validation_rows: validation.rows, test_rows: test.rows, features: fit.features.length },
    };
  },
};
