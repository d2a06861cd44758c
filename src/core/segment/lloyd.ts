import { nearestCenters, type NearestCenters } from './nearest-centers';
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
 * Per-row state of Hamerly's bounds (Hamerly 2010): an upper bound on the distance to the row's
 * own center and a lower bound on the distance to any other, so a row whose upper bound is below
 * both its lower bound and half the distance from its center to the nearest other center cannot
 * change cluster and is skipped. The result is Lloyd's, without most of its distance computations.
 *
 * The bounds are stored net of the centers' summed moves (`drift`, `otherDrift`) rather than
 * loosened row by row after every update: a skipped row then costs three reads and no write.
 */
interface Assignment {
  labels: Int32Array;
  /**
   * Per row, side by side (one cache line for both): upper bound − drift[own], and
   * lower bound + otherDrift[own], where `own` is the row's cluster when they were set.
   */
  bounds: Float64Array;
  /** How far each center has moved, summed over the iterations. */
  drift: Float64Array;
  /** Per cluster, the largest move among the other centers, summed over the iterations: what its rows' lower bounds lose. */
  otherDrift: Float64Array;
  /** Running per-cluster sums of the rows and their counts, moved as rows change cluster. */
  sums: Float64Array;
  counts: Float64Array;
}

/**
 * Every distance from row i to the centers, reusing `knownSquared` for cluster `known` (−1 for
 * none): labels the row with the nearest (the first on a tie, as a plain scan) and resets its bounds.
 */
function scanRow(values: Float64Array, i: number, dims: number, centers: Float64Array, k: number, known: number, knownSquared: number, state: Assignment): void {
  const offset = i * dims;
  let best = 0;
  let bestDistance = Infinity;
  let secondDistance = Infinity;
  for (let c = 0; c < k; c++) {
    let distance = knownSquared;
    if (c !== known) {
      // Written out rather than calling squaredDistance: this loop is most of k-means' time, and the inlined form runs about twice as fast.
      const centerOffset = c * dims;
      distance = 0;
      for (let j = 0; j < dims; j++) {
        const difference = values[offset + j] - centers[centerOffset + j];
        distance += difference * difference;
      }
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
  state.bounds[2 * i] = Math.sqrt(bestDistance) - state.drift[best];
  state.bounds[2 * i + 1] = Math.sqrt(secondDistance) + state.otherDrift[best];
}

function moveRow(points: Points, i: number, from: number, to: number, state: Assignment): void {
  const { values, dims } = points;
  state.counts[from] -= 1;
  for (let j = 0; j < dims; j++) state.sums[from * dims + j] -= values[i * dims + j];
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
  const { labels, bounds, drift, otherDrift } = state;
  const gaps = halfGaps(centers, k, dims);
  let changed = 0;
  let streamed = 0;
  for (let i = 0; i < rows; i++) {
    const offset = i * dims;
    // One read of every row, skipped or not, keeps the rows streaming through the cache in order,
    // so the scattered rows that do need distances are there when wanted: on a million rows the
    // pass runs about a fifth faster than when only those rows are read.
    streamed += values[offset];
    const own = labels[i];
    const bound = Math.max(gaps[own], bounds[2 * i + 1] - otherDrift[own]);
    if (bounds[2 * i] + drift[own] <= bound) continue;
    const centerOffset = own * dims;
    let squared = 0;
    for (let j = 0; j < dims; j++) {
      const difference = values[offset + j] - centers[centerOffset + j];
      squared += difference * difference;
    }
    if (squared <= bound * bound) {
      bounds[2 * i] = Math.sqrt(squared) - drift[own];
      continue;
    }
    scanRow(values, i, dims, centers, k, own, squared, state);
    if (labels[i] !== own) {
      moveRow(points, i, own, labels[i], state);
      changed += 1;
    }
  }
  // Kept where the engine cannot see it unused, or it would drop the reads above.
  streamedSink = streamed;
  return changed;
}

let streamedSink = 0;

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
    state.bounds[2 * row] = Infinity;
    state.bounds[2 * row + 1] = -Infinity;
  }
}

/** Centers = means of their rows; adds each center's move to the drifts that loosen the bounds. Returns the total squared shift. */
function updateCenters(dims: number, previous: Float64Array, next: Float64Array, k: number, state: Assignment): number {
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
  let largest = 0;
  let secondLargest = 0;
  for (let c = 1; c < k; c++) {
    if (moved[c] > moved[largest]) {
      secondLargest = largest;
      largest = c;
    } else if (secondLargest === largest || moved[c] > moved[secondLargest]) {
      secondLargest = c;
    }
  }
  for (let c = 0; c < k; c++) {
    state.drift[c] += moved[c];
    if (k > 1) state.otherDrift[c] += moved[c === largest ? secondLargest : largest];
  }
  return shift;
}

/**
 * Lloyd's iterations from the given centers, stopping as scikit-learn's KMeans does: when no
 * label changes, or when the centers moved less than the tolerance in total (then the labels are
 * brought in line with the final centers). `start` is the rows' first assignment to these centers
 * when the caller has it (k-means++ does). `checkpoint` runs between iterations, e.g. to yield.
 */
export async function lloyd(
  points: Points,
  initialCenters: Float64Array,
  k: number,
  options: LloydOptions,
  checkpoint: () => Promise<void>,
  start: NearestCenters = nearestCenters(points, initialCenters, k),
): Promise<KMeansFit> {
  const { values, rows, dims } = points;
  let centers = Float64Array.from(initialCenters);
  let nextCenters = new Float64Array(centers.length);
  const state: Assignment = {
    labels: start.labels,
    bounds: new Float64Array(2 * rows),
    drift: new Float64Array(k),
    otherDrift: new Float64Array(k),
    sums: new Float64Array(k * dims),
    counts: new Float64Array(k),
  };
  for (let i = 0; i < rows; i++) {
    const own = start.labels[i];
    state.bounds[2 * i] = Math.sqrt(start.nearest[i]);
    state.bounds[2 * i + 1] = Math.sqrt(start.secondNearest[i]);
    state.counts[own] += 1;
    for (let j = 0; j < dims; j++) state.sums[own * dims + j] += values[i * dims + j];
  }
  let changed = rows;
  let iterations = 0;
  let converged = false;
  let labelsMatchCenters = false;
  for (;;) {
    relocateEmpty(points, centers, k, state);
    const shift = updateCenters(dims, centers, nextCenters, k, state);
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
  // Stopped on the shift: the labels follow the final centers (the bounds still hold for them).
  if (!labelsMatchCenters) assignWithBounds(points, centers, k, state);
  return { centers, labels: state.labels, inertia: totalSquaredDistance(points, centers, state.labels), iterations, converged };
}

function totalSquaredDistance(points: Points, centers: Float64Array, labels: Int32Array): number {
  const { values, rows, dims } = points;
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += squaredDistance(values, i * dims, centers, labels[i] * dims, dims);
  return sum;
}
