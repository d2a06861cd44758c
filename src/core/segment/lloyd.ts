import { squaredDistance, type Points } from './points';

export interface KMeansFit {
  /** k × dims, row-major. */
  centers: Float64Array;
  labels: Int32Array;
  /** Sum of squared distances of the rows to their centers. */
  inertia: number;
  iterations: number;
  /** False when `maxIterations` ran out first. */
  converged: boolean;
}

export interface LloydOptions {
  maxIterations: number;
  /** Absolute: the total squared center shift below which the fit stops. */
  shiftTolerance: number;
}

/** Labels each row with its nearest center; returns the summed squared distances. */
export function assignNearest(points: Points, centers: Float64Array, k: number, labels: Int32Array): number {
  const { values, rows, dims } = points;
  let inertia = 0;
  for (let i = 0; i < rows; i++) {
    const offset = i * dims;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      // Written out rather than calling squaredDistance: this loop is most of k-means' time, and the inlined form runs about twice as fast.
      const centerOffset = c * dims;
      let distance = 0;
      for (let j = 0; j < dims; j++) {
        const difference = values[offset + j] - centers[centerOffset + j];
        distance += difference * difference;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDistance;
  }
  return inertia;
}

function farthestRow(distances: Float64Array, taken: Set<number>): number {
  let farthest = -1;
  for (let i = 0; i < distances.length; i++) {
    if (!taken.has(i) && (farthest < 0 || distances[i] > distances[farthest])) farthest = i;
  }
  return farthest;
}

/**
 * An empty cluster takes the row farthest from its center, which leaves that row's cluster
 * (scikit-learn does the same), so k clusters stay k.
 */
function relocateEmpty(points: Points, centers: Float64Array, sums: Float64Array, counts: Float64Array, labels: Int32Array, k: number): void {
  const { values, rows, dims } = points;
  const empty = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distances = Float64Array.from({ length: rows }, (_, i) => squaredDistance(values, i * dims, centers, labels[i] * dims, dims));
  const taken = new Set<number>();
  for (const cluster of empty) {
    const row = farthestRow(distances, taken);
    taken.add(row);
    const from = labels[row];
    counts[from] -= 1;
    for (let j = 0; j < dims; j++) {
      sums[from * dims + j] -= values[row * dims + j];
      sums[cluster * dims + j] = values[row * dims + j];
    }
    counts[cluster] = 1;
  }
}

/** Centers = means of their rows; returns the total squared shift from `previous`. */
function updateCenters(points: Points, labels: Int32Array, previous: Float64Array, next: Float64Array, k: number): number {
  const { values, rows, dims } = points;
  next.fill(0);
  const counts = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const c = labels[i];
    counts[c] += 1;
    for (let j = 0; j < dims; j++) next[c * dims + j] += values[i * dims + j];
  }
  relocateEmpty(points, previous, next, counts, labels, k);
  let shift = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < dims; j++) {
      next[c * dims + j] /= counts[c];
      const moved = next[c * dims + j] - previous[c * dims + j];
      shift += moved * moved;
    }
  }
  return shift;
}

/**
 * Lloyd's iterations from the given centers, stopping as scikit-learn's KMeans does: when no
 * label changes, or when the centers moved less than the tolerance in total (then the labels are
 * brought in line with the final centers). `checkpoint` runs between iterations, e.g. to yield.
 */
export async function lloyd(points: Points, initialCenters: Float64Array, k: number, options: LloydOptions, checkpoint: () => Promise<void>): Promise<KMeansFit> {
  let centers = Float64Array.from(initialCenters);
  let nextCenters = new Float64Array(centers.length);
  const labels = new Int32Array(points.rows);
  const previousLabels = new Int32Array(points.rows).fill(-1);
  let iterations = 0;
  let converged = false;
  let labelsMatchCenters = false;
  while (iterations < options.maxIterations) {
    assignNearest(points, centers, k, labels);
    const shift = updateCenters(points, labels, centers, nextCenters, k);
    [centers, nextCenters] = [nextCenters, centers];
    iterations += 1;
    if (sameLabels(labels, previousLabels)) {
      // The centers are the means of these very labels: nothing more can change.
      converged = true;
      labelsMatchCenters = true;
      break;
    }
    if (shift <= options.shiftTolerance) {
      converged = true;
      break;
    }
    previousLabels.set(labels);
    await checkpoint();
  }
  const inertia = labelsMatchCenters ? totalSquaredDistance(points, centers, labels) : assignNearest(points, centers, k, labels);
  return { centers, labels, inertia, iterations, converged };
}

function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function totalSquaredDistance(points: Points, centers: Float64Array, labels: Int32Array): number {
  const { values, rows, dims } = points;
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += squaredDistance(values, i * dims, centers, labels[i] * dims, dims);
  return sum;
}
