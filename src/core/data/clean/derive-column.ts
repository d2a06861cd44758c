import { CellError, type TableArtifact } from '../../cells/types';
import { readValues, type CellValue } from '../infer-type';
import { checkExpression, MISSING_AS_ZERO, rowsWithMissingInput, runExpression } from './expression';
import { emptyReport, ENABLED_FIELD, plural, removeMissingTokens, type CleanOperation, type CleanStepResult } from './step';

export type DeriveColumnParams = {
  name: string;
  expression: string;
};

/** A value a table column can hold; arrays, objects and non-finite numbers cannot. */
function cellValue(value: unknown, row: number, expression: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null;
  throw new CellError(`“${expression}” gives ${Array.isArray(value) ? 'a list' : typeof value} in row ${row + 1}: a column holds numbers, text, true/false or dates`);
}

/**
 * Adds (or replaces) a column computed by an arquero expression per row, e.g. `d.hits / d.pageviews`.
 * Its type follows the results (text by the Load cell's rules); undefined, NaN and infinities
 * (a division by zero) become missing and are counted.
 */
export function deriveColumn(data: TableArtifact, params: DeriveColumnParams): CleanStepResult {
  const name = params.name.trim();
  if (name === '') throw new CellError('name the new column');
  const { expression, columns: inputs } = checkExpression(params.expression, data);
  const report = emptyReport('derive-column', `${name} = ${expression}`);
  const missingInput = rowsWithMissingInput(data, inputs);
  const raw = runExpression(expression, () => data.table.derive({ [name]: expression }).array(name) as unknown[]);
  let nonFinite = 0;
  const cells = raw.map((value, row) => {
    if (typeof value === 'number' && !Number.isFinite(value)) nonFinite++;
    return cellValue(value, row, expression);
  });
  // Arithmetic gives numbers even where Load's rules would read small integers as codes.
  const allNumbers = cells.every((value) => value === null || typeof value === 'number');
  const { type, values } = allNumbers ? { type: 'number' as const, values: cells } : readValues(name, cells);
  const replaces = data.columns.some((column) => column.name === name);
  const missing = values.filter((value) => value === null).length;
  const detail = `${replaces ? 'replaced' : 'added'} as ${type}${missing > 0 ? `, ${plural(missing, 'missing value')}` : ''}${nonFinite > 0 ? ` (${plural(nonFinite, 'NaN or infinite result')})` : ''}`;
  report.changes.push({ column: name, detail });
  const computedFromMissing = values.filter((value, row) => value !== null && missingInput[row] === 1).length;
  if (computedFromMissing > 0) report.warnings.push(`${plural(computedFromMissing, 'row')} got a value although an input is missing: ${MISSING_AS_ZERO}.`);
  if (replaces) {
    const before = data.table.array(name) as CellValue[];
    report.valuesChanged = values.filter((value, row) => value !== before[row]).length;
    report.rowsAffected = report.valuesChanged;
    if (name === data.target) report.warnings.push(`This replaces the target ${name}: every later cell predicts the new values.`);
  } else {
    report.columnsAdded.push(name);
  }
  const columns = replaces ? data.columns.map((column) => (column.name === name ? { name, type } : column)) : [...data.columns, { name, type }];
  return {
    data: { ...data, table: data.table.assign({ [name]: values }), columns, missingTokens: removeMissingTokens(data.missingTokens, [name]) },
    report,
  };
}

export const deriveColumnOperation: CleanOperation<DeriveColumnParams> = {
  op: 'derive-column',
  label: 'Derived column',
  help: 'A new column from an arquero expression, e.g. d["totals.hits"] / d["totals.pageviews"].',
  fields: [
    ENABLED_FIELD,
    { key: 'name', label: 'Column name', type: 'text' },
    { key: 'expression', label: 'Expression', type: 'text', help: 'd.name or d["name"] reads a column; op.* functions (op.log, op.abs, …) are available.' },
  ],
  defaults: () => ({ enabled: true, name: '', expression: '' }),
  apply: deriveColumn,
};
