import type { ColumnInfo, TableArtifact } from '../../cells/types';
import { readColumn, type CellValue } from '../infer-type';
import { emptyReport, type CleanStepResult } from './step';

const TEXT_TYPES = new Set(['categorical', 'text', 'identifier']);

/**
 * Infers text columns' types again, with Load's rules: once junk tokens are gone, a column such
 * as `totals.pageviews` that held `(not set)` among its counts reads as numbers.
 */
export function retypeColumns(data: TableArtifact): CleanStepResult {
  const report = emptyReport('retype', 'Re-type columns');
  const replaced: Record<string, CellValue[]> = {};
  const columns: ColumnInfo[] = data.columns.map((column) => {
    if (!TEXT_TYPES.has(column.type)) return column;
    const cells = (data.table.array(column.name) as CellValue[]).map((value) => (value === null ? '' : String(value)));
    const { type, values } = readColumn(column.name, cells);
    if (type === column.type) return column;
    replaced[column.name] = values;
    report.changes.push({ column: column.name, detail: `${column.type} → ${type}` });
    return { name: column.name, type };
  });
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table, columns }, report };
}
