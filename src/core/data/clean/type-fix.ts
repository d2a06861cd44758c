import { CellError, type ColumnInfo, type TableArtifact } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { readAsType } from '../override-type';
import { addMissingTokens, countMarked, describeTokens, emptyReport, ENABLED_FIELD, lostValues, plural, type CleanOperation, type CleanStepResult } from './step';
import { requireColumns } from './step-columns';

export type TypeFixParams = {
  columns: string[];
  to: 'number' | 'boolean' | 'timestamp' | 'categorical';
};

/**
 * Reads the chosen columns as another type, with the Load cell's type-override rules (plain
 * numbers, true/false or 0/1, ISO dates, YYYYMMDD or unix times). Values that cannot be read become
 * missing and are listed, so a real value is never lost silently.
 */
export function fixTypes(data: TableArtifact, params: TypeFixParams): CleanStepResult {
  const report = emptyReport('type-fix', `Read as ${params.to}`);
  if (params.columns.length === 0) throw new CellError(`pick the columns to read as ${params.to}`);
  const chosen = new Set(requireColumns(data, params.columns).map((column) => column.name));
  const touchedRows = new Uint8Array(data.table.numRows());
  const replaced: Record<string, CellValue[]> = {};
  let missingTokens = data.missingTokens;
  const columns: ColumnInfo[] = data.columns.map((column) => {
    if (!chosen.has(column.name) || column.type === params.to) return column;
    const before = data.table.array(column.name) as CellValue[];
    const { values } = readAsType(before, params.to);
    const lost = lostValues(before, values);
    const lostCount = [...lost.values()].reduce((sum, count) => sum + count, 0);
    for (let row = 0; row < values.length; row++) if (before[row] !== null && values[row] === null) touchedRows[row] = 1;
    replaced[column.name] = values;
    missingTokens = addMissingTokens(missingTokens, column.name, lost);
    report.valuesChanged += lostCount;
    const unreadable = lost.size > 0 ? `; ${plural(lostCount, 'value')} unreadable → missing (${describeTokens(lost)})` : '';
    report.changes.push({ column: column.name, detail: `${column.type} → ${params.to}${unreadable}` });
    if (lostCount > 0 && lostCount === before.length - before.filter((value) => value === null).length) {
      report.warnings.push(`No value of ${column.name} reads as ${params.to}: the whole column is now missing.`);
    }
    return { name: column.name, type: params.to };
  });
  report.rowsAffected = countMarked(touchedRows);
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table, columns, missingTokens }, report };
}

export const typeFixOperation: CleanOperation<TypeFixParams> = {
  op: 'type-fix',
  label: 'Fix column types',
  help: 'Parse numbers stored as text, booleans or timestamps; or treat codes as categories.',
  fields: [
    ENABLED_FIELD,
    { key: 'columns', label: 'Columns', type: 'columns' },
    {
      key: 'to',
      label: 'Read as',
      type: 'select',
      options: [
        { value: 'number', label: 'number' },
        { value: 'boolean', label: 'boolean (true/false, 0/1)' },
        { value: 'timestamp', label: 'timestamp' },
        { value: 'categorical', label: 'categorical' },
      ],
    },
  ],
  defaults: () => ({ enabled: true, columns: [], to: 'number' }),
  apply: fixTypes,
};
