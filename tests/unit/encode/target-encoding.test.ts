import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { encodeRows, encodeTrainingRows, fitEncoding } from '../../../src/core/encode/encoding';
import { fitTargetEncoding, type TargetEncodingOptions } from '../../../src/core/encode/target-encoding';
import { encodingOptions } from './options';

const options: TargetEncodingOptions = { folds: 2, smoothing: 1, seed: 9, scaling: 'none', targetLabel: 'value' };
const cities = ['a', 'a', 'a', 'b', 'b', 'b', 'a', 'b'];
const targets = [1, 2, 3, 10, 20, 30, 4, 40];
const rows = Uint32Array.from(cities.keys());

describe('out-of-fold target encoding', () => {
  it('encodes each training row with the other rows only when every row is its own fold', () => {
    // Leave-one-out: row 0 (a, 1) sees a → 2, 3, 4 (sum 9, 3 rows) and a prior of (110 − 1) / 7.
    const fitted = fitTargetEncoding('city', cities, rows, targets, { ...options, folds: 8 });
    if (typeof fitted === 'string') throw new Error(fitted);
    const total = targets.reduce((sum, value) => sum + value, 0);
    cities.forEach((city, i) => {
      const same = cities.map((other, j) => (other === city && j !== i ? targets[j] : null)).filter((value) => value !== null);
      const prior = (total - targets[i]) / 7;
      const sum = same.reduce((acc, value) => acc + value, 0);
      expect(fitted.outOfFold[i]).toBeCloseTo((sum + prior) / (same.length + 1), 12);
    });
  });

  it('never lets a row’s own target reach its encoding', () => {
    const fitted = fitTargetEncoding('city', cities, rows, targets, options);
    const shifted = fitTargetEncoding('city', cities, rows, targets.map((value, i) => (i === 0 ? 1000 : value)), options);
    if (typeof fitted === 'string' || typeof shifted === 'string') throw new Error('expected a fit');
    expect(shifted.outOfFold[0]).toBe(fitted.outOfFold[0]);
    // Some other row of city a is in the other fold and does see it.
    expect(Array.from(shifted.outOfFold)).not.toEqual(Array.from(fitted.outOfFold));
  });

  it('uses the smoothed all-training table for new rows, with the training mean for an unseen level', () => {
    const fitted = fitTargetEncoding('city', cities, rows, targets, options);
    if (typeof fitted === 'string') throw new Error(fitted);
    // a: 1, 2, 3, 4 (sum 10); b: 10, 20, 30, 40 (sum 100); prior 110 / 8 = 13.75; m = 1.
    const table = Object.fromEntries(fitted.encoder.levels.map((level, i) => [level, fitted.encoder.encodings[i]]));
    expect(table).toEqual({ a: (10 + 13.75) / 5, b: (100 + 13.75) / 5 });
    expect(fitted.encoder.prior).toBe(13.75);
  });

  it('deals the same folds for the same seed and others for another seed', () => {
    const first = fitTargetEncoding('city', cities, rows, targets, options);
    const again = fitTargetEncoding('city', cities, rows, targets, options);
    const reseeded = [1, 2, 3, 4, 5].map((seed) => fitTargetEncoding('city', cities, rows, targets, { ...options, seed }));
    if (typeof first === 'string' || typeof again === 'string') throw new Error('expected a fit');
    expect(Array.from(again.outOfFold)).toEqual(Array.from(first.outOfFold));
    expect(reseeded.some((fit) => typeof fit !== 'string' && Array.from(fit.outOfFold).join() !== Array.from(first.outOfFold).join())).toBe(true);
  });

  it('skips a column with one level and refuses more folds than training rows', () => {
    expect(fitTargetEncoding('city', Array(8).fill('a'), rows, targets, options)).toBe('constant in the training rows');
    expect(() => fitTargetEncoding('city', cities, rows.subarray(0, 3), targets, { ...options, folds: 5 })).toThrow("Target encoding of 'city' needs at least one training row per fold (5 folds); it has 3");
  });
});

describe('target encoding inside an encoding', () => {
  const withTargetEncoding = encodingOptions({ scaling: 'none', targetEncodeColumns: ['city'], targetEncodingFolds: 2, targetEncodingSmoothing: 1, seed: 9 });
  // Rows 8 and 9 are test rows: city 'zzz' never appears in training, and a missing city.
  const table = aq.table({ city: [...cities, 'zzz', null], value: [...targets, 0, 0] });
  const training = { rows, targets, targetLabel: 'value' };
  const fit = fitEncoding(table, [{ name: 'city', type: 'categorical' }, { name: 'value', type: 'number' }], 'value', training, withTargetEncoding);

  it('names the feature and says where it comes from', () => {
    expect(fit.features).toEqual([{ name: 'te(city)', column: 'city', encoding: expect.stringContaining('out-of-fold over 2 folds') }]);
    expect(fit.features[0].encoding).toContain('mean value per level');
  });

  it('gives training rows their out-of-fold values and other rows the full table', () => {
    const direct = fitTargetEncoding('city', cities, rows, targets, options);
    if (typeof direct === 'string') throw new Error(direct);
    expect(Array.from(encodeTrainingRows(fit, table, training))).toEqual(Array.from(Float32Array.from(direct.outOfFold)));
    // Seen rows outside training use the full table: 'a' → 23.75 / 5.
    expect(encodeRows(fit.encoding, table, [0])[0]).toBeCloseTo(23.75 / 5, 5);
  });

  it('maps an unseen or missing level to the training mean instead of failing', () => {
    expect(Array.from(encodeRows(fit.encoding, table, [8, 9]))).toEqual([13.75, 13.75]);
  });
});
