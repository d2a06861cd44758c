import type { TableArtifact } from '../../cells/types';
import { checkExpression, MISSING_AS_ZERO, rowsWithMissingInput, runExpression } from './expression';
import { emptyReport, ENABLED_FIELD, plural, type CleanOperation, type CleanStepResult } from './step';

export type FilterRowsParams = {
  /** Rows where it is true are kept. */
  expression: string;
};

/** Keeps the rows an arquero expression holds true for; null or false drops the row. */
export function filterRows(data: TableArtifact, params: FilterRowsParams): CleanStepResult {
  const { expression, columns } = checkExpression(params.expression, data);
  const report = emptyReport('filter-rows', `Keep rows where ${expression}`);
  const missingInput = rowsWithMissingInput(data, columns);
  const keep = runExpression(expression, () => data.table.derive({ keep: expression }).array('keep') as unknown[]);
  const kept: number[] = [];
  let keptDespiteMissing = 0;
  keep.forEach((value, row) => {
    if (!value) return;
    kept.push(row);
    keptDespiteMissing += missingInput[row];
  });
  if (keptDespiteMissing > 0) report.warnings.push(`${plural(keptDespiteMissing, 'kept row')} lack a value the expression reads: ${MISSING_AS_ZERO}.`);
  const removed = data.table.numRows() - kept.length;
  if (removed === 0) return { data, report };
  const table = data.table.reify(kept);
  report.rowsRemoved = removed;
  report.changes.push({ column: null, detail: `${plural(removed, 'row')} removed, ${plural(table.numRows(), 'row')} kept` });
  if (table.numRows() === 0) report.warnings.push('No row passes the filter: every later cell will have an empty table.');
  return { data: { ...data, table }, report };
}

export const filterRowsOperation: CleanOperation<FilterRowsParams> = {
  op: 'filter-rows',
  label: 'Filter rows',
  help: 'Keeps rows where an arquero expression is true, e.g. d => d["totals.pageviews"] > 1.',
  fields: [ENABLED_FIELD, { key: 'expression', label: 'Keep rows where', type: 'text', help: 'd.name or d["name"] reads a column; op.* functions (op.log, op.abs, …) are available.' }],
  defaults: () => ({ enabled: true, expression: '' }),
  apply: filterRows,
};
