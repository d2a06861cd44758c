import type { TableArtifact } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { emptyReport, plural, type CleanStepResult } from './step';

/**
 * Indicator columns written as "1 or blank" (GA's `totals.bounces`, `totals.newVisits`) mean 0
 * where blank. Filled before the constant check, which would otherwise drop them as constant.
 * The target is left to its own step.
 */
export function fillIndicatorBlanks(data: TableArtifact): CleanStepResult {
  const report = emptyReport('blanks-as-zero', 'Blanks → 0 in 1-or-blank columns');
  const touchedRows = new Uint8Array(data.table.numRows());
  const replaced: Record<string, CellValue[]> = {};
  for (const column of data.columns) {
    if (column.type !== 'number' || column.name === data.target) continue;
    const values = data.table.array(column.name) as CellValue[];
    let ones = 0;
    let blanks = 0;
    for (const value of values) {
      if (value === null) blanks++;
      else if (value === 1) ones++;
    }
    if (ones === 0 || blanks === 0 || ones + blanks !== values.length) continue;
    for (let row = 0; row < values.length; row++) {
      if (values[row] === null) {
        values[row] = 0;
        touchedRows[row] = 1;
      }
    }
    replaced[column.name] = values;
    report.valuesChanged += blanks;
    report.changes.push({ column: column.name, detail: `${plural(blanks, 'blank')} → 0 (only value otherwise: 1)` });
  }
  report.rowsAffected = touchedRows.reduce((sum, flag) => sum + flag, 0);
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table }, report };
}
