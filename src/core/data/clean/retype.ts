import type { ColumnInfo, TableArtifact } from '../../cells/types';
import { readColumn, type CellValue } from '../infer-type';
import { addMissingTokens, describeTokens, emptyReport, ENABLED_FIELD, lostValues, plural, type CleanOperation, type CleanStepResult, type NoParams } from './step';
import { isTextType } from './step-columns';

/**
 * Infers text columns' types again, with Load's rules: once junk tokens are gone, a column such
 * as `totals.pageviews` that held `(not set)` among its counts reads as numbers.
 */
export function retypeColumns(data: TableArtifact): CleanStepResult {
  const report = emptyReport('retype', 'Re-type text columns');
  const replaced: Record<string, CellValue[]> = {};
  let missingTokens = data.missingTokens;
  const columns: ColumnInfo[] = data.columns.map((column) => {
    if (!isTextType(column.type)) return column;
    const before = data.table.array(column.name) as CellValue[];
    const { type, values } = readColumn(column.name, before.map((value) => (value === null ? '' : String(value))));
    if (type === column.type) return column;
    replaced[column.name] = values;
    // Load's rules read `NaN` or `inf` as missing numbers.
    const lost = lostValues(before, values);
    missingTokens = addMissingTokens(missingTokens, column.name, lost);
    const lostCount = [...lost.values()].reduce((sum, count) => sum + count, 0);
    report.valuesChanged += lostCount;
    report.changes.push({ column: column.name, detail: `${column.type} → ${type}${lost.size > 0 ? `; ${plural(lostCount, 'value')} → missing (${describeTokens(lost)})` : ''}` });
    return { name: column.name, type };
  });
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table, columns, missingTokens }, report };
}

export const retypeOperation: CleanOperation<NoParams> = {
  op: 'retype',
  label: 'Re-type text columns',
  help: 'Reads text columns again with the Load cell’s rules: numbers stored as text become numbers once junk is gone.',
  fields: [ENABLED_FIELD],
  defaults: () => ({ enabled: true }),
  apply: retypeColumns,
};
