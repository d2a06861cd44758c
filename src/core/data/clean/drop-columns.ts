import type { TableArtifact } from '../../cells/types';
import type { CleanStepReport, CleanStepResult } from './step';

/**
 * Drops the columns `reasons` names (column → why), except the target: a notebook's target is
 * kept whatever its state, with a warning, since every later cell needs it.
 */
export function dropColumns(data: TableArtifact, reasons: Map<string, string>, report: CleanStepReport): CleanStepResult {
  const targetReason = data.target === null ? undefined : reasons.get(data.target);
  if (targetReason !== undefined) {
    report.warnings.push(`The target ${data.target} ${targetReason}, but it is kept: check the Load cell's target and the data.`);
    reasons.delete(data.target!);
  }
  if (reasons.size === 0) return { data, report };
  for (const [column, reason] of reasons) report.changes.push({ column, detail: `dropped: ${reason}` });
  report.columnsDropped = [...reasons.keys()];
  const kept = data.columns.filter((column) => !reasons.has(column.name));
  return {
    data: { ...data, table: data.table.select(kept.map((column) => column.name)), columns: kept },
    report,
  };
}
