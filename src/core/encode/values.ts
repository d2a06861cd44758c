import type { Scaler, Scaling } from './types';

/** The level a missing categorical value counts as, so "not recorded" can carry signal. */
export const MISSING_LEVEL = '(missing)';

/** Numeric codes become their decimal text, so `3` in a code column is the level "3". */
export function toLevel(value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING_LEVEL;
  if (typeof value === 'number' && !Number.isFinite(value)) return MISSING_LEVEL;
  return String(value);
}

export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Fitted on the (imputed) training values; a zero spread leaves values unscaled around the offset. */
export function fitScaler(values: ArrayLike<number>, scaling: Scaling): Scaler {
  if (scaling === 'none' || values.length === 0) return { scaling: 'none', offset: 0, scale: 1 };
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
