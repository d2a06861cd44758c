import { describe, expect, it } from 'vitest';
import { selectRows } from '../../../src/core/segment/points';
import { sampleRows } from '../../../src/core/segment/sample-rows';
import { silhouetteScores } from '../../../src/core/segment/silhouette';
import { blobs, pointsOf } from './blobs';

describe('silhouette', () => {
  it('matches a hand computation on four points in one dimension', async () => {
    // 0 and 1 vs 4 and 5: the outer points score (4.5 − 1)/4.5, the inner ones (3.5 − 1)/3.5.
    const [score] = await silhouetteScores(pointsOf([[0], [1], [4], [5]]), [{ labels: [0, 0, 1, 1], k: 2 }]);
    expect(score).toBeCloseTo((3.5 / 4.5 + 2.5 / 3.5) / 2, 12);
  });

  it('scores a lone point 0, as scikit-learn does', async () => {
    // sklearn.metrics.silhouette_score(X, labels) = 0.7163280643624282
    const points = pointsOf([[0, 0], [0, 1], [1, 0], [5, 5], [5, 6], [6, 5], [10, 0]]);
    const [score] = await silhouetteScores(points, [{ labels: [0, 0, 0, 1, 1, 1, 2], k: 3 }]);
    expect(score).toBeCloseTo(0.7163280643624282, 12);
  });

  it('scores several labellings of the same rows at once, each as scikit-learn does', async () => {
    const points = pointsOf([[1, 2, 0.5], [1.5, 1.8, 0.2], [5, 8, 1], [8, 8, 2], [1, 0.6, 0.3], [9, 11, 2.5], [8, 2, 1], [10, 2, 0], [9, 3, 1]]);
    const scores = await silhouetteScores(points, [
      { labels: [0, 0, 1, 1, 0, 1, 2, 2, 2], k: 3 },
      { labels: [0, 1, 0, 1, 0, 1, 0, 1, 0], k: 2 },
      // Cluster labels need not all occur: k = 4 with label 3 unused scores as the first.
      { labels: [0, 0, 1, 1, 0, 1, 2, 2, 2], k: 4 },
    ]);
    expect(scores[0]).toBeCloseTo(0.6915965456757345, 12);
    expect(scores[1]).toBeCloseTo(-0.029848802860966576, 12);
    expect(scores[2]).toBeCloseTo(0.6915965456757345, 12);
  });

  it('is null with a single cluster', async () => {
    expect(await silhouetteScores(pointsOf([[0], [1], [2]]), [{ labels: [1, 1, 1], k: 2 }])).toEqual([null]);
  });

  it('estimates on a seeded sample close to the exact score', async () => {
    const { points, truth } = blobs([[0, 0], [3, 0], [0, 3]], 700, 1);
    const [exact] = await silhouetteScores(points, [{ labels: truth, k: 3 }]);
    const rows = sampleRows(points.rows, 600, 9);
    const [estimate] = await silhouetteScores(selectRows(points, rows), [{ labels: Array.from(rows, (row) => truth[row]), k: 3 }]);
    expect(estimate).toBeCloseTo(exact!, 1);
  });
});
