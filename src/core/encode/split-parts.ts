import type { ColumnTable } from 'arquero';
import { CellError } from '../cells/types';
import { asNumber } from '../data/numeric-values';
import { isMissingGroup, type PartName, type SplitStrategy } from './split';

/** What a group, time or column split goes by, per row that has a target. */
export interface SplitKeys {
  groups?: unknown[];
  times?: Float64Array;
  parts?: PartName[];
}

/** The labels a split column may use for each part, compared without case or outer spaces. */
const PART_LABELS: ReadonlyMap<string, PartName> = new Map([
  ['train', 'train'],
  ['training', 'train'],
  ['validation', 'validation'],
  ['valid', 'validation'],
  ['val', 'validation'],
  ['test', 'test'],
  ['holdout', 'test'],
]);

function readNamedParts(table: ColumnTable, column: string, targetRows: Uint32Array): PartName[] {
  const raw = table.array(column) as ArrayLike<unknown>;
  let unknown = 0;
  let example: unknown;
  const parts = Array.from(targetRows, (row): PartName => {
    const part = PART_LABELS.get(String(raw[row] ?? '').trim().toLowerCase());
    if (part) return part;
    if (unknown++ === 0) example = raw[row];
    return 'train';
  });
  if (unknown > 0) {
    const shown = example === null || example === undefined || example === '' ? 'a blank' : `'${String(example)}'`;
    throw new CellError(`Split column '${column}' names no part in ${unknown} rows with a target, e.g. ${shown} (parameter splitColumn): each row needs train, validation or test`);
  }
  return parts;
}

export interface SplitPartStats {
  part: 'train' | 'validation' | 'test';
  rows: number;
  targetMean: number;
  zeroShare: number;
  targetMax: number;
  /** Distinct groups in the part (group split); each row without a group counts as one. */
  groups?: number;
  /** First and last instant in the part (time split). */
  span?: { from: string; to: string };
}

/** Reads the group, time or part of each target row; a time or column split needs every row's. */
export function readSplitKeys(table: ColumnTable, strategy: SplitStrategy, column: string, targetRows: Uint32Array): SplitKeys {
  if (strategy === 'column') return { parts: readNamedParts(table, column, targetRows) };
  if (strategy === 'group') {
    const groups = table.array(column) as ArrayLike<unknown>;
    return { groups: Array.from(targetRows, (row) => groups[row]) };
  }
  if (strategy !== 'time') return {};
  const raw = table.array(column) as ArrayLike<unknown>;
  const times = new Float64Array(targetRows.length);
  let missing = 0;
  targetRows.forEach((row, position) => {
    const value = asNumber(raw[row]);
    if (value === null) missing += 1;
    else times[position] = value;
  });
  if (missing > 0) throw new CellError(`Time column '${column}' is missing in ${missing} rows with a target (parameter timeColumn): fill or drop them in Clean before a time split`);
  return { times };
}

function formatInstant(value: number, isTimestamp: boolean): string {
  return isTimestamp ? new Date(value).toISOString().replace('T', ' ').replace(/(:00)?\.000Z$/, '') : String(value);
}

/** Figures of one part, from the targets in full precision (the matrices hold float32). */
export function partStats(part: SplitPartStats['part'], targetValues: Float64Array, positions: Uint32Array, keys: SplitKeys, timeIsInstant: boolean): SplitPartStats {
  let sum = 0;
  let zeros = 0;
  let max = -Infinity;
  for (const position of positions) {
    const value = targetValues[position];
    sum += value;
    if (value === 0) zeros += 1;
    if (value > max) max = value;
  }
  const rows = positions.length;
  const stats: SplitPartStats = { part, rows, targetMean: sum / rows, zeroShare: zeros / rows, targetMax: max };
  if (keys.groups) {
    const groups = keys.groups;
    stats.groups = new Set(Array.from(positions, (position) => (isMissingGroup(groups[position]) ? Symbol() : groups[position]))).size;
  }
  if (keys.times) {
    let from = Infinity;
    let to = -Infinity;
    for (const position of positions) {
      from = Math.min(from, keys.times[position]);
      to = Math.max(to, keys.times[position]);
    }
    stats.span = { from: formatInstant(from, timeIsInstant), to: formatInstant(to, timeIsInstant) };
  }
  return stats;
}
