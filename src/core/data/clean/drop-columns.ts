import type { TableArtifact } from '../../cells/types';
import { emptyReport, ENABLED_FIELD, removeMissingTokens, type CleanOperation, type CleanStepReport, type CleanStepResult } from './step';
import { requireColumns } from './step-columns';

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
    data: {
      ...data,
      table: data.table.select(kept.map((column) => column.name)),
      columns: kept,
      missingTokens: removeMissingTokens(data.missingTokens, reasons.keys()),
    },
    report,
  };
}

export type DropPickedParams = {
  columns: string[];
};

/** The columns the user picked, e.g. a leaky field recorded after the purchase. */
export function dropPickedColumns(data: TableArtifact, params: DropPickedParams): CleanStepResult {
  const reasons = new Map(requireColumns(data, params.columns).map((column) => [column.name, 'picked'] as const));
  return dropColumns(data, reasons, emptyReport('drop-columns', 'Drop picked columns'));
}

export const dropPickedOperation: CleanOperation<DropPickedParams> = {
  op: 'drop-columns',
  label: 'Drop columns',
  help: 'Columns you pick, e.g. one recorded after the outcome (leakage).',
  fields: [ENABLED_FIELD, { key: 'columns', label: 'Columns', type: 'columns' }],
  defaults: () => ({ enabled: true, columns: [] }),
  apply: dropPickedColumns,
};
