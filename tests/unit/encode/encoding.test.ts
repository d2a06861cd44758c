import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/core/cells/types';
import { encodeRows, fitEncoding, type EncodingOptions } from '../../../src/core/encode/encoding';
import type { FrequencyEncoder, NumericEncoder, OneHotEncoder, TimestampEncoder } from '../../../src/core/encode/types';

const options: EncodingOptions = { exclude: [], categoricalColumns: [], oneHotMaxLevels: 3, scaling: 'standard' };
const trainRows = Uint32Array.from([0, 1, 2, 3]);
const testRows = Uint32Array.from([4, 5]);

function fit(columns: Record<string, unknown[]>, types: ColumnInfo[], overrides: Partial<EncodingOptions> = {}) {
  const table = aq.table(columns);
  return { table, ...fitEncoding(table, types, 'y', trainRows, { ...options, ...overrides }) };
}

const y = [1, 2, 3, 4, 5, 6];

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
    const { encoding } = fitEncoding(table, [{ name: 'color', type: 'categorical' }, { name: 'y', type: 'number' }], 'y', rows, { ...options, oneHotMaxLevels: 5 });
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

  it('encodes timestamps as cyclic hour, weekday and month in UTC', () => {
    // 2024-01-01 was a Monday.
    const stamps = ['2024-01-01T06:00:00Z', '2024-03-02T12:00:00Z', '2024-06-05T18:00:00Z', '2024-09-07T00:00:00Z', '2024-01-01T06:00:00Z', '2024-01-01T06:00:00Z'].map((text) => Date.parse(text));
    const { table, encoding } = fit({ at: stamps, y }, [{ name: 'at', type: 'timestamp' }, { name: 'y', type: 'number' }]);
    expect((encoding.encoders[0] as TimestampEncoder).parts).toEqual(['hour', 'weekday', 'month']);
    const row = Array.from(encodeRows(encoding, table, [4]));
    const expected = [Math.sin((2 * Math.PI * 6) / 24), Math.cos((2 * Math.PI * 6) / 24), Math.sin((2 * Math.PI * 1) / 7), Math.cos((2 * Math.PI * 1) / 7), 0, 1];
    row.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 6));
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

  it('reports a column the fitted encoding needs but a new table lacks', () => {
    const { encoding } = fit({ amount: [1, 2, 3, 4, 5, 6], y }, [{ name: 'amount', type: 'number' }, { name: 'y', type: 'number' }]);
    expect(() => encodeRows(encoding, aq.table({ other: [1] }), [0])).toThrow("Column 'amount' is missing");
  });
});
