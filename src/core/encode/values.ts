import type { Scaler, Scaling } from './types';

/** The level a missing categorical value counts as, so "not recorded" can carry signal. */
export const MISSING_LEVEL = '(missing)';

/** Numeric codes become their decimal text, so `3` in a code column is the level "3". */
export function toLevel(value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING_LEVEL;
  if (typeof value === 'number' && !Number.isFinite(value)) return MISSING_LEVEL;
  return String(value);
}

/** Linear interpolation between closest ranks (numpy's default), on ascending values. */
function quantileOfSorted(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(values: ArrayLike<number>): number {
  return quantileOfSorted(Float64Array.from(values).sort(), 0.5);
}

function robustScaler(values: ArrayLike<number>): Scaler {
  const sorted = Float64Array.from(values).sort();
  const spread = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
  return { scaling: 'robust', offset: quantileOfSorted(sorted, 0.5), scale: spread > 0 ? spread : 1 };
}

/** Fitted on the (imputed) training values; a zero spread leaves values unscaled around the offset. */
export function fitScaler(values: ArrayLike<number>, scaling: Scaling): Scaler {
  if (scaling === 'none' || values.length === 0) return { scaling: 'none', offset: 0, scale: 1 };
  if (scaling === 'robust') return robustScaler(values);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (scaling === 'minmax') return { scaling, offset: min, scale: max > min ? max - min : 1 };
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  const std = Math.sqrt(squares / values.length);
  return { scaling, offset: mean, scale: std > 0 ? std : 1 };
}

export function applyScaler(value: number, scaler: Scaler): number {
  return (value - scaler.offset) / scaler.scale;
}

const scalingLabels: Record<Scaling, string> = {
  standard: 'standard scaling',
  minmax: 'min–max scaling',
  robust: 'robust scaling (median, IQR)',
  none: 'unscaled',
};

export function describeScaler(scaler: Scaler): string {
  return scalingLabels[scaler.scaling];
}
