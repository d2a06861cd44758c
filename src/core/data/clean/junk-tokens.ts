import type { TableArtifact } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { emptyReport, plural, type CleanStepResult } from './step';

const TEXT_TYPES = new Set(['categorical', 'text', 'identifier']);

/**
 * Placeholder strings become missing values. Matching is exact after trimming spaces, so
 * `(none)` (a real traffic medium: direct visits) is only removed if the user lists it.
 */
export function replaceJunkTokens(data: TableArtifact, junkTokens: readonly string[]): CleanStepResult {
  const report = emptyReport('junk-tokens', 'Junk tokens → missing');
  const junk = new Set(junkTokens.map((token) => token.trim()).filter((token) => token !== ''));
  const touchedRows = new Uint8Array(data.table.numRows());
  const replaced: Record<string, CellValue[]> = {};
  for (const column of data.columns) {
    if (!TEXT_TYPES.has(column.type)) continue;
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
    report.valuesChanged += count;
    report.changes.push({
      column: column.name,
      detail: `${plural(count, 'value')} → missing (${[...found].map(([token, n]) => `“${token}” ×${n.toLocaleString('en-US')}`).join(', ')})`,
    });
  }
  report.rowsAffected = touchedRows.reduce((sum, flag) => sum + flag, 0);
  const table = Object.keys(replaced).length > 0 ? data.table.assign(replaced) : data.table;
  return { data: { ...data, table }, report };
}
