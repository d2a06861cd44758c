import { columnMoments, type Points } from './points';

export interface StandardScaling {
  means: Float64Array;
  /** Population standard deviations; 1 for a constant column, which then scales to all zeros (as StandardScaler does). */
  scales: Float64Array;
  /** Indices of the columns that do not vary. */
  constantColumns: number[];
}

export function fitStandardScaling(points: Points): StandardScaling {
  const { means, variances } = columnMoments(points);
  const scales = new Float64Array(points.dims);
  const constantColumns: number[] = [];
  for (let j = 0; j < points.dims; j++) {
    const deviation = Math.sqrt(variances[j]);
    // Relative to the column's size, so rounding noise in a constant column does not blow up.
    const constant = deviation <= 1e-12 * Math.max(1, Math.abs(means[j]));
    scales[j] = constant ? 1 : deviation;
    if (constant) constantColumns.push(j);
  }
  return { means, scales, constantColumns };
}

/** A new, scaled copy: the caller's values stay in their units for the profile. */
export function applyStandardScaling(points: Points, scaling: StandardScaling): Points {
  const { rows, dims } = points;
  const values = new Float64Array(rows * dims);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < dims; j++) values[i * dims + j] = (points.values[i * dims + j] - scaling.means[j]) / scaling.scales[j];
  }
  return { values, rows, dims };
}
