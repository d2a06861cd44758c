import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/core/cells/types';
import { fitEncoding, type EncodingOptions } from '../../../src/core/encode/encoding';
import type { ColumnEncoder, FrequencyEncoder, NumericEncoder, Scaling, TargetEncoder, TimestampEncoder } from '../../../src/core/encode/types';
import { encodingOptions } from './options';

/**
 * Eight training rows, then four test rows whose values would move every statistic an encoder
 * learns. Each test fits on the training rows of the whole table, and checks the result against
 * (a) figures worked out by hand from the training rows and (b) a fit on a table holding only
 * the training rows; a fit that sees all twelve rows must differ, or the test proves nothing.
 */
const trainRows = Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
const allRows = Uint32Array.from({ length: 12 }, (_, i) => i);
const columns = {
  amount: [1, 2, 3, 4, 5, 6, 7, 8, 1000, 2000, 3000, null],
  city: ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c', 'c', 'c', 'd'],
  at: ['2024-01-01T01:00Z', '2024-01-01T02:00Z', '2024-01-01T03:00Z', '2024-01-01T04:00Z', '2024-01-02T05:00Z', '2024-01-02T06:00Z', '2024-01-02T07:00Z', '2024-01-02T08:00Z', '2024-01-03T23:00Z', '2024-01-03T23:00Z', '2024-01-03T23:00Z', '2024-01-03T23:00Z'].map((text) => Date.parse(text)),
  y: [0, 0, 4, 4, 10, 10, 1, 3, 100, 100, 100, 100],
};
const types: ColumnInfo[] = [
  { name: 'amount', type: 'number' },
  { name: 'city', type: 'categorical' },
  { name: 'at', type: 'timestamp' },
  { name: 'y', type: 'number' },
];
const baseOptions = encodingOptions({ oneHotMaxLevels: 2, targetEncodingFolds: 2, targetEncodingSmoothing: 2, seed: 3 });

function fitOn(table: aq.ColumnTable, rows: Uint32Array, overrides: Partial<EncodingOptions>) {
  const targets = Array.from(rows, (row) => columns.y[row]);
  return fitEncoding(table, types, 'y', { rows, targets, targetLabel: 'y' }, { ...baseOptions, ...overrides });
}

/** The encoder of `column` fitted on the training rows, after checking it against the two controls. */
function fittedOnTrainingRowsOnly(column: string, overrides: Partial<EncodingOptions> = {}): ColumnEncoder {
  const table = aq.table(columns);
  const encoderOf = (fit: ReturnType<typeof fitOn>) => fit.encoding.encoders.find((encoder) => encoder.column === column)!;
  const fitted = fitOn(table, trainRows, overrides);
  const trainingTableOnly = fitOn(aq.table(Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values.slice(0, 8)]))), trainRows, overrides);
  expect(encoderOf(fitted)).toEqual(encoderOf(trainingTableOnly));
  expect(fitted.outOfFold).toEqual(trainingTableOnly.outOfFold);
  expect(encoderOf(fitOn(table, allRows, overrides))).not.toEqual(encoderOf(fitted));
  return encoderOf(fitted);
}

const amountScaler = (scaling: Scaling, overrides: Partial<EncodingOptions> = {}) => (fittedOnTrainingRowsOnly('amount', { scaling, ...overrides }) as NumericEncoder).scaler;

describe('encoders see the training rows only', () => {
  it('fits the standard scaler mean and sd on training rows', () => {
    // 1..8: mean 4.5, population variance (64 − 1) / 12 = 5.25.
    expect(amountScaler('standard')).toEqual({ scaling: 'standard', offset: 4.5, scale: Math.sqrt(5.25) });
  });

  it('fits the robust scaler median and interquartile range on training rows', () => {
    // 1..8: median 4.5; quartiles at ranks 1.75 and 5.25 → 2.75 and 6.25, IQR 3.5.
    expect(amountScaler('robust')).toEqual({ scaling: 'robust', offset: 4.5, scale: 3.5 });
  });

  it('fits the min–max range on training rows', () => {
    expect(amountScaler('minmax')).toEqual({ scaling: 'minmax', offset: 1, scale: 7 });
  });

  it('imputes with the training median and adds no indicator for a gap seen only in test rows', () => {
    const encoder = fittedOnTrainingRowsOnly('amount') as NumericEncoder;
    expect(encoder.median).toBe(4.5);
    expect(encoder.missingIndicator).toBe(false);
  });

  it('fits a log1p column’s scaler on the transformed training values', () => {
    const logs = [1, 2, 3, 4, 5, 6, 7, 8].map(Math.log1p);
    const mean = logs.reduce((sum, value) => sum + value, 0) / 8;
    const scaler = amountScaler('standard', { log1pColumns: ['amount'] });
    expect(scaler.offset).toBeCloseTo(mean, 12);
    expect(scaler.scale).toBeCloseTo(Math.sqrt(logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 8), 12);
  });

  it('builds the frequency table from training rows', () => {
    const encoder = fittedOnTrainingRowsOnly('city') as FrequencyEncoder;
    expect(encoder.kind).toBe('frequency');
    expect(Object.fromEntries(encoder.levels.map((level, i) => [level, encoder.shares[i]]))).toEqual({ a: 0.5, b: 0.25, c: 0.25 });
  });

  it('builds the target-encoding table and prior from training rows', () => {
    const encoder = fittedOnTrainingRowsOnly('city', { targetEncodeColumns: ['city'] }) as TargetEncoder;
    // Training targets: a → 0, 0, 4, 4 (sum 8), b → 10, 10 (20), c → 1, 3 (4); prior 32 / 8 = 4; m = 2.
    expect(encoder.prior).toBe(4);
    const table = Object.fromEntries(encoder.levels.map((level, i) => [level, encoder.encodings[i]]));
    expect(table).toEqual({ a: (8 + 2 * 4) / (4 + 2), b: (20 + 2 * 4) / (2 + 2), c: (4 + 2 * 4) / (2 + 2) });
    expect(encoder.levels).not.toContain('d');
  });

  it('fits the timestamp parts’ scalers on training rows', () => {
    const encoder = fittedOnTrainingRowsOnly('at') as TimestampEncoder;
    // Training hours 1..8 (the test rows' 23:00 would move them); Monday and Tuesday, no weekend, all January.
    expect(encoder.parts.map((part) => part.part)).toEqual(['hour', 'hour_sin', 'hour_cos', 'day_of_week']);
    expect(encoder.parts[0].scaler).toEqual({ scaling: 'standard', offset: 4.5, scale: Math.sqrt(5.25) });
    expect(encoder.parts[3].scaler).toEqual({ scaling: 'standard', offset: 0.5, scale: 0.5 });
  });
});
