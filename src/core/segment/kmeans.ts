import { CellError } from '../cells/types';
import { createRandom } from '../random';
import { kMeansPlusPlus } from './kmeans-plus-plus';
import { lloyd, type KMeansFit } from './lloyd';
import { columnMoments, type Points } from './points';

export interface KMeansOptions {
  k: number;
  /** Independent k-means++ starts; the one with the lowest inertia is kept (scikit-learn's n_init). */
  restarts: number;
  seed: number;
  /** scikit-learn's defaults: 300 iterations, tolerance 1e-4. */
  maxIterations?: number;
  /** Relative to the data's mean column variance, as scikit-learn scales `tol`. */
  tolerance?: number;
}

export const DEFAULT_MAX_ITERATIONS = 300;
export const DEFAULT_TOLERANCE = 1e-4;

function checkOptions(points: Points, options: KMeansOptions): void {
  if (!Number.isInteger(options.k) || options.k < 1) throw new CellError(`k must be a whole number of at least 1, not ${options.k}`);
  if (!Number.isInteger(options.restarts) || options.restarts < 1) throw new CellError(`Restarts must be a whole number of at least 1, not ${options.restarts}`);
  if (points.rows < options.k) throw new CellError(`k = ${options.k} needs at least ${options.k} rows; there are ${points.rows}`);
}

/** k-means on `points` (already scaled as wanted): the best of `restarts` seeded k-means++ starts. */
export async function fitKMeans(points: Points, options: KMeansOptions, checkpoint: () => Promise<void> = async () => {}): Promise<KMeansFit> {
  checkOptions(points, options);
  const { variances } = columnMoments(points);
  const meanVariance = variances.reduce((sum, variance) => sum + variance, 0) / points.dims;
  const lloydOptions = {
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    shiftTolerance: (options.tolerance ?? DEFAULT_TOLERANCE) * meanVariance,
  };
  const random = createRandom(options.seed);
  let best: KMeansFit | null = null;
  for (let restart = 0; restart < options.restarts; restart++) {
    const start = kMeansPlusPlus(points, options.k, random);
    await checkpoint();
    const fit = await lloyd(points, start.centers, options.k, lloydOptions, checkpoint, start.nearest);
    if (best === null || fit.inertia < best.inertia) best = fit;
  }
  return best!;
}
