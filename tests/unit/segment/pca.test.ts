import { describe, expect, it } from 'vitest';
import { fitPca, projectRows } from '../../../src/core/segment/pca';
import { symmetricEigen } from '../../../src/core/segment/symmetric-eigen';
import { pointsOf } from './blobs';

describe('symmetric eigen-decomposition', () => {
  it('finds the eigenpairs of a known matrix', () => {
    // [[2, 1], [1, 2]]: 3 along (1, 1)/√2 and 1 along (1, −1)/√2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0][0] * vectors[0][1]).toBeGreaterThan(0);
    expect(vectors[1][0] * vectors[1][1]).toBeLessThan(0);
  });

  it('rebuilds a 4 × 4 matrix from its eigenpairs', () => {
    const matrix = [4, 1, 0.5, 0, 1, 3, 0.2, 0.1, 0.5, 0.2, 2, 0.7, 0, 0.1, 0.7, 1];
    const { values, vectors } = symmetricEigen(Float64Array.from(matrix), 4);
    for (let p = 0; p < 4; p++) {
      for (let q = 0; q < 4; q++) {
        const rebuilt = values.reduce((sum, value, i) => sum + value * vectors[i][p] * vectors[i][q], 0);
        expect(rebuilt).toBeCloseTo(matrix[p * 4 + q], 10);
      }
    }
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});

describe('PCA', () => {
  // (±3, 0) and (0, ±1), rotated by 30°: covariance (n − 1 = 3) has variance 6 along the rotated
  // x axis and 2/3 along the rotated y axis, so PC1 holds 6 / (6 + 2/3) = 90% of the variance.
  const angle = Math.PI / 6;
  const rotate = ([x, y]: number[]) => [x * Math.cos(angle) - y * Math.sin(angle) + 10, x * Math.sin(angle) + y * Math.cos(angle) - 5];
  const points = pointsOf([[3, 0], [-3, 0], [0, 1], [0, -1]].map(rotate));

  it('finds the components and variances of a known covariance', () => {
    const fit = fitPca(points, 2);
    expect(fit.explainedVariance[0]).toBeCloseTo(6, 12);
    expect(fit.explainedVariance[1]).toBeCloseTo(2 / 3, 12);
    expect(fit.explainedVarianceRatio[0]).toBeCloseTo(0.9, 12);
    expect(fit.explainedVarianceRatio[1]).toBeCloseTo(0.1, 12);
    expect(Array.from(fit.components[0]).map((value) => Math.abs(value))).toEqual([expect.closeTo(Math.cos(angle), 12), expect.closeTo(Math.sin(angle), 12)]);
    expect(Array.from(fit.means)).toEqual([expect.closeTo(10, 12), expect.closeTo(-5, 12)]);
  });

  it('projects rows onto the centred components', () => {
    const fit = fitPca(points, 2);
    const projected = projectRows(points, [0, 2], fit);
    expect(Math.abs(projected[0])).toBeCloseTo(3, 12);
    expect(projected[1]).toBeCloseTo(0, 12);
    expect(projected[2]).toBeCloseTo(0, 12);
    expect(Math.abs(projected[3])).toBeCloseTo(1, 12);
  });

  it('signs each component so its largest loading is positive', () => {
    const fit = fitPca(points, 2);
    for (const component of fit.components) {
      const largest = Array.from(component).reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
      expect(largest).toBeGreaterThan(0);
    }
  });
});
