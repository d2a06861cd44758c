import type { TableArtifact } from '../../cells/types';
import { emptyReport, ENABLED_FIELD, plural, type CleanOperation, type CleanStepResult } from './step';
import { requireColumns } from './step-columns';

export type DropDuplicatesParams = {
  /** Empty: rows equal in every column. */
  columns: string[];
};

/** Rows equal to an earlier one (in the chosen columns) are removed; the first of each stays, as pandas' `drop_duplicates()`. */
export function dropDuplicateRows(data: TableArtifact, params: DropDuplicatesParams): CleanStepResult {
  const report = emptyReport('drop-duplicates', 'Drop duplicate rows');
  const columns = params.columns.length > 0 ? requireColumns(data, params.columns) : data.columns;
  const arrays = columns.map((column) => data.table.array(column.name) as unknown[]);
  const rows = data.table.numRows();
  const seen = new Set<string>();
  const kept: number[] = [];
  for (let row = 0; row < rows; row++) {
    // JSON keeps 1 and "1", null and "null" apart.
    const key = JSON.stringify(arrays.map((values) => values[row]));
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(row);
  }
  const removed = rows - kept.length;
  if (removed === 0) return { data, report };
  report.rowsRemoved = removed;
  const scope = params.columns.length > 0 ? `equal in ${columns.map((column) => column.name).join(', ')}` : 'exact copies of an earlier row';
  report.changes.push({ column: null, detail: `${plural(removed, 'row')} removed: ${scope}` });
  return { data: { ...data, table: data.table.reify(kept) }, report };
}

export const dropDuplicatesOperation: CleanOperation<DropDuplicatesParams> = {
  op: 'drop-duplicates',
  label: 'Drop duplicate rows',
  help: 'Keeps the first of each set of equal rows.',
  fields: [ENABLED_FIELD, { key: 'columns', label: 'Compare columns', type: 'columns', help: 'None picked: rows equal in every column.' }],
  defaults: () => ({ enabled: true, columns: [] }),
  apply: dropDuplicateRows,
};
