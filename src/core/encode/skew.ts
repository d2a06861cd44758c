import type { ColumnTable } from 'arquero';
import { asNumber } from '../data/numeric-values';
import type { FittedEncoding } from './types';

/** Sample skewness above this is a long right tail worth a log transform (a common rule of thumb). */
export const SKEW_THRESHOLD = 2;

export interface SkewSuggestion {
  column: string;
  skewness: number;
  transform: 'log1p' | 'signed-log';
}

/** Fisher–Pearson skewness m3 / m2^1.5; 0 for a constant. */
function skewness(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  let m2 = 0;
  let m3 = 0;
  for (const value of values) {
    m2 += (value - mean) ** 2;
    m3 += (value - mean) ** 3;
  }
  m2 /= values.length;
  m3 /= values.length;
  return m2 > 0 ? m3 / m2 ** 1.5 : 0;
}

/**
 * Untransformed numeric features whose training values are strongly right-skewed, with the
 * transform that fits their range: log1p when none is negative, signed-log otherwise.
 */
export function suggestLogTransforms(encoding: FittedEncoding, table: ColumnTable, trainRows: ArrayLike<number>): SkewSuggestion[] {
  const suggestions: SkewSuggestion[] = [];
  for (const encoder of encoding.encoders) {
    if (encoder.kind !== 'numeric' || encoder.source !== 'number' || encoder.transform !== 'none' || !encoder.valueFeature) continue;
    const raw = table.array(encoder.column) as ArrayLike<unknown>;
    const values: number[] = [];
    for (let i = 0; i < trainRows.length; i++) {
      const value = asNumber(raw[trainRows[i]]);
      if (value !== null) values.push(value);
    }
    const skew = skewness(values);
    if (skew > SKEW_THRESHOLD) suggestions.push({ column: encoder.column, skewness: skew, transform: values.some((value) => value < 0) ? 'signed-log' : 'log1p' });
  }
  return suggestions;
}
