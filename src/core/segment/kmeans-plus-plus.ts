import type { Random } from '../random';
import { squaredDistance, type Points } from './points';

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

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, as scikit-learn runs it): each next center is
 * the best of 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared distance to
 * the nearest center so far, "best" meaning the one that lowers the total squared distance most.
 * Returns k centers, row-major.
 */
export function kMeansPlusPlus(points: Points, k: number, random: Random): Float64Array {
  const { values, rows, dims } = points;
  const centers = new Float64Array(k * dims);
  const localTrials = 2 + Math.floor(Math.log(k));
  const first = random.int(rows);
  centers.set(values.subarray(first * dims, (first + 1) * dims), 0);

  let closest = new Float64Array(rows);
  for (let i = 0; i < rows; i++) closest[i] = squaredDistance(values, i * dims, centers, 0, dims);
  const cumulative = new Float64Array(rows);
  let candidateClosest = new Float64Array(rows);
  let bestClosest = new Float64Array(rows);

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < rows; i++) {
      running += closest[i];
      cumulative[i] = running;
    }
    let bestRow = -1;
    let bestPotential = Infinity;
    for (let trial = 0; trial < localTrials; trial++) {
      // With every row on a center already (potential 0), any row will do: duplicates cannot be spread.
      const candidate = running > 0 ? searchCumulative(cumulative, random.next() * running) : random.int(rows);
      let candidatePotential = 0;
      const candidateOffset = candidate * dims;
      for (let i = 0; i < rows; i++) {
        // Written out: this pass over every row is the cost of k-means++, and the inlined form runs about twice as fast.
        let distance = 0;
        for (let j = 0; j < dims; j++) {
          const difference = values[i * dims + j] - values[candidateOffset + j];
          distance += difference * difference;
        }
        distance = Math.min(closest[i], distance);
        candidateClosest[i] = distance;
        candidatePotential += distance;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestRow = candidate;
        [bestClosest, candidateClosest] = [candidateClosest, bestClosest];
      }
    }
    centers.set(values.subarray(bestRow * dims, (bestRow + 1) * dims), c * dims);
    [closest, bestClosest] = [bestClosest, closest];
  }
  return centers;
}
