import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/core/cells/types';
import { encodeRows, fitEncoding, type EncodingOptions, type TrainingRows } from '../../../src/core/encode/encoding';
import type { FrequencyEncoder, NumericEncoder, TimestampEncoder } from '../../../src/core/encode/types';
import { encodingOptions } from './options';

const options = encodingOptions({ oneHotMaxLevels: 3, targetEncodingFolds: 2, targetEncodingSmoothing: 0 });
const y = [1, 2, 3, 4, 5, 6];
const training = (rows: number[]): TrainingRows => ({ rows: Uint32Array.from(rows), targets: rows.map((row) => y[row]), targetLabel: 'y' });
const testRows = Uint32Array.from([4, 5]);

function fit(columns: Record<string, unknown[]>, types: ColumnInfo[], overrides: Partial<EncodingOptions> = {}) {
  const table = aq.table(columns);
  return { table, ...fitEncoding(table, types, 'y', training([0, 1, 2, 3]), { ...options, ...overrides }) };
}

describe('fitEncoding on training rows only', () => {
  it('fits the scaler mean and spread on training rows only', () => {
    // Train values 1, 2, 3, 4 (mean 2.5, population sd √1.25); the test rows' 1000s must not count.
    const { encoding } = fit({ amount: [1, 2, 3, 4, 1000, 1000], y }, [{ name: 'amount', type: 'number' }, { name: 'y', type: 'number' }]);
    const encoder = encoding.encoders[0] as NumericEncoder;
    expect(encoder.scaler.offset).toBeCloseTo(2.5, 12);
    expect(encoder.scaler.scale).toBeCloseTo(Math.sqrt(1.25), 12);
  });

  it('imputes the training median and adds a missing indicator', () => {
    // Train values 1, null, 3, 10: median of 1, 3, 10 is 3; a test-row null gets 3 too.
    const { table, encoding } = fit({ amount: [1, null, 3, 10, null, 0], y }, [{ name: 'amount', type: 'number' }, { name: 'y', type: 'number' }], { scaling: 'none' });
    expect((encoding.encoders[0] as NumericEncoder).median).toBe(3);
    expect(encoding.featureNames).toEqual(['amount', 'amount:missing']);
    expect(Array.from(encodeRows(encoding, table, testRows))).toEqual([3, 1, 0, 0]);
  });

  it('uses the median of training rows only even when test rows would move it', () => {
    const { encoding } = fit({ amount: [1, 2, 3, null, 100, 100], y }, [{ name: 'amount', type: 'number' }, { name: 'y', type: 'number' }]);
    expect((encoding.encoders[0] as NumericEncoder).median).toBe(2);
  });

  it('adds no missing indicator when training rows are complete, even if test rows are not', () => {
    const { table, encoding } = fit({ amount: [1, 2, 3, 4, null, 5], y }, [{ name: 'amount', type: 'number' }, { name: 'y', type: 'number' }], { scaling: 'minmax' });
    expect(encoding.featureNames).toEqual(['amount']);
    // Min–max on 1..4: null → median 2.5 → 0.5; 5 → 4/3.
    const encoded = encodeRows(encoding, table, testRows);
    expect(encoded[0]).toBeCloseTo(0.5, 6);
    expect(encoded[1]).toBeCloseTo(4 / 3, 6);
  });

  it('skips a categorical whose every level is rare in the training rows', () => {
    // red and blue have 2 training rows each, fewer than the 5 a level needs for its own feature.
    const { skipped } = fit({ color: ['red', 'blue', 'red', 'blue', 'red', 'green'], y, keep: y }, [
      { name: 'color', type: 'categorical' },
      { name: 'keep', type: 'number' },
      { name: 'y', type: 'number' },
    ]);
    expect(skipped).toEqual([{ column: 'color', reason: 'every level has fewer than 5 training rows' }]);
  });

  it('gives frequent levels their own feature and pools rare and unseen levels into "other"', () => {
    const color = [...Array(12).fill('red'), ...Array(6).fill('blue'), 'pink', 'red', 'green'];
    const table = aq.table({ color, y: color.map((_, i) => i) });
    const rows = Uint32Array.from({ length: 19 }, (_, i) => i);
    const { encoding } = fitEncoding(table, [{ name: 'color', type: 'categorical' }, { name: 'y', type: 'number' }], 'y', { rows, targets: Array.from(rows), targetLabel: 'y' }, { ...options, oneHotMaxLevels: 5 });
    expect(encoding.featureNames).toEqual(['color=red', 'color=blue', 'color=(other)']);
    // red (seen), green (unseen) → other.
    expect(Array.from(encodeRows(encoding, table, [19, 20]))).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('frequency-encodes many levels with training shares; unseen levels get 0', () => {
    // Training levels a, a, b, c: three levels, more than oneHotMaxLevels = 2.
    const { table, encoding } = fit({ city: ['a', 'a', 'b', 'c', 'b', 'zzz'], y }, [{ name: 'city', type: 'categorical' }, { name: 'y', type: 'number' }], {
      oneHotMaxLevels: 2,
      scaling: 'none',
    });
    const encoder = encoding.encoders[0] as FrequencyEncoder;
    expect(Object.fromEntries(encoder.levels.map((level, i) => [level, encoder.shares[i]]))).toEqual({ a: 0.5, b: 0.25, c: 0.25 });
    // The test row 'b' must not raise b's share; 'zzz' is unseen.
    expect(Array.from(encodeRows(encoding, table, testRows))).toEqual([0.25, 0]);
  });

  it('treats listed numeric code columns as categories', () => {
    const { table, encoding } = fit({ region: [1, 2, 1, 1, 3, 2], y }, [{ name: 'region', type: 'number' }, { name: 'y', type: 'number' }], {
      categoricalColumns: ['region'],
      oneHotMaxLevels: 1,
      scaling: 'none',
    });
    // Region 2 is a level with a quarter of the training rows, not the quantity 2.
    expect(encoding.encoders[0].kind).toBe('frequency');
    expect(Array.from(encodeRows(encoding, table, [5]))).toEqual([0.25]);
  });

  it('encodes booleans as 0/1 scaled with the training rows like any number', () => {
    // Training rows: true, false, false, true -> mean 0.5, population sd 0.5.
    const columns = { weekend: [true, false, false, true, true, false], y };
    const types: ColumnInfo[] = [{ name: 'weekend', type: 'boolean' }, { name: 'y', type: 'number' }];
    const standard = fit(columns, types);
    expect(Array.from(encodeRows(standard.encoding, standard.table, testRows))).toEqual([1, -1]);
    const unscaled = fit(columns, types, { scaling: 'none' });
    expect(Array.from(encodeRows(unscaled.encoding, unscaled.table, testRows))).toEqual([1, 0]);
  });

  it('encodes timestamps as hour, day of week (Monday = 0), weekend and month in UTC, scaled on training rows', () => {
    // 2024-01-01 was a Monday; 2024-03-02 a Saturday, 2024-06-05 a Wednesday, 2024-09-07 a Saturday.
    const stamps = ['2024-01-01T06:00:00Z', '2024-03-02T12:00:00Z', '2024-06-05T18:00:00Z', '2024-09-07T00:00:00Z', '2024-12-29T23:30:00Z', null].map((text) => (text === null ? null : Date.parse(text)));
    const { table, encoding } = fit({ at: stamps, y }, [{ name: 'at', type: 'timestamp' }, { name: 'y', type: 'number' }], { scaling: 'none' });
    expect(encoding.featureNames).toEqual(['at:hour', 'at:hour_sin', 'at:hour_cos', 'at:day_of_week', 'at:weekend', 'at:month']);
    // Sunday 29 December 23:30: hour 23, half an hour before midnight on the circle, day 6, weekend, month 12.
    const circle = (hours: number) => [Math.sin((2 * Math.PI * hours) / 24), Math.cos((2 * Math.PI * hours) / 24)];
    const late = Array.from(encodeRows(encoding, table, [4]));
    expect([late[0], ...late.slice(3)]).toEqual([23, 6, 1, 12]);
    expect(late[1]).toBeCloseTo(circle(23.5)[0], 6);
    expect(late[2]).toBeCloseTo(circle(23.5)[1], 6);
    // A missing instant takes the training median's parts: midway between 2 March 12:00 and 5 June 18:00 is Friday 19 April 03:00.
    expect((encoding.encoders[0] as TimestampEncoder).median).toBe(Date.parse('2024-04-19T03:00:00Z'));
    const imputed = Array.from(encodeRows(encoding, table, [5]));
    expect([imputed[0], ...imputed.slice(3)]).toEqual([3, 4, 0, 4]);
    expect(imputed[1]).toBeCloseTo(circle(3)[0], 6);
  });

  it('leaves out a timestamp part that is constant in the training rows, such as the hour of a date', () => {
    const days = ['2024-01-01', '2024-02-03', '2024-03-06', '2024-04-10', '2024-05-01', '2024-06-01'].map((text) => Date.parse(text));
    const { encoding } = fit({ day: days, y }, [{ name: 'day', type: 'timestamp' }, { name: 'y', type: 'number' }]);
    expect(encoding.featureNames).toEqual(['day:day_of_week', 'day:weekend', 'day:month']);
  });

  it('leaves out identifiers, text, constants and excluded columns, each with a reason', () => {
    const { skipped, encoding } = fit(
      { id: ['a', 'b', 'c', 'd', 'e', 'f'], note: ['x', 'y', 'z', 'w', 'v', 'u'], flat: [7, 7, 7, 7, 1, 2], gone: [1, 2, 3, 4, 5, 6], keep: [1, 2, 3, 4, 5, 6], y },
      [
        { name: 'id', type: 'identifier' },
        { name: 'note', type: 'text' },
        { name: 'flat', type: 'number' },
        { name: 'gone', type: 'number' },
        { name: 'keep', type: 'number' },
        { name: 'y', type: 'number' },
      ],
      { exclude: ['gone'] },
    );
    expect(encoding.featureNames).toEqual(['keep']);
    expect(skipped.map((item) => item.column)).toEqual(['id', 'note', 'flat', 'gone']);
    expect(skipped[2].reason).toContain('constant');
  });

  it('applies log1p and signed-log before imputation and scaling', () => {
    const { table, encoding } = fit({ views: [0, 9, 99, null, 999, null], change: [-9, 0, 9, 99, -99, 3], y }, [
      { name: 'views', type: 'number' },
      { name: 'change', type: 'number' },
      { name: 'y', type: 'number' },
    ], { scaling: 'none', log1pColumns: ['views'], signedLogColumns: ['change'] });
    // Training views log1p: 0, ln 10, ln 100 → median ln 10 fills the gap.
    expect(Array.from(encodeRows(encoding, table, [4, 5]))).toEqual([Math.log(1000), 0, -Math.log(100), Math.fround(Math.log(10)), 1, Math.fround(Math.log1p(3))].map(Math.fround));
    expect(encoding.featureNames).toEqual(['views', 'views:missing', 'change']);
  });

  it('names the column when log1p meets a negative value, in training or later rows', () => {
    const types: ColumnInfo[] = [{ name: 'delta', type: 'number' }, { name: 'y', type: 'number' }];
    expect(() => fit({ delta: [1, -2, 3, 4, 5, 6], y }, types, { log1pColumns: ['delta'] })).toThrow("Column 'delta' has a negative value (-2), so log1p is undefined for it: list it under signed-log instead");
    const { table, encoding } = fit({ delta: [1, 2, 3, 4, -5, 6], y }, types, { log1pColumns: ['delta'] });
    expect(() => encodeRows(encoding, table, testRows)).toThrow("Column 'delta' has a negative value (-5)");
  });

  it('reports a column the fitted encoding needs but a new table lacks', () => {
    const { encoding } = fit({ amount: [1, 2, 3, 4, 5, 6], y }, [{ name: 'amount', type: 'number' }, { name: 'y', type: 'number' }]);
    expect(() => encodeRows(encoding, aq.table({ other: [1] }), [0])).toThrow("Column 'amount' is missing");
  });
});
