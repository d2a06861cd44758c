import { columnMoments, type Points } from './points';
import { symmetricEigen } from './symmetric-eigen';

export interface PcaFit {
  means: Float64Array;
  /** Unit loading vectors, strongest first; each signed so its largest loading is positive. */
  components: Float64Array[];
  /** Variance along each component (n − 1 denominator, as scikit-learn's PCA reports it). */
  explainedVariance: number[];
  /** Share of the total variance each component holds. */
  explainedVarianceRatio: number[];
}

function covariance(points: Points, means: Float64Array): Float64Array {
  const { values, rows, dims } = points;
  const matrix = new Float64Array(dims * dims);
  const centered = new Float64Array(dims);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < dims; j++) centered[j] = values[i * dims + j] - means[j];
    for (let p = 0; p < dims; p++) for (let q = p; q < dims; q++) matrix[p * dims + q] += centered[p] * centered[q];
  }
  for (let p = 0; p < dims; p++) {
    for (let q = p; q < dims; q++) {
      matrix[p * dims + q] /= rows - 1;
      matrix[q * dims + p] = matrix[p * dims + q];
    }
  }
  return matrix;
}

/** The `count` leading principal components, from the eigenvectors of the covariance matrix. */
export function fitPca(points: Points, count: number): PcaFit {
  const { means } = columnMoments(points);
  const eigen = symmetricEigen(covariance(points, means), points.dims);
  const total = eigen.values.reduce((sum, value) => sum + Math.max(0, value), 0);
  const kept = Math.min(count, points.dims);
  const components = eigen.vectors.slice(0, kept).map((vector) => {
    const largest = vector.reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
    return largest < 0 ? vector.map((value) => -value) : vector;
  });
  const explainedVariance = eigen.values.slice(0, kept).map((value) => Math.max(0, value));
  return {
    means,
    components,
    explainedVariance,
    explainedVarianceRatio: explainedVariance.map((value) => (total > 0 ? value / total : 0)),
  };
}

/** Coordinates of the given rows on the fitted components, row-major (rows × components). */
export function projectRows(points: Points, rows: ArrayLike<number>, fit: PcaFit): Float64Array {
  const { values, dims } = points;
  const count = fit.components.length;
  const projected = new Float64Array(rows.length * count);
  for (let r = 0; r < rows.length; r++) {
    const offset = rows[r] * dims;
    for (let c = 0; c < count; c++) {
      let sum = 0;
      for (let j = 0; j < dims; j++) sum += (values[offset + j] - fit.means[j]) * fit.components[c][j];
      projected[r * count + c] = sum;
    }
  }
  return projected;
}
