import type { KMeansFit } from './lloyd';

/**
 * The same clustering with clusters numbered by size, largest first (ties by first row), so
 * "Segment 1" is the largest whatever order the restarts found the clusters in.
 */
export function orderBySize(fit: KMeansFit, k: number, dims: number): KMeansFit {
  const sizes = new Float64Array(k);
  const firstRow = new Float64Array(k).fill(Infinity);
  fit.labels.forEach((label, row) => {
    sizes[label] += 1;
    firstRow[label] = Math.min(firstRow[label], row);
  });
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || firstRow[a] - firstRow[b]);
  const newIndex = new Int32Array(k);
  order.forEach((old, position) => (newIndex[old] = position));
  const centers = new Float64Array(fit.centers.length);
  order.forEach((old, position) => centers.set(fit.centers.subarray(old * dims, (old + 1) * dims), position * dims));
  return { ...fit, centers, labels: fit.labels.map((label) => newIndex[label]) };
}
