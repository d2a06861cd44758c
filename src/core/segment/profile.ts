import type { Points } from './points';

export interface GroupProfile {
  rows: number;
  share: number;
  /** Mean of each feature, in the feature's own units. */
  means: number[];
  /** Share of the rows with a target whose target is above 0 (a purchase); null without a target. */
  conversionRate: number | null;
  meanTarget: number | null;
}

export interface SegmentProfiles {
  segments: GroupProfile[];
  /** The same figures over every clustered row, to compare each segment against. */
  overall: GroupProfile;
}

/**
 * Size, feature means and target figures per segment. `target` holds one value per row of
 * `points` (null where missing): target figures count only the rows that have one.
 */
export function profileSegments(points: Points, labels: Int32Array, k: number, target: ArrayLike<number | null> | null): SegmentProfiles {
  const { values, rows, dims } = points;
  // Group k is every row.
  const groups = k + 1;
  const counts = new Float64Array(groups);
  const sums = new Float64Array(groups * dims);
  const targetCounts = new Float64Array(groups);
  const targetSums = new Float64Array(groups);
  const positives = new Float64Array(groups);
  for (let i = 0; i < rows; i++) {
    for (let pass = 0; pass < 2; pass++) {
      const group = pass === 0 ? labels[i] : k;
      counts[group] += 1;
      for (let j = 0; j < dims; j++) sums[group * dims + j] += values[i * dims + j];
      const value = target?.[i] ?? null;
      if (value !== null) {
        targetCounts[group] += 1;
        targetSums[group] += value;
        if (value > 0) positives[group] += 1;
      }
    }
  }
  const profile = (group: number): GroupProfile => ({
    rows: counts[group],
    share: counts[group] / rows,
    means: Array.from({ length: dims }, (_, j) => sums[group * dims + j] / counts[group]),
    conversionRate: targetCounts[group] > 0 ? positives[group] / targetCounts[group] : null,
    meanTarget: targetCounts[group] > 0 ? targetSums[group] / targetCounts[group] : null,
  });
  return { segments: Array.from({ length: k }, (_, c) => profile(c)), overall: profile(k) };
}
