import type { MissingTokens, OperationSpec, ParamField, TableArtifact } from '../../cells/types';

/** What one cleaning step did to one column. */
export interface ColumnChange {
  /** Null for a change to whole rows (a filter, duplicates). */
  column: string | null;
  detail: string;
}

/** One step's effect, as the Clean view lists it. */
export interface CleanStepReport {
  step: string;
  title: string;
  /** Cells whose value changed. */
  valuesChanged: number;
  /** Rows with at least one changed cell. */
  rowsAffected: number;
  /** Rows the step removed (filters, duplicates). */
  rowsRemoved: number;
  columnsDropped: string[];
  columnsAdded: string[];
  changes: ColumnChange[];
  warnings: string[];
  /** Caveats the analyst should weigh, such as statistics taken over every row before the split. */
  notes: string[];
}

export interface CleanStepResult {
  data: TableArtifact;
  report: CleanStepReport;
}

/**
 * One kind of Clean step: its parameters as an operations-field item, and a pure function that
 * returns a new table artifact with its report. It throws a `CellError` naming the column or
 * parameter at fault; the Clean cell adds which step it is.
 */
export interface CleanOperation<Params extends object = Record<string, unknown>> extends OperationSpec {
  defaults(): Params & { enabled: boolean };
  apply(data: TableArtifact, params: Params): CleanStepResult;
}

/** Parameters of a step that has none but `enabled`. */
export type NoParams = Record<never, never>;

/** Every step can be switched off: its line then shows what it would change, and the table passes through. */
export const ENABLED_FIELD: ParamField = { key: 'enabled', label: 'On', type: 'boolean', help: 'Off: the step only shows what it would change.' };

export function emptyReport(step: string, title: string): CleanStepReport {
  return { step, title, valuesChanged: 0, rowsAffected: 0, rowsRemoved: 0, columnsDropped: [], columnsAdded: [], changes: [], warnings: [], notes: [] };
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** The "what changed" line: rows, columns and values affected, e.g. `12 values in 10 rows · 2 columns dropped`. */
export function changeLine(report: CleanStepReport): string {
  const parts: string[] = [];
  if (report.valuesChanged > 0) parts.push(`${plural(report.valuesChanged, 'value')} in ${plural(report.rowsAffected, 'row')}`);
  if (report.rowsRemoved > 0) parts.push(`${plural(report.rowsRemoved, 'row')} removed`);
  if (report.columnsAdded.length > 0) parts.push(`${plural(report.columnsAdded.length, 'column')} added`);
  if (report.columnsDropped.length > 0) parts.push(`${plural(report.columnsDropped.length, 'column')} dropped`);
  // Re-typing changes no single value's meaning: it is counted by column.
  if (parts.length === 0 && report.changes.length > 0) parts.push(`${plural(report.changes.length, 'column')} changed`);
  return parts.length > 0 ? parts.join(' · ') : 'no change';
}

/** Rows flagged in a per-row marker array. */
export function countMarked(marks: Uint8Array): number {
  let count = 0;
  for (const mark of marks) count += mark;
  return count;
}

/**
 * Adds the texts a step turned into missing values to the artifact's per-column tally. The tally
 * records what was read as missing: a later fill or row filter leaves it as it is, while a column
 * dropped or replaced takes its entry with it.
 */
export function addMissingTokens(tokens: MissingTokens, column: string, found: ReadonlyMap<string, number>): MissingTokens {
  if (found.size === 0) return tokens;
  const counts = { ...(tokens[column] ?? {}) };
  for (const [token, count] of found) counts[token] = (counts[token] ?? 0) + count;
  return { ...tokens, [column]: counts };
}

/** The tally without the columns a step dropped or replaced: their tokens no longer describe any column. */
export function removeMissingTokens(tokens: MissingTokens, columns: Iterable<string>): MissingTokens {
  const kept = { ...tokens };
  for (const column of columns) delete kept[column];
  return kept;
}

/** Present cells that became missing, by their text: what a re-typing could not read. */
export function lostValues(before: readonly unknown[], after: readonly unknown[]): Map<string, number> {
  const lost = new Map<string, number>();
  for (let row = 0; row < before.length; row++) {
    if (before[row] === null || after[row] !== null) continue;
    const text = String(before[row]);
    lost.set(text, (lost.get(text) ?? 0) + 1);
  }
  return lost;
}

/** `“n/a” ×3, “-” ×1`: the tokens a change turned into missing values. */
export function describeTokens(found: ReadonlyMap<string, number>): string {
  return [...found].map(([token, count]) => `“${token}” ×${count.toLocaleString('en-US')}`).join(', ');
}
