/** Summary statistics over finite numbers; every function returns null where it is undefined. */

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Sample standard deviation (n − 1), as pandas and R report it. */
export function standardDeviation(values: ArrayLike<number>): number | null {
  if (values.length < 2) return null;
  const center = mean(values)!;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - center) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Quantile of ascending-sorted values with linear interpolation (pandas' default). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Sample skewness (Fisher–Pearson, adjusted like pandas' `skew`); 0 for a constant. */
export function skewness(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n < 3) return null;
  const center = mean(values)!;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - center;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
  if (m2 === 0) return 0;
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
}

/**
 * Pearson correlation over the pairs where both sides are numbers (NaN marks a missing one);
 * null when either side is constant there or fewer than 3 pairs remain. Two passes, so large
 * offsets do not cancel digits.
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    n++;
    sumX += x[i];
    sumY += y[i];
  }
  if (n < 3) return null;
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** 1-based ranks with ties given their average rank, as Spearman's correlation needs. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + end + 1) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  return pearson(averageRanks(x), averageRanks(y));
}

/** The rows where both columns hold a number, as two aligned arrays. */
export function completePairs(x: readonly unknown[], y: readonly unknown[]): { x: Float64Array; y: Float64Array } {
  const keptX: number[] = [];
  const keptY: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (typeof a === 'number' && typeof b === 'number') {
      keptX.push(a);
      keptY.push(b);
    }
  }
  return { x: Float64Array.from(keptX), y: Float64Array.from(keptY) };
}
