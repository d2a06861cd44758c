import type { TableArtifact } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { addMissingTokens, countMarked, describeTokens, emptyReport, ENABLED_FIELD, plural, type CleanOperation, type CleanStepResult } from './step';
import { isTextType, requireColumns } from './step-columns';

/**
 * GA placeholders that mean "no value" (the list is the user's to edit). `(none)` is deliberately
 * absent: as a traffic medium it means direct traffic, a real level.
 */
export const DEFAULT_JUNK_TOKENS = ['not available in demo dataset', '(not set)', '(not provided)', 'Unknown'];

export type JunkTokensParams = {
  tokens: string[];
  /** Text that is empty once spaces are trimmed; a list of lines cannot hold an empty one. */
  emptyText: boolean;
  /** Empty: every text column. */
  columns: string[];
};

/**
 * Placeholder strings become missing values. Matching is exact after trimming spaces, so
 * `(none)` is only removed if the user lists it.
 */
export function replaceJunkTokens(data: TableArtifact, params: JunkTokensParams): CleanStepResult {
  const report = emptyReport('junk-tokens', 'Junk tokens → missing');
  const junk = new Set(params.tokens.map((token) => token.trim()).filter((token) => token !== ''));
  if (params.emptyText) junk.add('');
  const columns = params.columns.length > 0 ? requireColumns(data, params.columns) : data.columns.filter((column) => isTextType(column.type));
  const touchedRows = new Uint8Array(data.table.numRows());
  const replaced: Record<string, CellValue[]> = {};
  let missingTokens = data.missingTokens;
  for (const column of columns) {
    const values = data.table.array(column.name) as CellValue[];
    const found = new Map<string, number>();
    for (let row = 0; row < values.length; row++) {
      const value = values[row];
      if (typeof value !== 'string' || !junk.has(value.trim())) continue;
      const token = value.trim();
      found.set(token, (found.get(token) ?? 0) + 1);
      values[row] = null;
      touchedRows[row] = 1;
    }
    if (found.size === 0) continue;
    const count = [...found.values()].reduce((sum, n) => sum + n, 0);
    replaced[column.name] = values;
    missingTokens = addMissingTokens(missingTokens, column.name, found);
    report.valuesChanged += count;
    report.changes.push({ column: column.name, detail: `${plural(count, 'value')} → missing (${describeTokens(found)})` });
  }
  report.rowsAffected = countMarked(touchedRows);
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table, missingTokens }, report };
}

export const junkTokensOperation: CleanOperation<JunkTokensParams> = {
  op: 'junk-tokens',
  label: 'Junk tokens → missing',
  help: 'Placeholder texts such as “(not set)” become missing values.',
  fields: [
    ENABLED_FIELD,
    { key: 'tokens', label: 'Tokens', type: 'string-list', help: 'Exact values, one per line (spaces trimmed).' },
    { key: 'emptyText', label: 'Empty text → missing', type: 'boolean' },
    { key: 'columns', label: 'Columns', type: 'columns', help: 'None picked: every text column.' },
  ],
  defaults: () => ({ enabled: true, tokens: [...DEFAULT_JUNK_TOKENS], emptyText: true, columns: [] }),
  apply: replaceJunkTokens,
};
