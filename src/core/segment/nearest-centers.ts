import type { Points } from './points';

/** Per row: its nearest center (the first on a tie) and its squared distances to the nearest and the second-nearest center. */
export interface NearestCenters {
  labels: Int32Array;
  nearest: Float64Array;
  secondNearest: Float64Array;
}

/** No centers yet: every distance infinite. */
export function noCenters(rows: number): NearestCenters {
  return { labels: new Int32Array(rows), nearest: new Float64Array(rows).fill(Infinity), secondNearest: new Float64Array(rows).fill(Infinity) };
}

/**
 * Takes one more center (`label`, the row of `source` at `sourceOffset`) into every row's nearest
 * and second-nearest; returns the total of the nearest squared distances, and with `cumulative`
 * also their running sums. Adding the centers in order gives what a full scan of each row would.
 */
export function addCenter(points: Points, source: Float64Array, sourceOffset: number, label: number, state: NearestCenters, cumulative?: Float64Array): number {
  const { values, rows, dims } = points;
  const { labels, nearest, secondNearest } = state;
  let running = 0;
  for (let i = 0; i < rows; i++) {
    // Written out rather than calling squaredDistance: a pass over every row per center, and the inlined form runs about twice as fast.
    let distance = 0;
    for (let j = 0; j < dims; j++) {
      const difference = values[i * dims + j] - source[sourceOffset + j];
      distance += difference * difference;
    }
    if (distance < nearest[i]) {
      secondNearest[i] = nearest[i];
      nearest[i] = distance;
      labels[i] = label;
    } else if (distance < secondNearest[i]) {
      secondNearest[i] = distance;
    }
    running += nearest[i];
    if (cumulative) cumulative[i] = running;
  }
  return running;
}

/** Every row's nearest and second-nearest of the k centers (row-major). */
export function nearestCenters(points: Points, centers: Float64Array, k: number): NearestCenters {
  const state = noCenters(points.rows);
  for (let c = 0; c < k; c++) addCenter(points, centers, c * points.dims, c, state);
  return state;
}
