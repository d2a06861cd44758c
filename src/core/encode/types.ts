/**
 * Fitted encoders as plain JSON-able objects: everything learned from the training rows, so the
 * same transform can be applied to validation, test or new rows later.
 */

/** `robust` centres on the median and divides by the interquartile range, so outliers barely move it. */
export type Scaling = 'standard' | 'minmax' | 'robust' | 'none';

/** scaled = (value - offset) / scale, fitted on training rows; `none` is offset 0, scale 1. */
export interface Scaler {
  scaling: Scaling;
  offset: number;
  scale: number;
}

/** Applied to a numeric column before imputation and scaling, to tame a long right tail. */
export type ValueTransform = 'none' | 'log1p' | 'signed-log';

export interface NumericEncoder {
  kind: 'numeric';
  column: string;
  /** 'number' or 'boolean' (0/1): only what the feature list shows differs. */
  source: 'number' | 'boolean';
  transform: ValueTransform;
  /** Training median of the transformed values, used for missing values. */
  median: number;
  /** False when the training values are all equal: only the missing indicator carries information. */
  valueFeature: boolean;
  missingIndicator: boolean;
  scaler: Scaler;
}

export interface OneHotEncoder {
  kind: 'one-hot';
  column: string;
  /** One feature each, in this order; a missing value is the level '(missing)'. */
  levels: string[];
  /** Present when rare training levels were pooled; unseen levels go there too. */
  otherFeature: boolean;
}

export interface FrequencyEncoder {
  kind: 'frequency';
  column: string;
  /** Each training level with its share of training rows; an unseen level counts as 0. */
  levels: string[];
  shares: number[];
  scaler: Scaler;
}

export interface TargetEncoder {
  kind: 'target';
  column: string;
  /** What was averaged, e.g. `log1p(PageValues)`, for the feature list. */
  targetLabel: string;
  folds: number;
  smoothing: number;
  /** Mean (transformed) target of all training rows: what an unseen level is encoded as. */
  prior: number;
  /** Each training level with its smoothed mean target over all training rows. */
  levels: string[];
  encodings: number[];
  /** Fitted on the out-of-fold encodings of the training rows. */
  scaler: Scaler;
}

export type TimestampPart = 'hour' | 'hour_sin' | 'hour_cos' | 'day_of_week' | 'weekend' | 'month';

export interface TimestampEncoder {
  kind: 'timestamp';
  column: string;
  /** Parts that vary in the training rows (a date-only column has no hour), each with its scaler. */
  parts: { part: TimestampPart; scaler: Scaler }[];
  /** Training median instant, used for missing values. */
  median: number;
  missingIndicator: boolean;
}

/** Written into the feature matrix `x`. */
export type ColumnEncoder = NumericEncoder | OneHotEncoder | FrequencyEncoder | TargetEncoder | TimestampEncoder;

/** A category handed to the model as a level code, for a vector the network learns (not part of `x`). */
export interface EmbeddingEncoder {
  kind: 'embedding';
  column: string;
  /** Levels with a vector of their own: code = position + 1. Code 0 is every other level: rare, missing-from-training or unseen. */
  levels: string[];
  /** Length of each level's vector. */
  size: number;
}

export interface FittedEncoding {
  target: string;
  encoders: ColumnEncoder[];
  featureNames: string[];
  embeddings: EmbeddingEncoder[];
}

export interface FeatureDescription {
  name: string;
  column: string;
  encoding: string;
}

export interface SkippedColumn {
  column: string;
  reason: string;
}
