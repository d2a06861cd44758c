import { CellError } from '../cells/types';
import { asNumber } from '../data/numeric-values';
import type { FeatureDescription, NumericEncoder, Scaling, ValueTransform } from './types';
import { applyScaler, describeScaler, fitScaler, median } from './values';

/** The value as the encoder sees it (transformed), or null when missing. */
export function transformedValue(column: string, raw: unknown, transform: ValueTransform): number | null {
  const value = asNumber(raw);
  if (value === null || transform === 'none') return value;
  if (transform === 'signed-log') return Math.sign(value) * Math.log1p(Math.abs(value));
  if (value < 0) {
    throw new CellError(`Column '${column}' has a negative value (${value}), so log1p is undefined for it: list it under signed-log instead`);
  }
  return Math.log1p(value);
}

const transformLabels: Record<ValueTransform, string> = {
  none: '',
  log1p: 'log1p, ',
  'signed-log': 'signed log (sign · log1p|x|), ',
};

/**
 * Optional log transform, then median imputation (+ a missing indicator when training rows have
 * gaps), then scaling. Booleans are scaled too: a rare flag left at 0/1 trains slower than the
 * standardised numbers beside it.
 */
export function fitNumeric(column: string, source: NumericEncoder['source'], values: ArrayLike<unknown>, trainRows: ArrayLike<number>, scaling: Scaling, transform: ValueTransform): NumericEncoder | string {
  const transformed = Array.from({ length: trainRows.length }, (_, i) => transformedValue(column, values[trainRows[i]], transform));
  const present = transformed.filter((value): value is number => value !== null);
  if (present.length === 0) return 'no values in the training rows';
  const missingIndicator = present.length < trainRows.length;
  const center = median(present);
  const valueFeature = present.some((value) => value !== present[0]);
  if (!valueFeature && !missingIndicator) return 'constant in the training rows';
  const scaler = fitScaler(Float64Array.from(transformed, (value) => value ?? center), scaling);
  return { kind: 'numeric', column, source, transform, median: center, valueFeature, missingIndicator, scaler };
}

export function numericFeatures(encoder: NumericEncoder): FeatureDescription[] {
  const features: FeatureDescription[] = [];
  const { column } = encoder;
  if (encoder.valueFeature) {
    const kind = encoder.source === 'boolean' ? 'boolean as 0/1' : `numeric, ${transformLabels[encoder.transform]}median-imputed`;
    features.push({ name: column, column, encoding: `${kind}, ${describeScaler(encoder.scaler)}` });
  }
  if (encoder.missingIndicator) features.push({ name: `${column}:missing`, column, encoding: 'missing indicator (1 = was missing)' });
  return features;
}

export function writeNumeric(encoder: NumericEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number): void {
  for (let r = 0; r < rows.length; r++) {
    const value = transformedValue(encoder.column, values[rows[r]], encoder.transform);
    let at = r * width + offset;
    if (encoder.valueFeature) x[at++] = applyScaler(value ?? encoder.median, encoder.scaler);
    if (encoder.missingIndicator) x[at] = value === null ? 1 : 0;
  }
}
