import { featureChecksum } from '../encode/checksum';
import { encodeCodes } from '../encode/embedding';
import { encodeRows, encodeTrainingRows, fitEncoding, type TrainingRows } from '../encode/encoding';
import { SKEW_THRESHOLD, suggestLogTransforms, type SkewSuggestion } from '../encode/skew';
import { splitRows, type RowSplit, type SplitStrategy } from '../encode/split';
import { partStats, readSplitKeys, type SplitPartStats } from '../encode/split-parts';
import { checkTargetTransform, targetLabel, transformTarget, type TargetTransform } from '../encode/target-transform';
import type { FeatureDescription, Scaling, SkippedColumn } from '../encode/types';
import { asNumber } from '../data/numeric-values';
import { CancelledError, CellError, type CellKind, type ColumnInfo, type FeatureMatrix, type FeaturesArtifact, type ParamIssue, type TableArtifact } from './types';

export interface EncodeParams {
  exclude: string[];
  testFraction: number;
  validationFraction: number;
  split: SplitStrategy;
  /** For the group split: the user id whose sessions must stay together; '' for none. */
  groupColumn: string;
  /** For the time split: the instant that orders the rows; '' for none. */
  timeColumn: string;
  /** For the column split: the column naming each row's part; '' for none. */
  splitColumn: string;
  seed: number;
  oneHotMaxLevels: number;
  scaling: Scaling;
  categoricalColumns: string[];
  log1pColumns: string[];
  signedLogColumns: string[];
  /** Log-transform every strongly right-skewed numeric feature the two lists above leave out. */
  logSkewed: boolean;
  targetEncodeColumns: string[];
  targetEncodingFolds: number;
  targetEncodingSmoothing: number;
  targetTransform: TargetTransform;
  /** Categories the network learns a vector for, instead of one-hot or frequency features. */
  embedColumns: string[];
  /** Values per level vector; 0 picks a length from the level count. */
  embeddingSize: number;
}

export interface EncodeView {
  target: string;
  targetTransform: TargetTransform;
  split: SplitStrategy;
  parts: SplitPartStats[];
  /** The columns of the feature matrix, then the embedded categories. */
  features: FeatureDescription[];
  /** `columns` of the feature matrix; `embedded` categories handed to the model as level codes beside it. */
  shape: { rows: number; columns: number; embedded: number };
  skipped: SkippedColumn[];
  /** Rows left out because their target is missing. */
  rowsWithoutTarget: number;
  /** Strongly right-skewed numeric columns left untransformed, with the transform that fits. */
  skewed: SkewSuggestion[];
  /** The skewed columns `logSkewed` transformed. */
  logged: SkewSuggestion[];
  checksum: string;
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

/** Each parameter that names columns, with how its message refers to one of them. */
const columnParams = [
  { key: 'exclude', noun: 'Excluded' },
  { key: 'categoricalColumns', noun: 'Categorical' },
  { key: 'log1pColumns', noun: 'log1p' },
  { key: 'signedLogColumns', noun: 'Signed-log' },
  { key: 'targetEncodeColumns', noun: 'Target-encoded' },
  { key: 'embedColumns', noun: 'Embedded' },
  { key: 'groupColumn', noun: 'Group' },
  { key: 'timeColumn', noun: 'Time' },
  { key: 'splitColumn', noun: 'Split' },
] as const;

function namedColumns(params: EncodeParams, key: (typeof columnParams)[number]['key']): string[] {
  const value = params[key];
  return typeof value === 'string' ? (value === '' ? [] : [value]) : value;
}

/** A shared notebook may name columns this file lacks, or use a column in a way its type forbids. */
function checkNamedColumns(source: TableArtifact, params: EncodeParams, target: string): Map<string, ColumnInfo> {
  const known = new Map(source.columns.map((column) => [column.name, column]));
  for (const { key, noun } of columnParams) {
    for (const name of namedColumns(params, key)) {
      if (!known.has(name)) throw new CellError(`${noun} column '${name}' is not in the table (parameter ${key})`);
      if (name === target && key !== 'exclude') throw new CellError(`${noun} column '${name}' is the target (parameter ${key}): the target cannot be a feature or a split key`);
    }
  }
  for (const key of ['log1pColumns', 'signedLogColumns'] as const) {
    for (const name of params[key]) {
      const type = known.get(name)!.type;
      if (type !== 'number') throw new CellError(`Column '${name}' is ${type} (parameter ${key}): only numeric columns take a log transform`);
      if ([params.categoricalColumns, params.targetEncodeColumns, params.embedColumns].some((list) => list.includes(name))) {
        throw new CellError(`Column '${name}' is encoded as a category (parameter ${key}): a log transform applies to numeric features only`);
      }
    }
  }
  for (const key of ['targetEncodeColumns', 'embedColumns'] as const) {
    for (const name of params[key]) {
      if (known.get(name)!.type === 'timestamp') throw new CellError(`Column '${name}' is a timestamp (parameter ${key}): it needs a category column`);
    }
  }
  const timeType = params.split === 'time' ? known.get(params.timeColumn)!.type : null;
  if (timeType !== null && timeType !== 'timestamp' && timeType !== 'number') {
    throw new CellError(`Time column '${params.timeColumn}' is ${timeType} (parameter timeColumn): a time split needs a timestamp or a number`);
  }
  return known;
}

function columnsFor(suggestions: readonly SkewSuggestion[], transform: SkewSuggestion['transform']): string[] {
  return suggestions.filter((item) => item.transform === transform).map((item) => item.column);
}

function partMatrix(x: Float32Array, codes: Int32Array | undefined, target: Float64Array, positions: Uint32Array): FeatureMatrix {
  const matrix: FeatureMatrix = { x, y: Float32Array.from(positions, (position) => target[position]), rows: positions.length };
  if (codes) matrix.codes = codes;
  return matrix;
}

/**
 * The column each keyed split goes by; `notAFeature` says why that column is kept out of the
 * features, when it is.
 */
const splitFields = {
  group: { key: 'groupColumn', label: 'a group column (the user id)', notAFeature: 'the grouped split’s key: each of its values lives in one part only' },
  time: { key: 'timeColumn', label: 'a time column', notAFeature: null },
  column: { key: 'splitColumn', label: 'a split column (train, validation or test in each row)', notAFeature: 'the split column: it names each row’s part' },
} as const;

function splitField(split: SplitStrategy) {
  return split === 'group' || split === 'time' || split === 'column' ? splitFields[split] : null;
}

export const encodeCell: CellKind<EncodeParams, EncodeView> = {
  kind: 'encode',
  label: 'Encode',
  description: 'Split rows into train / validation / test, then fit transforms, imputation, scaling and category encodings on the training rows only.',
  inputs: ['table'],
  output: 'features',
  fields: [
    { key: 'exclude', label: 'Exclude columns', type: 'columns', help: 'Columns kept out of the features, e.g. ones that leak the target.' },
    { key: 'testFraction', label: 'Test fraction', type: 'number', min: 0.05, max: 0.5, step: 0.05, help: 'Held-out rows scored once by Evaluate. A split column names its own.' },
    {
      key: 'validationFraction',
      label: 'Validation fraction',
      type: 'number',
      min: 0.05,
      max: 0.5,
      step: 0.05,
      help: 'Share of the non-test rows used for early stopping; with a split column, only when it names no validation rows.',
    },
    {
      key: 'split',
      label: 'Split',
      type: 'select',
      options: [
        { value: 'stratified', label: 'Stratified on target > 0' },
        { value: 'random', label: 'Random' },
        { value: 'group', label: 'Grouped (a user never straddles parts)' },
        { value: 'time', label: 'By time (train on earlier rows)' },
        { value: 'column', label: 'From a column (train / validation / test)' },
      ],
      help: 'Stratified keeps the share of non-zero targets equal in every part; grouped keeps each user in one part; by time tests on the latest rows; from a column keeps a split made elsewhere.',
    },
    { key: 'groupColumn', label: 'Group column', type: 'column', optional: true, help: 'For the grouped split: the user id whose sessions stay together.' },
    { key: 'timeColumn', label: 'Time column', type: 'column', optional: true, help: 'For the time split: rows with equal times share a part.' },
    { key: 'splitColumn', label: 'Split column', type: 'column', optional: true, help: 'For the split from a column: train, validation or test in each row. Never a feature.' },
    { key: 'seed', label: 'Seed', type: 'integer', min: 0, help: 'Split order and target-encoding folds.' },
    {
      key: 'scaling',
      label: 'Scaling',
      type: 'select',
      options: [
        { value: 'standard', label: 'Standard (mean 0, sd 1)' },
        { value: 'minmax', label: 'Min–max (0 to 1)' },
        { value: 'robust', label: 'Robust (median 0, IQR 1)' },
        { value: 'none', label: 'None' },
      ],
      help: 'Fitted on the training rows only.',
    },
    { key: 'log1pColumns', label: 'log1p columns', type: 'columns', help: 'Skewed non-negative numbers: log(1 + x) before scaling.' },
    { key: 'signedLogColumns', label: 'Signed-log columns', type: 'columns', help: 'Skewed numbers that can be negative: sign(x)·log(1 + |x|) before scaling.' },
    {
      key: 'logSkewed',
      label: 'Log-transform skewed columns',
      type: 'boolean',
      help: `Numeric columns with training skewness above ${SKEW_THRESHOLD} get log1p, or signed-log where values go below 0, unless listed above.`,
    },
    { key: 'categoricalColumns', label: 'Treat as categories', type: 'columns', help: 'Numeric code columns (region, browser id) to encode as categories.' },
    { key: 'oneHotMaxLevels', label: 'One-hot up to (levels)', type: 'integer', min: 2, max: 1000, help: 'Categoricals with more training levels get frequency encoding.' },
    { key: 'targetEncodeColumns', label: 'Target-encode columns', type: 'columns', help: 'High-cardinality categories encoded by their mean target, out of fold on training rows.' },
    { key: 'targetEncodingFolds', label: 'Target-encoding folds', type: 'integer', min: 2, max: 20 },
    { key: 'targetEncodingSmoothing', label: 'Target-encoding smoothing', type: 'number', min: 0, max: 10000, step: 1, help: 'Rows of weight the training mean gets against a level’s own mean.' },
    { key: 'embedColumns', label: 'Embed columns', type: 'columns', help: 'Categories the network learns a vector for; rare and unseen levels share one.' },
    { key: 'embeddingSize', label: 'Embedding size', type: 'integer', min: 0, max: 64, help: 'Values per level; 0 picks 1.6 · levels^0.56, at most 50.' },
    {
      key: 'targetTransform',
      label: 'Target transform',
      type: 'select',
      options: [
        { value: 'none', label: 'None' },
        { value: 'log1p', label: 'log1p (metrics after back-transform)' },
      ],
      help: 'log1p trains on log(1 + target); Evaluate maps predictions back with a bias correction.',
    },
  ],
  defaults: () => ({
    exclude: [],
    testFraction: 0.2,
    validationFraction: 0.1,
    split: 'stratified',
    groupColumn: '',
    timeColumn: '',
    splitColumn: '',
    seed: 42,
    oneHotMaxLevels: 30,
    scaling: 'standard',
    categoricalColumns: [],
    log1pColumns: [],
    signedLogColumns: [],
    logSkewed: false,
    targetEncodeColumns: [],
    targetEncodingFolds: 5,
    targetEncodingSmoothing: 10,
    targetTransform: 'none',
    embedColumns: [],
    embeddingSize: 0,
  }),
  check(params) {
    const issues: ParamIssue[] = [];
    const field = splitField(params.split);
    if (field && params[field.key] === '') issues.push({ path: field.key, message: `The ${params.split} split needs ${field.label}` });
    const both = params.log1pColumns.filter((name) => params.signedLogColumns.includes(name));
    if (both.length > 0) issues.push({ path: 'signedLogColumns', message: `'${both[0]}' is listed for both log1p and signed-log: pick one` });
    const twice = params.embedColumns.filter((name) => params.targetEncodeColumns.includes(name));
    if (twice.length > 0) issues.push({ path: 'embedColumns', message: `'${twice[0]}' is listed for both target encoding and an embedding: pick one` });
    return issues;
  },
  async run(input, params, ctx) {
    const source = input.table;
    if (!source) throw new CellError('Encode needs a table from an earlier cell');
    const target = source.target;
    if (!target) throw new CellError('Pick a target column in the Load cell');
    const issue = encodeCell.check!(params)[0];
    if (issue) throw new CellError(issue.message);
    const known = checkNamedColumns(source, params, target);
    const { values: targetValues, rows: targetRows } = readTarget(source, target);
    checkTargetTransform(target, targetValues, params.targetTransform);

    const field = splitField(params.split);
    const keyColumn = field ? params[field.key] : '';
    const keys = readSplitKeys(source.table, params.split, keyColumn, targetRows);
    const split: RowSplit = splitRows(targetValues, { ...params, strategy: params.split, ...keys });
    for (const part of partNames) {
      if (split[part].length === 0) {
        const remedy =
          params.split === 'column' ? `: split column '${keyColumn}' names no ${part} row` : `: use more data or change the fractions${params.split === 'time' ? ', or use a time column with fewer ties' : ''}`;
        throw new CellError(`The ${part} split has no rows (${targetValues.length} rows have a target)${remedy}`);
      }
    }
    const tableRows = (positions: Uint32Array) => Uint32Array.from(positions, (position) => targetRows[position]);
    const training: TrainingRows = {
      rows: tableRows(split.train),
      targets: transformTarget(Float32Array.from(split.train, (position) => targetValues[position]), params.targetTransform),
      targetLabel: targetLabel(target, params.targetTransform),
    };
    const splitKey = field?.notAFeature ? { column: keyColumn, reason: field.notAFeature } : null;
    const fitFor = (extra: SkewSuggestion[]) =>
      fitEncoding(source.table, source.columns, target, training, {
        ...params,
        log1pColumns: [...params.log1pColumns, ...columnsFor(extra, 'log1p')],
        signedLogColumns: [...params.signedLogColumns, ...columnsFor(extra, 'signed-log')],
        splitKey,
      });
    let fit = fitFor([]);
    let skewed = suggestLogTransforms(fit.encoding, source.table, training.rows);
    // Which columns are skewed is known only once the encoders are fitted, hence the second fit.
    const logged = params.logSkewed ? skewed : [];
    if (logged.length > 0) {
      fit = fitFor(logged);
      skewed = [];
    }
    if (fit.features.length === 0) {
      const embedded = fit.embeddedFeatures.length > 0 ? ' (embedded categories need at least one other feature beside them)' : '';
      throw new CellError(`No column is left to learn from${embedded}: ${fit.skipped.map((item) => `'${item.column}' (${item.reason})`).join(', ') || 'the table has only the target'}`);
    }
    ctx.progress({ fraction: 0.5, message: 'Encoding rows' });
    await ctx.yieldToHost();
    if (ctx.signal.aborted) throw new CancelledError();

    const matrixOf = (positions: Uint32Array, rows: Uint32Array, x: Float32Array) => partMatrix(x, encodeCodes(fit.encoding, source.table, rows), targetValues, positions);
    const train = matrixOf(split.train, training.rows, encodeTrainingRows(fit, source.table, training));
    const [validation, test] = (['validation', 'test'] as const).map((part) => {
      const rows = tableRows(split[part]);
      return matrixOf(split[part], rows, encodeRows(fit.encoding, source.table, rows));
    });
    const checksum = featureChecksum(fit.encoding.featureNames, [train, validation, test]);
    const embeddings = fit.encoding.embeddings.map((encoder) => ({ column: encoder.column, levels: encoder.levels.length + 1, size: encoder.size }));
    const artifact: FeaturesArtifact = {
      kind: 'features',
      target,
      featureNames: fit.encoding.featureNames,
      train,
      validation,
      test,
      targetNonNegative: train.y.every((value) => value >= 0),
      targetTransform: params.targetTransform,
      encoding: fit.encoding,
      ...(embeddings.length > 0 ? { embeddings } : {}),
    };
    const timeIsInstant = params.split === 'time' && known.get(params.timeColumn)!.type === 'timestamp';
    const parts = partNames.map((part) => partStats(part, targetValues, split[part], keys, timeIsInstant));
    return {
      artifact,
      view: {
        target,
        targetTransform: params.targetTransform,
        split: params.split,
        parts,
        features: [...fit.features, ...fit.embeddedFeatures],
        shape: { rows: train.rows + validation.rows + test.rows, columns: fit.features.length, embedded: embeddings.length },
        skipped: fit.skipped,
        rowsWithoutTarget: source.table.numRows() - targetRows.length,
        skewed,
        logged,
        checksum,
      },
      summary: {
        train_rows: train.rows,
        validation_rows: validation.rows,
        test_rows: test.rows,
        features: fit.features.length,
        feature_checksum: checksum,
        target_transform: params.targetTransform,
        ...(embeddings.length > 0 ? { embedded_columns: embeddings.length } : {}),
      },
    };
  },
};
