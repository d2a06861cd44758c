import type { Points } from './points';

/** One clustering of the rows: each row's cluster, 0..k-1. */
export interface Labelling {
  labels: ArrayLike<number>;
  k: number;
}

/**
 * Mean silhouette of each labelling of the same rows (Rousseeuw 1987, as scikit-learn's
 * `silhouette_score`): a row alone in its cluster scores 0; null when fewer than two clusters
 * occur. Every pairwise distance is computed once and shared by all labellings, so scoring the
 * k = 2..8 of an elbow scan costs little more than scoring one; no distance matrix is kept.
 */
export async function silhouetteScores(points: Points, labellings: readonly Labelling[], checkpoint: () => Promise<void> = async () => {}): Promise<(number | null)[]> {
  const { values, rows, dims } = points;
  const count = labellings.length;
  const labels = new Int32Array(count * rows);
  // sums[offsets[l] + i·k_l + c]: total distance from row i to the rows of cluster c under labelling l.
  const offsets = new Int32Array(count);
  const ks = new Int32Array(count);
  let size = 0;
  labellings.forEach((labelling, l) => {
    if (labelling.labels.length !== rows) throw new Error(`silhouette: ${labelling.labels.length} labels for ${rows} rows`);
    labels.set(Int32Array.from(labelling.labels), l * rows);
    offsets[l] = size;
    ks[l] = labelling.k;
    size += rows * labelling.k;
  });
  const sums = new Float64Array(size);
  for (let i = 0; i < rows; i++) {
    const offset = i * dims;
    for (let j = i + 1; j < rows; j++) {
      // Written out: the pair loop is all of the cost, and the inlined form runs about twice as fast.
      let squared = 0;
      for (let q = 0; q < dims; q++) {
        const difference = values[offset + q] - values[j * dims + q];
        squared += difference * difference;
      }
      const distance = Math.sqrt(squared);
      for (let l = 0; l < count; l++) {
        const base = offsets[l];
        const k = ks[l];
        sums[base + i * k + labels[l * rows + j]] += distance;
        sums[base + j * k + labels[l * rows + i]] += distance;
      }
    }
    await checkpoint();
  }
  return labellings.map((_, l) => meanSilhouette(sums.subarray(offsets[l], offsets[l] + rows * ks[l]), labels.subarray(l * rows, (l + 1) * rows), ks[l]));
}

function meanSilhouette(sums: Float64Array, labels: Int32Array, k: number): number | null {
  const rows = labels.length;
  const counts = new Float64Array(k);
  for (let i = 0; i < rows; i++) counts[labels[i]] += 1;
  if (counts.filter((count) => count > 0).length < 2) return null;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const own = labels[i];
    if (counts[own] < 2) continue;
    const within = sums[i * k + own] / (counts[own] - 1);
    let nearest = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) nearest = Math.min(nearest, sums[i * k + c] / counts[c]);
    const spread = Math.max(within, nearest);
    total += spread > 0 ? (nearest - within) / spread : 0;
  }
  return total / rows;
}
