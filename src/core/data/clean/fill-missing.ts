import { CellError, type ColumnInfo, type ColumnType, type TableArtifact } from '../../cells/types';
import { parseBooleanCell, parseIsoCell, parseNumberCell, parseYyyymmddCell, type CellValue } from '../infer-type';
import { presentNumbers } from '../numeric-values';
import { mean, sortedQuantile } from '../stats';
import { countMarked, emptyReport, ENABLED_FIELD, plural, type CleanOperation, type CleanStepReport, type CleanStepResult } from './step';
import { requireColumns } from './step-columns';

export type FillMethod = 'median' | 'mean' | 'mode' | 'constant' | 'missing-category' | 'indicator';

export type FillMissingParams = {
  /** Empty: every column with missing values that the method suits, the target aside. */
  columns: string[];
  method: FillMethod;
  /** The constant, written as text and read as the column's type. */
  value: string;
};

/** The level that stands for "was missing" in a text column. */
export const MISSING_CATEGORY = '(missing)';
const INDICATOR_SUFFIX = '_missing';

const NUMERIC: readonly ColumnType[] = ['number', 'timestamp'];

/** Which column types a method applies to, and why not, for the error naming a column it cannot fill. */
const METHOD_TYPES: Record<FillMethod, { types: readonly ColumnType[] | null; need: string }> = {
  median: { types: NUMERIC, need: 'the median needs numbers or timestamps' },
  mean: { types: NUMERIC, need: 'the mean needs numbers or timestamps' },
  mode: { types: null, need: '' },
  constant: { types: null, need: '' },
  'missing-category': { types: ['categorical', 'text', 'identifier'], need: 'a “(missing)” level suits text columns; use an indicator column or a constant' },
  indicator: { types: null, need: '' },
};

/** The most frequent present value; ties go to the smallest, as pandas' `mode()[0]`. */
function mostFrequent(values: readonly CellValue[]): CellValue {
  const counts = new Map<CellValue, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: CellValue = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && value! < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** The constant read as the column's type, or an error naming both. */
function constantFor(column: ColumnInfo, text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === '') throw new CellError('write the constant to fill with in Value');
  const value =
    column.type === 'number'
      ? parseNumberCell(trimmed)
      : column.type === 'boolean'
        ? parseBooleanCell(trimmed)
        : column.type === 'timestamp'
          ? (parseIsoCell(trimmed) ?? parseYyyymmddCell(trimmed))
          : trimmed;
  if (value === undefined || value === null) throw new CellError(`Value “${text}” is not a ${column.type} for column “${column.name}”`);
  return value;
}

/** The fill value of one column, and how the line describes it. */
function fillValue(column: ColumnInfo, values: readonly CellValue[], params: FillMissingParams): { value: CellValue; label: string } | null {
  const round = (number: number) => (column.type === 'timestamp' ? Math.round(number) : number);
  const show = (value: CellValue) => (typeof value === 'number' && column.type === 'timestamp' ? new Date(value).toISOString() : typeof value === 'string' ? `“${value}”` : String(value));
  switch (params.method) {
    case 'median': {
      const median = sortedQuantile(presentNumbers(values).sort(), 0.5);
      return median === null ? null : { value: round(median), label: `median ${show(round(median))}` };
    }
    case 'mean': {
      const average = mean(presentNumbers(values));
      return average === null ? null : { value: round(average), label: `mean ${show(round(average))}` };
    }
    case 'mode': {
      const mode = mostFrequent(values);
      return mode === null ? null : { value: mode, label: `most frequent ${show(mode)}` };
    }
    case 'constant': {
      const value = constantFor(column, params.value);
      return { value, label: show(value) };
    }
    case 'missing-category':
      return { value: MISSING_CATEGORY, label: `“${MISSING_CATEGORY}”` };
    case 'indicator':
      return null;
  }
}

function missingCount(values: readonly CellValue[]): number {
  let missing = 0;
  for (const value of values) if (value === null) missing++;
  return missing;
}

function chosenColumns(data: TableArtifact, params: FillMissingParams): ColumnInfo[] {
  const { types, need } = METHOD_TYPES[params.method];
  if (params.columns.length > 0) {
    const columns = requireColumns(data, params.columns);
    for (const column of columns) {
      if (types && !types.includes(column.type)) throw new CellError(`column “${column.name}” is ${column.type}: ${need}`);
    }
    return columns;
  }
  if (params.method === 'constant') throw new CellError('pick the columns to fill with a constant');
  return data.columns.filter((column) => column.name !== data.target && (!types || types.includes(column.type)));
}

/** Missing cells → 1 in a new `<column>_missing` column, so a model can still tell them apart after filling. */
function addIndicators(data: TableArtifact, columns: readonly ColumnInfo[], report: CleanStepReport): CleanStepResult {
  const added: Record<string, number[]> = {};
  for (const column of columns) {
    const values = data.table.array(column.name) as CellValue[];
    const missing = missingCount(values);
    if (missing === 0) continue;
    const name = `${column.name}${INDICATOR_SUFFIX}`;
    if (data.columns.some((other) => other.name === name)) throw new CellError(`column “${name}” already exists: rename or drop it before adding an indicator for “${column.name}”`);
    added[name] = values.map((value) => (value === null ? 1 : 0));
    report.columnsAdded.push(name);
    report.changes.push({ column: name, detail: `added: 1 in the ${plural(missing, 'row')} where ${column.name} is missing` });
  }
  if (report.columnsAdded.length === 0) return { data, report };
  return {
    data: { ...data, table: data.table.assign(added), columns: [...data.columns, ...report.columnsAdded.map((name) => ({ name, type: 'number' as const }))] },
    report,
  };
}

const FITTED: ReadonlySet<FillMethod> = new Set(['median', 'mean', 'mode']);

/** Fills missing cells per column by the chosen method, or adds missing-indicator columns. */
export function fillMissing(data: TableArtifact, params: FillMissingParams): CleanStepResult {
  const report = emptyReport('fill-missing', `Fill missing values: ${params.method}`);
  const columns = chosenColumns(data, params);
  if (params.method === 'indicator') return addIndicators(data, columns, report);
  const touchedRows = new Uint8Array(data.table.numRows());
  const replaced: Record<string, CellValue[]> = {};
  for (const column of columns) {
    const values = data.table.array(column.name) as CellValue[];
    const missing = missingCount(values);
    if (missing === 0) continue;
    const fill = fillValue(column, values, params);
    if (!fill) {
      report.warnings.push(`${column.name} has no values to take a ${params.method} from; it is left missing.`);
      continue;
    }
    for (let row = 0; row < values.length; row++) {
      if (values[row] !== null) continue;
      values[row] = fill.value;
      touchedRows[row] = 1;
    }
    replaced[column.name] = values;
    report.valuesChanged += missing;
    report.changes.push({ column: column.name, detail: `${plural(missing, 'missing value')} → ${fill.label}` });
  }
  report.rowsAffected = countMarked(touchedRows);
  if (FITTED.has(params.method) && report.valuesChanged > 0) {
    report.notes.push(`The ${params.method} is taken over all ${plural(data.table.numRows(), 'row')}, test rows included; the Encode cell's own imputation fits on training rows only.`);
  }
  if (report.valuesChanged === 0) return { data, report };
  return { data: { ...data, table: data.table.assign(replaced) }, report };
}

export const fillMissingOperation: CleanOperation<FillMissingParams> = {
  op: 'fill-missing',
  label: 'Fill missing values',
  help: 'Median, mean, most frequent, a constant, a “(missing)” level, or a 0/1 indicator column.',
  fields: [
    ENABLED_FIELD,
    { key: 'columns', label: 'Columns', type: 'columns', help: 'None picked: every column with missing values the method suits (not the target).' },
    {
      key: 'method',
      label: 'Fill with',
      type: 'select',
      options: [
        { value: 'median', label: 'median' },
        { value: 'mean', label: 'mean' },
        { value: 'mode', label: 'most frequent value' },
        { value: 'constant', label: 'a constant' },
        { value: 'missing-category', label: '“(missing)” level' },
        { value: 'indicator', label: 'indicator column (0/1)' },
      ],
    },
    { key: 'value', label: 'Value', type: 'text', help: 'For “a constant”: read as the column’s type.' },
  ],
  defaults: () => ({ enabled: true, columns: [], method: 'median', value: '' }),
  apply: fillMissing,
};
