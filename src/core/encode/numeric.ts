import type { FeatureDescription, NumericEncoder, Scaling } from './types';
import { asNumber } from '../data/numeric-values';
import { applyScaler, fitScaler, median } from './values';

/**
 * Median imputation (+ a missing indicator when training rows have gaps), then scaling. Booleans
 * are scaled too: a rare flag left at 0/1 trains slower than the standardised numbers beside it.
 */
export function fitNumeric(column: string, source: NumericEncoder['source'], values: ArrayLike<unknown>, trainRows: ArrayLike<number>, scaling: Scaling): NumericEncoder | string {
  const present: number[] = [];
  for (let i = 0; i < trainRows.length; i++) {
    const value = asNumber(values[trainRows[i]]);
    if (value !== null) present.push(value);
  }
  if (present.length === 0) return 'no values in the training rows';
  const missingIndicator = present.length < trainRows.length;
  const center = median(present);
  const valueFeature = present.some((value) => value !== present[0]);
  if (!valueFeature && !missingIndicator) return 'constant in the training rows';
  const imputed = Float64Array.from({ length: trainRows.length }, (_, i) => asNumber(values[trainRows[i]]) ?? center);
  const scaler = fitScaler(imputed, scaling);
  return { kind: 'numeric', column, source, median: center, valueFeature, missingIndicator, scaler };
}

export function numericFeatures(encoder: NumericEncoder): FeatureDescription[] {
  const features: FeatureDescription[] = [];
  const { column } = encoder;
  if (encoder.valueFeature) {
    const encoding = `${encoder.source === 'boolean' ? 'boolean as 0/1' : 'numeric, median-imputed'}, ${encoder.scaler.scaling} scaling`;
    features.push({ name: column, column, encoding });
  }
  if (encoder.missingIndicator) features.push({ name: `${column}:missing`, column, encoding: 'missing indicator (1 = was missing)' });
  return features;
}

export function writeNumeric(encoder: NumericEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number): void {
  for (let r = 0; r < rows.length; r++) {
    const value = asNumber(values[rows[r]]);
    let at = r * width + offset;
    if (encoder.valueFeature) x[at++] = applyScaler(value ?? encoder.median, encoder.scaler);
    if (encoder.missingIndicator) x[at] = value === null ? 1 : 0;
  }
}
