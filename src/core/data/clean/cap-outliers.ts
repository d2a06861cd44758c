import { CellError, type TableArtifact } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { presentNumbers } from '../numeric-values';
import { sortedQuantile } from '../stats';
import { countMarked, emptyReport, ENABLED_FIELD, plural, type CleanOperation, type CleanStepResult } from './step';
import { requireColumnsOfType } from './step-columns';

export type CapOutliersParams = {
  columns: string[];
  /** `quantile`: the bounds are shares (0.99 = the 99th percentile); `value`: they are the column's own units. */
  method: 'quantile' | 'value';
  sides: 'upper' | 'lower' | 'both';
  lower: number;
  upper: number;
};

interface Bounds {
  lower: number | null;
  upper: number | null;
}

function checkBounds(params: CapOutliersParams): void {
  const usesLower = params.sides !== 'upper';
  const usesUpper = params.sides !== 'lower';
  if (params.method === 'quantile') {
    for (const [key, used, value] of [['Lower', usesLower, params.lower], ['Upper', usesUpper, params.upper]] as const) {
      if (used && (value < 0 || value > 1)) throw new CellError(`${key} bound ${value} is not a quantile: use a share between 0 and 1, e.g. 0.99`);
    }
  }
  if (usesLower && usesUpper && params.lower >= params.upper) throw new CellError(`Lower bound ${params.lower} must be below the upper bound ${params.upper}`);
}

function boundsOf(values: readonly CellValue[], params: CapOutliersParams): Bounds {
  const sorted = params.method === 'quantile' ? presentNumbers(values).sort() : null;
  const at = (bound: number) => (sorted ? sortedQuantile(sorted, bound) : bound);
  return { lower: params.sides === 'upper' ? null : at(params.lower), upper: params.sides === 'lower' ? null : at(params.upper) };
}

const formatBound = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en-US') : value.toPrecision(4));

/** Values beyond the bounds are set to the bound (winsorising), per column; missing cells stay missing. */
export function capOutliers(data: TableArtifact, params: CapOutliersParams): CleanStepResult {
  const report = emptyReport('cap-outliers', 'Cap outliers');
  if (params.columns.length === 0) throw new CellError('pick the columns to cap');
  checkBounds(params);
  const columns = requireColumnsOfType(data, params.columns, ['number'], 'capping needs numbers');
  const touchedRows = new Uint8Array(data.table.numRows());
  const replaced: Record<string, CellValue[]> = {};
  for (const column of columns) {
    const values = data.table.array(column.name) as CellValue[];
    const { lower, upper } = boundsOf(values, params);
    let below = 0;
    let above = 0;
    for (let row = 0; row < values.length; row++) {
      const value = values[row];
      if (typeof value !== 'number') continue;
      if (lower !== null && value < lower) {
        values[row] = lower;
        below++;
      } else if (upper !== null && value > upper) {
        values[row] = upper;
        above++;
      } else continue;
      touchedRows[row] = 1;
    }
    if (below + above === 0) continue;
    replaced[column.name] = values;
    report.valuesChanged += below + above;
    const parts = [
      ...(above > 0 ? [`${plural(above, 'value')} above ${formatBound(upper!)} → ${formatBound(upper!)}`] : []),
      ...(below > 0 ? [`${plural(below, 'value')} below ${formatBound(lower!)} → ${formatBound(lower!)}`] : []),
    ];
    report.changes.push({ column: column.name, detail: parts.join('; ') });
  }
  report.rowsAffected = countMarked(touchedRows);
  if (params.method === 'quantile' && report.valuesChanged > 0) {
    report.notes.push(`The quantiles are taken over all ${plural(data.table.numRows(), 'row')}, test rows included.`);
  }
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table }, report };
}

export const capOutliersOperation: CleanOperation<CapOutliersParams> = {
  op: 'cap-outliers',
  label: 'Cap outliers',
  help: 'Values beyond a quantile or a fixed value are set to it, e.g. page views capped at 100.',
  fields: [
    ENABLED_FIELD,
    { key: 'columns', label: 'Columns', type: 'columns' },
    {
      key: 'method',
      label: 'Bounds are',
      type: 'select',
      options: [
        { value: 'quantile', label: 'quantiles (0–1)' },
        { value: 'value', label: 'values' },
      ],
    },
    {
      key: 'sides',
      label: 'Cap',
      type: 'select',
      options: [
        { value: 'upper', label: 'high values' },
        { value: 'lower', label: 'low values' },
        { value: 'both', label: 'both' },
      ],
    },
    { key: 'lower', label: 'Lower bound', type: 'number' },
    { key: 'upper', label: 'Upper bound', type: 'number' },
  ],
  defaults: () => ({ enabled: true, columns: [], method: 'quantile', sides: 'upper', lower: 0.01, upper: 0.99 }),
  apply: capOutliers,
};
