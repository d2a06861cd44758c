import { describe, expect, it } from 'vitest';
import { backTransformPredictions, checkTargetTransform, smearingFactor, targetLabel, transformTarget } from '../../../src/core/encode/target-transform';

describe('target transform', () => {
  it('trains on log1p of the target and leaves it alone for none', () => {
    const values = Float32Array.from([0, 9, 99]);
    expect(Array.from(transformTarget(values, 'log1p'))).toEqual([0, Math.fround(Math.log(10)), Math.fround(Math.log(100))]);
    expect(transformTarget(values, 'none')).toBe(values);
    expect(targetLabel('PageValues', 'log1p')).toBe('log1p(PageValues)');
  });

  it('refuses a negative target for log1p, naming the column', () => {
    expect(() => checkTargetTransform('profit', [3, -1], 'log1p')).toThrow("Target column 'profit' has a negative value (-1)");
    expect(() => checkTargetTransform('profit', [3, -1], 'none')).not.toThrow();
  });

  it('estimates Duan’s smearing factor as the mean of exp(residual)', () => {
    // Residuals ln 2 and −ln 2: (2 + 0.5) / 2.
    expect(smearingFactor([Math.log(2), 0], [0, Math.log(2)])).toBeCloseTo(1.25, 12);
    expect(smearingFactor([1, 2], [1, 2])).toBe(1);
  });

  it('maps predictions back as smearing · exp(p) − 1', () => {
    const predictions = Float32Array.from([0, Math.log(10)]);
    expect(Array.from(backTransformPredictions(predictions, 'log1p', 1.5))).toEqual([0.5, Math.fround(1.5 * Math.exp(Math.fround(Math.log(10))) - 1)]);
    expect(Array.from(backTransformPredictions(Float32Array.from([2, 3]), 'none', 1.5))).toEqual([2, 3]);
  });
});
