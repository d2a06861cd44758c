import type { TableArtifact } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { countMarked, emptyReport, ENABLED_FIELD, plural, type CleanOperation, type CleanStepResult } from './step';
import { requireColumnsOfType } from './step-columns';

export type BlanksAsZeroParams = {
  /** Empty: every number column whose only present value is 1 (the target aside). */
  columns: string[];
};

/** A number column written as "1 or blank": GA's `totals.bounces`, `totals.newVisits`. */
export function isOneOrBlank(values: readonly CellValue[]): boolean {
  let ones = 0;
  let blanks = 0;
  for (const value of values) {
    if (value === null) blanks++;
    else if (value === 1) ones++;
    else return false;
  }
  return ones > 0 && blanks > 0;
}

/**
 * Indicator columns written as "1 or blank" mean 0 where blank. Filled before the constant check,
 * which would otherwise drop them as constant. The target is left to its own step unless named.
 */
export function fillBlanksAsZero(data: TableArtifact, params: BlanksAsZeroParams): CleanStepResult {
  const report = emptyReport('blanks-as-zero', 'Blanks → 0');
  const named = params.columns.length > 0;
  const columns = named
    ? requireColumnsOfType(data, params.columns, ['number'], 'blanks become 0 in number columns only')
    : data.columns.filter((column) => column.type === 'number' && column.name !== data.target);
  const touchedRows = new Uint8Array(data.table.numRows());
  const replaced: Record<string, CellValue[]> = {};
  for (const column of columns) {
    const values = data.table.array(column.name) as CellValue[];
    if (!named && !isOneOrBlank(values)) continue;
    let blanks = 0;
    for (let row = 0; row < values.length; row++) {
      if (values[row] !== null) continue;
      values[row] = 0;
      touchedRows[row] = 1;
      blanks++;
    }
    if (blanks === 0) continue;
    replaced[column.name] = values;
    report.valuesChanged += blanks;
    report.changes.push({ column: column.name, detail: `${plural(blanks, 'blank')} → 0${named ? '' : ' (only value otherwise: 1)'}` });
  }
  report.rowsAffected = countMarked(touchedRows);
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table }, report };
}

export const blanksAsZeroOperation: CleanOperation<BlanksAsZeroParams> = {
  op: 'blanks-as-zero',
  label: 'Blanks → 0',
  help: 'Where a blank means zero, e.g. totals.bounces is 1 or blank.',
  fields: [ENABLED_FIELD, { key: 'columns', label: 'Columns', type: 'columns', help: 'None picked: every number column whose only value is 1.' }],
  defaults: () => ({ enabled: true, columns: [] }),
  apply: fillBlanksAsZero,
};
