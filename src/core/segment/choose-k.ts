export interface ScanPoint {
  k: number;
  inertia: number;
  /** Null when it could not be computed (fewer than two clusters in the sample). */
  silhouette: number | null;
}

/**
 * The elbow of the inertia curve (the "kneedle" rule): with k and inertia both scaled to 0..1,
 * the k whose inertia lies farthest below the straight line from the first k to the last. Null
 * with fewer than three points or a curve that never bends below that line.
 */
export function elbowK(scan: readonly ScanPoint[]): number | null {
  if (scan.length < 3) return null;
  const first = scan[0];
  const last = scan[scan.length - 1];
  const inertiaRange = first.inertia - last.inertia;
  if (!(inertiaRange > 0)) return null;
  let best: number | null = null;
  let bestGap = 0;
  for (const point of scan.slice(1, -1)) {
    const along = (point.k - first.k) / (last.k - first.k);
    const height = (point.inertia - last.inertia) / inertiaRange;
    const gap = 1 - along - height;
    if (gap > bestGap) {
      bestGap = gap;
      best = point.k;
    }
  }
  return best;
}

/** The k with the highest silhouette; the smaller k on a tie. */
export function bestSilhouetteK(scan: readonly ScanPoint[]): number | null {
  let best: ScanPoint | null = null;
  for (const point of scan) {
    if (point.silhouette !== null && (best === null || point.silhouette > best.silhouette!)) best = point;
  }
  return best?.k ?? null;
}
