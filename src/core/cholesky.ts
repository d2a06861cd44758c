/**
 * Solves A x = b for a symmetric positive definite A (row-major, n × n) by Cholesky factorisation.
 * Returns null when A is not positive definite, so a caller can add damping and retry.
 */
export function solveSymmetricPositiveDefinite(matrix: Float64Array, rhs: Float64Array): Float64Array | null {
  const n = rhs.length;
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j];
      }
    }
  }
  const forward = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * forward[k];
    forward[i] = sum / lower[i * n + i];
  }
  const solution = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = forward[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * solution[k];
    solution[i] = sum / lower[i * n + i];
  }
  return solution;
}
