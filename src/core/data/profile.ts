import type { ColumnTable } from 'arquero';
import type { ColumnInfo, ColumnType } from '../cells/types';
import { equalWidthBins, type HistogramBin } from './histogram';
import type { CellValue } from './infer-type';
import { DistinctSketch } from './profile/distinct-sketch';
import { rankedRuns, type ValueCount } from './profile/top-values';
import { mean, skewness, sortedQuantile, standardDeviation } from './stats';

export type { ValueCount } from './profile/top-values';

/** p1, p25, p50, p75, p99 by linear interpolation between order statistics (numpy's default). */
export interface Quantiles {
  p1: number;
  p25: number;
  p50: number;
  p75: number;
  p99: number;
}

/** What a column holds, as the Explore cell's table and Clean's decisions see it. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Non-missing cells. */
  count: number;
  /** Empty cells, plus NaN and ±Infinity, which no statistic can use. */
  missing: number;
  distinct: number;
  /** True when `distinct` is a HyperLogLog estimate: more than EXACT_DISTINCT_LIMIT text values. */
  distinctEstimated: boolean;
  /** Numbers and timestamps (epoch ms) only; null elsewhere. */
  min: number | null;
  max: number | null;
  mean: number | null;
  quantiles: Quantiles | null;
  /** Numbers only. */
  std: number | null;
  skewness: number | null;
  /** Share of non-missing cells equal to 0; numbers only. */
  zeroShare: number | null;
  /**
   * Most frequent values, ties by value. When `distinctEstimated`, counted among the first
   * EXACT_DISTINCT_LIMIT distinct values seen, which holds every frequent one in practice.
   */
  top: ValueCount[];
  /** Equal-width bins over [min, max]; numbers and timestamps only. */
  bins: HistogramBin[];
  /** Placeholder values (`(not set)`, `N/A`, …) found in the column, with their counts. */
  junkTokens: ValueCount[];
  /** The texts earlier cells read as missing (`''`, `NA`, a junk token), most frequent first. */
  missingTokens: ValueCount[];
}

export interface ProfileOptions {
  /** Values that stand for "missing" without being empty; counted, not removed. */
  junkTokens?: readonly string[];
  /** The column's texts that were read as missing, with their counts (`TableArtifact.missingTokens`). */
  missingTokens?: Readonly<Record<string, number>>;
}

const byCount = (a: ValueCount, b: ValueCount) => b.count - a.count || (a.value < b.value ? -1 : 1);

/** Text values counted exactly; beyond this many distinct ones a sketch takes over, so memory stays bounded. */
export const EXACT_DISTINCT_LIMIT = 10_000;
export const TOP_VALUES = 10;
export const PROFILE_BINS = 20;

const NUMERIC_TYPES = new Set<ColumnType>(['number', 'timestamp']);

/** Counts of text (and boolean) values: exact up to the limit, then new values only feed the sketch. */
class ValueCounter {
  readonly counts = new Map<string, number>();
  sketch: DistinctSketch | null = null;

  add(key: string): void {
    const seen = this.counts.get(key);
    if (seen !== undefined) {
      this.counts.set(key, seen + 1);
    } else if (this.counts.size < EXACT_DISTINCT_LIMIT) {
      this.counts.set(key, 1);
    } else if (this.sketch === null) {
      this.sketch = new DistinctSketch();
      for (const known of this.counts.keys()) this.sketch.add(known);
    }
    this.sketch?.add(key);
  }

  distinct(): number {
    return this.sketch === null ? this.counts.size : Math.max(this.counts.size, this.sketch.estimate());
  }
}

function numericSummary(sorted: Float64Array, type: ColumnType): Pick<ColumnProfile, 'min' | 'max' | 'mean' | 'quantiles' | 'std' | 'skewness' | 'zeroShare' | 'bins'> {
  if (sorted.length === 0) return { min: null, max: null, mean: null, quantiles: null, std: null, skewness: null, zeroShare: null, bins: [] };
  let zeros = 0;
  for (let i = 0; i < sorted.length; i++) if (sorted[i] === 0) zeros++;
  const quantile = (q: number) => sortedQuantile(sorted, q)!;
  const isNumber = type === 'number';
  return {
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: mean(sorted),
    quantiles: { p1: quantile(0.01), p25: quantile(0.25), p50: quantile(0.5), p75: quantile(0.75), p99: quantile(0.99) },
    std: isNumber ? standardDeviation(sorted) : null,
    skewness: isNumber ? skewness(sorted) : null,
    zeroShare: isNumber ? zeros / sorted.length : null,
    bins: equalWidthBins(sorted, PROFILE_BINS),
  };
}

function junkTokenCounts(counts: ReadonlyMap<string, number>, junkTokens: readonly string[]): ValueCount[] {
  const junk = new Set(junkTokens.map((token) => token.trim()).filter((token) => token !== ''));
  if (junk.size === 0) return [];
  const found = new Map<string, number>();
  for (const [value, count] of counts) {
    const token = value.trim();
    if (junk.has(token)) found.set(token, (found.get(token) ?? 0) + count);
  }
  return [...found].map(([value, count]) => ({ value, count })).sort(byCount);
}

/**
 * One pass over the cells sorts them into missing, numbers (into a typed array, for numeric
 * types) and counted text; the numbers are then sorted once for exact quantiles, distinct values
 * and top values.
 */
export function profileColumn(name: string, type: ColumnType, values: ArrayLike<CellValue | undefined>, options: ProfileOptions = {}): ColumnProfile {
  const numeric = NUMERIC_TYPES.has(type);
  const numbers = new Float64Array(numeric ? values.length : 0);
  let numberCount = 0;
  let missing = 0;
  const counter = new ValueCounter();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) missing++;
    else if (numeric && typeof value === 'number') numbers[numberCount++] = value;
    else counter.add(String(value));
  }
  const sorted = numbers.subarray(0, numberCount).sort();
  const runs = rankedRuns(sorted, TOP_VALUES);
  const textTop = [...counter.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_VALUES);
  const top = [...runs.top, ...textTop.map(([value, count]) => ({ value, count }))].sort((a, b) => b.count - a.count).slice(0, TOP_VALUES);
  return {
    name,
    type,
    count: values.length - missing,
    missing,
    distinct: runs.distinct + counter.distinct(),
    distinctEstimated: counter.sketch !== null,
    ...numericSummary(sorted, type),
    top,
    junkTokens: junkTokenCounts(counter.counts, options.junkTokens ?? []),
    missingTokens: Object.entries(options.missingTokens ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort(byCount),
  };
}

export function profileTable(table: ColumnTable, columns: readonly ColumnInfo[], options: ProfileOptions = {}): ColumnProfile[] {
  return columns.map((column) => profileColumn(column.name, column.type, table.array(column.name) as ArrayLike<CellValue>, options));
}
