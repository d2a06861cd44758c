import type { Random } from '../random';
import { addCenter, noCenters, type NearestCenters } from './nearest-centers';
import type { Points } from './points';

/** Index of the first cumulative sum above `target` (binary search), clipped to the last row. */
function searchCumulative(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Rows between checks of a candidate's running total against the best so far. */
const POTENTIAL_BLOCK_ROWS = 4096;

/**
 * The total squared distance to the nearest center if the row at `candidate` joined the centers,
 * or Infinity as soon as the running total reaches `limit` (the best candidate's so far): a
 * candidate that cannot win need not be summed to the end.
 */
function potentialWith(points: Points, candidate: number, nearest: Float64Array, limit: number): number {
  const { values, rows, dims } = points;
  const candidateOffset = candidate * dims;
  let potential = 0;
  for (let blockStart = 0; blockStart < rows; blockStart += POTENTIAL_BLOCK_ROWS) {
    const blockEnd = Math.min(rows, blockStart + POTENTIAL_BLOCK_ROWS);
    for (let i = blockStart; i < blockEnd; i++) {
      // Written out: these passes over every row are the cost of k-means++, and the inlined form runs about twice as fast.
      let distance = 0;
      for (let j = 0; j < dims; j++) {
        const difference = values[i * dims + j] - values[candidateOffset + j];
        distance += difference * difference;
      }
      potential += Math.min(nearest[i], distance);
    }
    if (potential >= limit) return Infinity;
  }
  return potential;
}

export interface KMeansStart {
  /** k × dims, row-major. */
  centers: Float64Array;
  /** Every row's nearest and second-nearest center among them: Lloyd's first assignment, already made. */
  nearest: NearestCenters;
}

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, as scikit-learn runs it): each next center is
 * the best of 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared distance to
 * the nearest center so far, "best" meaning the one that lowers the total squared distance most.
 */
export function kMeansPlusPlus(points: Points, k: number, random: Random): KMeansStart {
  const { values, rows, dims } = points;
  const centers = new Float64Array(k * dims);
  const trials = 2 + Math.floor(Math.log(k));
  const nearest = noCenters(rows);
  const cumulative = new Float64Array(rows);
  let centerRow = random.int(rows);
  for (let c = 0; c < k; c++) {
    centers.set(values.subarray(centerRow * dims, (centerRow + 1) * dims), c * dims);
    const total = addCenter(points, values, centerRow * dims, c, nearest, cumulative);
    if (c === k - 1) break;
    let bestPotential = Infinity;
    for (let trial = 0; trial < trials; trial++) {
      // With every row on a center already (potential 0), any row will do: duplicates cannot be spread.
      const candidate = total > 0 ? searchCumulative(cumulative, random.next() * total) : random.int(rows);
      const potential = potentialWith(points, candidate, nearest.nearest, bestPotential);
      if (potential < bestPotential) {
        bestPotential = potential;
        centerRow = candidate;
      }
    }
  }
  return { centers, nearest };
}
