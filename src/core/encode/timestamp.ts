import type { FeatureDescription, TimestampEncoder, TimestampPart } from './types';
import { asNumber } from '../data/numeric-values';
import { median } from './values';

/**
 * Hour of day, day of week and month as sine/cosine pairs (UTC): two features per cycle instead
 * of 24 + 7 + 12 one-hot columns, and 23:00 sits next to 00:00, Sunday next to Monday.
 */
const cycles: Record<TimestampPart, { period: number; of(date: Date): number; label: string }> = {
  hour: { period: 24, of: (date) => date.getUTCHours() + date.getUTCMinutes() / 60, label: 'hour of day' },
  weekday: { period: 7, of: (date) => date.getUTCDay(), label: 'day of week' },
  month: { period: 12, of: (date) => date.getUTCMonth(), label: 'month' },
};
const allParts: TimestampPart[] = ['hour', 'weekday', 'month'];

export function fitTimestamp(column: string, values: ArrayLike<unknown>, trainRows: ArrayLike<number>): TimestampEncoder | string {
  const present: number[] = [];
  for (let i = 0; i < trainRows.length; i++) {
    const value = asNumber(values[trainRows[i]]);
    if (value !== null) present.push(value);
  }
  if (present.length === 0) return 'no values in the training rows';
  const parts = allParts.filter((part) => {
    const first = cycles[part].of(new Date(present[0]));
    return present.some((value) => cycles[part].of(new Date(value)) !== first);
  });
  const missingIndicator = present.length < trainRows.length;
  if (parts.length === 0 && !missingIndicator) return 'hour, day of week and month are constant in the training rows';
  return { kind: 'timestamp', column, parts, median: median(present), missingIndicator };
}

export function timestampFeatures(encoder: TimestampEncoder): FeatureDescription[] {
  const { column } = encoder;
  const features = encoder.parts.flatMap((part) => [
    { name: `${column}:${part}_sin`, column, encoding: `${cycles[part].label}, sine of the cycle (UTC)` },
    { name: `${column}:${part}_cos`, column, encoding: `${cycles[part].label}, cosine of the cycle (UTC)` },
  ]);
  if (encoder.missingIndicator) features.push({ name: `${column}:missing`, column, encoding: 'missing indicator (1 = was missing)' });
  return features;
}

export function writeTimestamp(encoder: TimestampEncoder, values: ArrayLike<unknown>, rows: ArrayLike<number>, x: Float32Array, width: number, offset: number): void {
  for (let r = 0; r < rows.length; r++) {
    const value = asNumber(values[rows[r]]);
    const date = new Date(value ?? encoder.median);
    let at = r * width + offset;
    for (const part of encoder.parts) {
      const angle = (2 * Math.PI * cycles[part].of(date)) / cycles[part].period;
      x[at++] = Math.sin(angle);
      x[at++] = Math.cos(angle);
    }
    if (encoder.missingIndicator) x[at] = value === null ? 1 : 0;
  }
}
