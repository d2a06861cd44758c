import type { CellValue } from './infer-type';

export interface GroupMean {
  level: string;
  count: number;
  mean: number;
}

export const MISSING_LEVEL = '(missing)';

interface Accumulator {
  count: number;
  sum: number;
}

/** Target count and sum per level (missing cells form their own level), rows with a target only. */
function accumulate(levels: readonly CellValue[], target: readonly (number | null)[]): Map<string, Accumulator> {
  const groups = new Map<string, Accumulator>();
  for (let row = 0; row < levels.length; row++) {
    const y = target[row];
    if (y === null) continue;
    const level = levels[row] === null ? MISSING_LEVEL : String(levels[row]);
    const group = groups.get(level);
    if (group) {
      group.count++;
      group.sum += y;
    } else {
      groups.set(level, { count: 1, sum: y });
    }
  }
  return groups;
}

/**
 * Mean target for the `topLevels` most frequent levels; the rest are pooled into one
 * "(N other levels)" group so the chart still accounts for every row.
 */
export function groupTargetMeans(levels: readonly CellValue[], target: readonly (number | null)[], topLevels: number): GroupMean[] {
  const ranked = [...accumulate(levels, target)].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const shown = ranked.slice(0, topLevels).map(([level, group]) => ({ level, count: group.count, mean: group.sum / group.count }));
  const rest = ranked.slice(topLevels);
  if (rest.length > 0) {
    const count = rest.reduce((sum, [, group]) => sum + group.count, 0);
    const total = rest.reduce((sum, [, group]) => sum + group.sum, 0);
    shown.push({ level: `(${rest.length} other level${rest.length === 1 ? '' : 's'})`, count, mean: total / count });
  }
  return shown;
}

/**
 * Correlation ratio η²: the share of the target's variance explained by the level means
 * (0 = no association, 1 = the level fixes the target). Null for a constant target.
 */
export function correlationRatio(levels: readonly CellValue[], target: readonly (number | null)[]): number | null {
  const groups = accumulate(levels, target);
  let count = 0;
  let sum = 0;
  for (const group of groups.values()) {
    count += group.count;
    sum += group.sum;
  }
  if (count === 0) return null;
  const grandMean = sum / count;
  let total = 0;
  for (let row = 0; row < target.length; row++) {
    const y = target[row];
    if (y !== null) total += (y - grandMean) ** 2;
  }
  if (total === 0) return null;
  let between = 0;
  for (const group of groups.values()) between += group.count * (group.sum / group.count - grandMean) ** 2;
  return between / total;
}
