import type { ColumnTable } from 'arquero';
import type { ColumnInfo, ColumnType } from '../cells/types';
import type { CellValue } from './infer-type';
import { presentNumbers } from './numeric-values';
import { mean, skewness, sortedQuantile, standardDeviation } from './stats';

export interface ValueCount {
  value: string;
  count: number;
}

/** What a column holds, as the EDA table and Clean's decisions see it. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Non-missing cells. */
  count: number;
  missing: number;
  distinct: number;
  /** Numbers and timestamps (epoch ms) only; null elsewhere. */
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** Numbers only. */
  std: number | null;
  skewness: number | null;
  /** Most frequent values, for categorical, boolean, text and identifier columns. */
  top: ValueCount[];
}

const TOP_VALUES = 5;

function topValues(counts: Map<string, number>, limit: number): ValueCount[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
}

export function profileColumn(name: string, type: ColumnType, values: readonly CellValue[]): ColumnProfile {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const value of values) {
    if (value === null || value === undefined) {
      missing++;
      continue;
    }
    const key = String(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const profile: ColumnProfile = {
    name,
    type,
    count: values.length - missing,
    missing,
    distinct: counts.size,
    min: null,
    max: null,
    mean: null,
    median: null,
    std: null,
    skewness: null,
    top: [],
  };
  if (type === 'number' || type === 'timestamp') {
    const sorted = presentNumbers(values).sort();
    if (sorted.length > 0) {
      profile.min = sorted[0];
      profile.max = sorted[sorted.length - 1];
      profile.mean = mean(sorted);
      profile.median = sortedQuantile(sorted, 0.5);
    }
    if (type === 'number') {
      profile.std = standardDeviation(sorted);
      profile.skewness = skewness(sorted);
    }
  } else {
    profile.top = topValues(counts, TOP_VALUES);
  }
  return profile;
}

export function profileTable(table: ColumnTable, columns: readonly ColumnInfo[]): ColumnProfile[] {
  return columns.map((column) => profileColumn(column.name, column.type, table.array(column.name) as CellValue[]));
}
