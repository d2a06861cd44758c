import type { TableArtifact } from '../../cells/types';

/** What one cleaning step did to one column. */
export interface ColumnChange {
  column: string;
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
  columnsDropped: string[];
  changes: ColumnChange[];
  warnings: string[];
}

export interface CleanStepResult {
  data: TableArtifact;
  report: CleanStepReport;
}

export function emptyReport(step: string, title: string): CleanStepReport {
  return { step, title, valuesChanged: 0, rowsAffected: 0, columnsDropped: [], changes: [], warnings: [] };
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
