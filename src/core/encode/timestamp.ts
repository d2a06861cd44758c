import { asNumber } from '../data/numeric-values';
import type { FeatureDescription, Scaling, TimestampEncoder, TimestampPart } from './types';
import { applyScaler, describeScaler, fitScaler, median } from './values';

/**
 * Calendar parts in UTC, numbered as pandas' `dt` accessor does (hour 0–23, Monday = 0, month
 * 1–12): the same file gives the same features whatever the viewer's time zone. The hour also
 * goes round a circle (sine and cosine), so 23:00 sits next to 00:00: evening peaks that cross
 * midnight are then one bump, not two ends of a line.
 */
const hourAngle = (date: Date) => (2 * Math.PI * (date.getUTCHours() + date.getUTCMinutes() / 60)) / 24;
const partReaders: Record<TimestampPart, { of(date: Date): number; label: string }> = {
  hour: { of: (date) => date.getUTCHours(), label: 'hour of day 0–23 (UTC)' },
  hour_sin: { of: (date) => Math.sin(hourAngle(date)), label: 'sine of the time of day (UTC)' },
  hour_cos: { of: (date) => Math.cos(hourAngle(date)), label: 'cosine of the time of day (UTC)' },
  day_of_week: { of: (date) => (date.getUTCDay() + 6) % 7, label: 'day of week, Monday = 0 (UTC)' },
  weekend: { of: (date) => (date.getUTCDay() % 6 === 0 ? 1 : 0), label: '1 on Saturday or Sunday (UTC)' },
  month: { of: (date) => date.getUTCMonth() + 1, label: 'month 1–12 (UTC)' },
};
const allParts: TimestampPart[] = ['hour', 'hour_sin', 'hour_cos', 'day_of_week', 'weekend', 'month'];

export function fitTimestamp(column: string, values: ArrayLike<unknown>, trainRows: ArrayLike<number>, scaling: Scaling): TimestampEncoder | string {
  const present: number[] = [];
  for (let i = 0; i < trainRows.length; i++) {
    const value = asNumber(values[trainRows[i]]);
    if (value !== null) present.push(value);
  }
  if (present.length === 0) return 'no values in the training rows';
  const center = median(present);
  const missingIndicator = present.length < trainRows.length;
  const dates = present.map((value) => new Date(value));
  const parts = allParts.flatMap((part) => {
    const partValues = dates.map((date) => partReaders[part].of(date));
    if (partValues.every((value) => value === partValues[0])) return [];
    // Missing instants take the median's parts, as the written rows will.
    const imputed = [...partValues, ...Array<number>(trainRows.length - present.length).fill(partReaders[part].of(new Date(center)))];
    return [{ part, scaler: fitScaler(imputed, scaling) }];
  });
  if (parts.length === 0 && !missingIndicator) return 'hour, day of week and month are constant in the training rows';
  return { kind: 'timestamp', column, parts, median: center, missingIndicator };
}

export function timestampFeatures(encoder: TimestampEncoder): FeatureDescription[] {
  const { column } = encoder;
  const features = encoder.parts.map(({ part, scaler }) => ({ name: `${column}:${part}`, column, encoding: `${partReaders[part].label}, ${describeScaler(scaler)}` }));
  if (encoder.missingIndicator) features.push({ name: `${column}:missing`, column, encoding: 'missing indicator (1 = was missing; parts from the training median)' });
  return features;
}

export function writeTimestamp(encoder: TimestampEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number): void {
  for (let r = 0; r < rows.length; r++) {
    const value = asNumber(values[rows[r]]);
    const date = new Date(value ?? encoder.median);
    let at = r * width + offset;
    for (const { part, scaler } of encoder.parts) x[at++] = applyScaler(partReaders[part].of(date), scaler);
    if (encoder.missingIndicator) x[at] = value === null ? 1 : 0;
  }
}
