/**
 * Fitted encoders as plain JSON-able objects: everything learned from the training rows, so the
 * same transform can be applied to validation, test or new rows later.
 */

export type Scaling = 'standard' | 'minmax' | 'none';

/** scaled = (value - offset) / scale, fitted on training rows; `none` is offset 0, scale 1. */
export interface Scaler {
  scaling: Scaling;
  offset: number;
  scale: number;
}

export interface NumericEncoder {
  kind: 'numeric';
  column: string;
  /** 'number' or 'boolean' (0/1, unscaled): only what the feature list shows differs. */
  source: 'number' | 'boolean';
  /** Training median, used for missing values. */
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

export type TimestampPart = 'hour' | 'weekday' | 'month';

export interface TimestampEncoder {
  kind: 'timestamp';
  column: string;
  /** Cyclic parts that vary in the training rows (a date-only column has no hour). */
  parts: TimestampPart[];
  median: number;
  missingIndicator: boolean;
}

export type ColumnEncoder = NumericEncoder | OneHotEncoder | FrequencyEncoder | TimestampEncoder;

export interface FittedEncoding {
  target: string;
  encoders: ColumnEncoder[];
  featureNames: string[];
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
