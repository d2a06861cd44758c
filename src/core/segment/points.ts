/** Rows of numbers stored row-major in one Float64Array: k-means touches every value many times, so no per-row objects. */
export interface Points {
  values: Float64Array;
  rows: number;
  dims: number;
}

export function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, dims: number): number {
  let sum = 0;
  for (let j = 0; j < dims; j++) {
    const difference = a[aOffset + j] - b[bOffset + j];
    sum += difference * difference;
  }
  return sum;
}

/** The rows at `indices`, in that order. */
export function selectRows(points: Points, indices: ArrayLike<number>): Points {
  const { dims } = points;
  const values = new Float64Array(indices.length * dims);
  for (let i = 0; i < indices.length; i++) values.set(points.values.subarray(indices[i] * dims, (indices[i] + 1) * dims), i * dims);
  return { values, rows: indices.length, dims };
}

/** Per-column mean and population variance (n, not n − 1), as scikit-learn's StandardScaler and KMeans use them. */
export function columnMoments(points: Points): { means: Float64Array; variances: Float64Array } {
  const { values, rows, dims } = points;
  const means = new Float64Array(dims);
  for (let i = 0; i < rows; i++) for (let j = 0; j < dims; j++) means[j] += values[i * dims + j];
  for (let j = 0; j < dims; j++) means[j] /= rows;
  const variances = new Float64Array(dims);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < dims; j++) {
      const difference = values[i * dims + j] - means[j];
      variances[j] += difference * difference;
    }
  }
  for (let j = 0; j < dims; j++) variances[j] /= rows;
  return { means, variances };
}
