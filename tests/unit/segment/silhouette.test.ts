import { describe, expect, it } from 'vitest';
import { sampleRows } from '../../../src/core/segment/sample-rows';
import { silhouetteSample } from '../../../src/core/segment/silhouette';
import { blobs, pointsOf } from './blobs';

const allRows = (n: number) => sampleRows(n, n, 0);

describe('silhouette', () => {
  it('matches a hand computation on four points in one dimension', () => {
    // 0 and 1 vs 4 and 5: the outer points score (4.5 − 1)/4.5, the inner ones (3.5 − 1)/3.5.
    const points = pointsOf([[0], [1], [4], [5]]);
    expect(silhouetteSample(points, allRows(4)).score([0, 0, 1, 1], 2)).toBeCloseTo((3.5 / 4.5 + 2.5 / 3.5) / 2, 12);
  });

  it('scores a lone point 0, as scikit-learn does', () => {
    // sklearn.metrics.silhouette_score(X, labels) = 0.7163280643624282
    const points = pointsOf([[0, 0], [0, 1], [1, 0], [5, 5], [5, 6], [6, 5], [10, 0]]);
    expect(silhouetteSample(points, allRows(7)).score([0, 0, 0, 1, 1, 1, 2], 3)).toBeCloseTo(0.7163280643624282, 12);
  });

  it('matches scikit-learn in three dimensions, for good and poor labellings of the same rows', () => {
    const points = pointsOf([[1, 2, 0.5], [1.5, 1.8, 0.2], [5, 8, 1], [8, 8, 2], [1, 0.6, 0.3], [9, 11, 2.5], [8, 2, 1], [10, 2, 0], [9, 3, 1]]);
    const sample = silhouetteSample(points, allRows(9));
    expect(sample.exact).toBe(true);
    expect(sample.score([0, 0, 1, 1, 0, 1, 2, 2, 2], 3)).toBeCloseTo(0.6915965456757345, 12);
    expect(sample.score([0, 1, 0, 1, 0, 1, 0, 1, 0], 2)).toBeCloseTo(-0.029848802860966576, 12);
  });

  it('is null with a single cluster', () => {
    expect(silhouetteSample(pointsOf([[0], [1], [2]]), allRows(3)).score([1, 1, 1], 2)).toBeNull();
  });

  it('estimates on a seeded sample close to the exact score', () => {
    const { points, truth } = blobs([[0, 0], [3, 0], [0, 3]], 700, 1);
    const exact = silhouetteSample(points, allRows(points.rows)).score(truth, 3)!;
    const rows = sampleRows(points.rows, 600, 9);
    const sample = silhouetteSample(points, rows);
    expect(sample.exact).toBe(false);
    expect(rows.length).toBe(600);
    expect(sample.score(Array.from(rows, (row) => truth[row]), 3)).toBeCloseTo(exact, 1);
  });
});
