import { selectRows, squaredDistance, type Points } from './points';

/**
 * Silhouette scoring on a fixed set of rows: the pairwise distances are computed once and reused
 * for every labelling (each k of an elbow scan), which makes scoring k = 2..8 cost little more than one.
 * On more rows than the sample holds, the score is an estimate over a seeded sample, as
 * scikit-learn's `silhouette_score(sample_size=...)` gives.
 */
export interface SilhouetteSample {
  /** The sampled rows' indices into the points, ascending. */
  rows: Uint32Array;
  /** True when every row is in the sample, so the score is exact. */
  exact: boolean;
  /**
   * Mean silhouette over the sampled rows, given each sampled row's label (0..k-1); a row alone in
   * its cluster scores 0. Null when fewer than two clusters occur among the sampled rows.
   */
  score(labels: ArrayLike<number>, k: number): number | null;
}

export function silhouetteSample(points: Points, rows: Uint32Array): SilhouetteSample {
  const sample = selectRows(points, rows);
  const m = sample.rows;
  // Condensed upper triangle: m(m − 1)/2 distances, about 36 MB for 3,000 rows.
  const distances = new Float64Array((m * (m - 1)) / 2);
  let pair = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) distances[pair++] = Math.sqrt(squaredDistance(sample.values, i * sample.dims, sample.values, j * sample.dims, sample.dims));
  }
  return {
    rows,
    exact: m === points.rows,
    score(labels, k) {
      if (labels.length !== m) throw new Error(`silhouette: ${labels.length} labels for ${m} sampled rows`);
      const counts = new Float64Array(k);
      for (let i = 0; i < m; i++) counts[labels[i]] += 1;
      if (counts.filter((count) => count > 0).length < 2) return null;
      // sums[i·k + c]: total distance from row i to the rows of cluster c.
      const sums = new Float64Array(m * k);
      let at = 0;
      for (let i = 0; i < m; i++) {
        const labelI = labels[i];
        for (let j = i + 1; j < m; j++) {
          const distance = distances[at++];
          sums[i * k + labels[j]] += distance;
          sums[j * k + labelI] += distance;
        }
      }
      let total = 0;
      for (let i = 0; i < m; i++) {
        const own = labels[i];
        if (counts[own] < 2) continue;
        const within = sums[i * k + own] / (counts[own] - 1);
        let nearest = Infinity;
        for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) nearest = Math.min(nearest, sums[i * k + c] / counts[c]);
        const spread = Math.max(within, nearest);
        total += spread > 0 ? (nearest - within) / spread : 0;
      }
      return total / m;
    },
  };
}
