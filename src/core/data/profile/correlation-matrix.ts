import type { CellValue } from '../infer-type';
import { pearson } from '../stats';
import type { ColumnProfile } from '../profile';

export interface CorrelationMatrix {
  /** The columns correlated, in table order. */
  columns: string[];
  /** Pearson r for each pair, over rows where both are present; null when either side is constant there. */
  values: (number | null)[][];
  /** Numeric columns left out because the matrix was capped at the most variable ones. */
  omitted: string[];
}

/**
 * Spread relative to size, std / (|mean| + std): scale-free like the coefficient of variation,
 * but bounded in [0, 1) and defined for a zero mean. Null for a column with no spread.
 */
export function relativeSpread(profile: ColumnProfile): number | null {
  if (profile.std === null || profile.mean === null || profile.std === 0) return null;
  return profile.std / (Math.abs(profile.mean) + profile.std);
}

/**
 * The number columns worth correlating, at most `limit`: those with any spread, the most
 * variable first when there are too many, returned in table order.
 */
export function chooseMatrixColumns(profiles: readonly ColumnProfile[], limit: number): { columns: string[]; omitted: string[] } {
  const candidates = profiles
    .filter((profile) => profile.type === 'number')
    .map((profile, order) => ({ name: profile.name, order, spread: relativeSpread(profile) }))
    .filter((candidate): candidate is { name: string; order: number; spread: number } => candidate.spread !== null);
  const ranked = [...candidates].sort((a, b) => b.spread - a.spread || a.order - b.order);
  const kept = new Set(ranked.slice(0, limit).map((candidate) => candidate.name));
  return {
    columns: candidates.filter((candidate) => kept.has(candidate.name)).map((candidate) => candidate.name),
    omitted: ranked.slice(limit).map((candidate) => candidate.name),
  };
}

/** The column as doubles, NaN where a cell is missing or not a finite number. */
function asDoubles(values: ArrayLike<CellValue | undefined>): Float64Array {
  const doubles = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    doubles[i] = typeof value === 'number' && Number.isFinite(value) ? value : NaN;
  }
  return doubles;
}

export function correlationMatrix(columns: readonly { name: string; values: ArrayLike<CellValue | undefined> }[], omitted: readonly string[] = []): CorrelationMatrix {
  const doubles = columns.map((column) => asDoubles(column.values));
  const values = columns.map(() => new Array<number | null>(columns.length).fill(null));
  for (let a = 0; a < columns.length; a++) {
    for (let b = a; b < columns.length; b++) {
      const r = pearson(doubles[a], doubles[b]);
      values[a][b] = r;
      values[b][a] = r;
    }
  }
  return { columns: columns.map((column) => column.name), values, omitted: [...omitted] };
}
