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
 * Per-row state of Hamerly's bounds (Hamerly 2010): `upper` is at least the distance to the row's
 * own center and `lower` at most the distance to any other, so a row whose upper bound is below
 * both its lower bound and half the distance from its center to the nearest other center cannot
 * change cluster and is skipped. The result is Lloyd's, without most of its distance computations.
 */
interface Assignment {
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  /** Running per-cluster sums of the rows and their counts, moved as rows change cluster. */
  sums: Float64Array;
  counts: Float64Array;
}

/** Every distance from row i to the centers: labels it with the nearest and resets its bounds. */
function scanRow(points: Points, i: number, centers: Float64Array, k: number, state: Assignment): void {
  const { values, dims } = points;
  const offset = i * dims;
  let best = 0;
  let bestDistance = Infinity;
  let secondDistance = Infinity;
  for (let c = 0; c < k; c++) {
    // Written out rather than calling squaredDistance: this loop is most of k-means' time, and the inlined form runs about twice as fast.
    const centerOffset = c * dims;
    let distance = 0;
    for (let j = 0; j < dims; j++) {
      const difference = values[offset + j] - centers[centerOffset + j];
      distance += difference * difference;
    }
    if (distance < bestDistance) {
      secondDistance = bestDistance;
      bestDistance = distance;
      best = c;
    } else if (distance < secondDistance) {
      secondDistance = distance;
    }
  }
  state.labels[i] = best;
  state.upper[i] = Math.sqrt(bestDistance);
  state.lower[i] = Math.sqrt(secondDistance);
}

function moveRow(points: Points, i: number, from: number, to: number, state: Assignment): void {
  const { values, dims } = points;
  if (from >= 0) {
    state.counts[from] -= 1;
    for (let j = 0; j < dims; j++) state.sums[from * dims + j] -= values[i * dims + j];
  }
  state.counts[to] += 1;
  for (let j = 0; j < dims; j++) state.sums[to * dims + j] += values[i * dims + j];
}

/** Half the distance from each center to its nearest other center: a row closer than that to its own center stays. */
function halfGaps(centers: Float64Array, k: number, dims: number): Float64Array {
  const gaps = new Float64Array(k).fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const half = Math.sqrt(squaredDistance(centers, a * dims, centers, b * dims, dims)) / 2;
      gaps[a] = Math.min(gaps[a], half);
      gaps[b] = Math.min(gaps[b], half);
    }
  }
  return gaps;
}

/** Labels every row by the bounds, scanning only the rows that may have moved; returns how many changed cluster. */
function assignWithBounds(points: Points, centers: Float64Array, k: number, state: Assignment): number {
  const { values, rows, dims } = points;
  const gaps = halfGaps(centers, k, dims);
  let changed = 0;
  for (let i = 0; i < rows; i++) {
    const own = state.labels[i];
    const bound = Math.max(gaps[own], state.lower[i]);
    if (state.upper[i] <= bound) continue;
    state.upper[i] = Math.sqrt(squaredDistance(values, i * dims, centers, own * dims, dims));
    if (state.upper[i] <= bound) continue;
    scanRow(points, i, centers, k, state);
    if (state.labels[i] !== own) {
      moveRow(points, i, own, state.labels[i], state);
      changed += 1;
    }
  }
  return changed;
}

/**
 * An empty cluster takes the row farthest from its center, which leaves its cluster (as in
 * scikit-learn), so k clusters stay k. The moved row's bounds are reset so the next pass scans it.
 */
function relocateEmpty(points: Points, centers: Float64Array, k: number, state: Assignment): void {
  const { values, rows, dims } = points;
  const empty = [];
  for (let c = 0; c < k; c++) if (state.counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distances = Float64Array.from({ length: rows }, (_, i) => squaredDistance(values, i * dims, centers, state.labels[i] * dims, dims));
  const taken = new Set<number>();
  for (const cluster of empty) {
    const row = farthestRow(distances, taken);
    taken.add(row);
    moveRow(points, row, state.labels[row], cluster, state);
    state.labels[row] = cluster;
    state.upper[row] = Infinity;
    state.lower[row] = 0;
  }
}

/** Centers = means of their rows; loosens every row's bounds by how far the centers moved. Returns the total squared shift. */
function updateCenters(points: Points, previous: Float64Array, next: Float64Array, k: number, state: Assignment): number {
  const { rows, dims } = points;
  const moved = new Float64Array(k);
  let shift = 0;
  for (let c = 0; c < k; c++) {
    let squared = 0;
    for (let j = 0; j < dims; j++) {
      next[c * dims + j] = state.sums[c * dims + j] / state.counts[c];
      const step = next[c * dims + j] - previous[c * dims + j];
      squared += step * step;
    }
    moved[c] = Math.sqrt(squared);
    shift += squared;
  }
  // A row's lower bound drops by the largest move among the other centers.
  let largest = 0;
  let secondLargest = 0;
  for (let c = 1; c < k; c++) {
    if (moved[c] > moved[largest]) {
      secondLargest = largest;
      largest = c;
    } else if (c !== largest && moved[c] > moved[secondLargest]) {
      secondLargest = c;
    }
  }
  if (k === 1) secondLargest = -1;
  for (let i = 0; i < rows; i++) {
    const own = state.labels[i];
    state.upper[i] += moved[own];
    const other = own === largest ? secondLargest : largest;
    if (other >= 0) state.lower[i] -= moved[other];
  }
  return shift;
}

/**
 * Lloyd's iterations from the given centers, stopping as scikit-learn's KMeans does: when no
 * label changes, or when the centers moved less than the tolerance in total (then the labels are
 * brought in line with the final centers). `checkpoint` runs between iterations, e.g. to yield.
 */
export async function lloyd(points: Points, initialCenters: Float64Array, k: number, options: LloydOptions, checkpoint: () => Promise<void>): Promise<KMeansFit> {
  const { rows, dims } = points;
  let centers = Float64Array.from(initialCenters);
  let nextCenters = new Float64Array(centers.length);
  const state: Assignment = {
    labels: new Int32Array(rows).fill(-1),
    upper: new Float64Array(rows),
    lower: new Float64Array(rows),
    sums: new Float64Array(k * dims),
    counts: new Float64Array(k),
  };
  for (let i = 0; i < rows; i++) {
    scanRow(points, i, centers, k, state);
    moveRow(points, i, -1, state.labels[i], state);
  }
  let changed = rows;
  let iterations = 0;
  let converged = false;
  let labelsMatchCenters = false;
  for (;;) {
    relocateEmpty(points, centers, k, state);
    const shift = updateCenters(points, centers, nextCenters, k, state);
    [centers, nextCenters] = [nextCenters, centers];
    iterations += 1;
    if (changed === 0) {
      // The centers are the means of these very labels: nothing more can change.
      converged = true;
      labelsMatchCenters = true;
      break;
    }
    if (shift <= options.shiftTolerance) {
      converged = true;
      break;
    }
    if (iterations >= options.maxIterations) break;
    await checkpoint();
    changed = assignWithBounds(points, centers, k, state);
  }
  const { labels } = state;
  const inertia = labelsMatchCenters ? totalSquaredDistance(points, centers, labels) : assignNearest(points, centers, k, labels);
  return { centers, labels, inertia, iterations, converged };
}

function totalSquaredDistance(points: Points, centers: Float64Array, labels: Int32Array): number {
  const { values, rows, dims } = points;
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += squaredDistance(values, i * dims, centers, labels[i] * dims, dims);
  return sum;
}
