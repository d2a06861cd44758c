import type { TableArtifact } from '../../cells/types';
import { emptyReport, ENABLED_FIELD, type CleanOperation, type CleanStepResult, type NoParams } from './step';
import { dropColumns } from './drop-columns';

/** Columns holding one value (or none) carry no information for a model. */
export function dropConstantColumns(data: TableArtifact): CleanStepResult {
  const reasons = new Map<string, string>();
  for (const column of data.columns) {
    const distinct = new Set<unknown>();
    for (const value of data.table.array(column.name) as unknown[]) {
      if (value === null) continue;
      distinct.add(value);
      if (distinct.size > 1) break;
    }
    if (distinct.size === 0) reasons.set(column.name, 'has no values');
    else if (distinct.size === 1) reasons.set(column.name, `is constant (${String([...distinct][0])})`);
  }
  return dropColumns(data, reasons, emptyReport('drop-constant', 'Drop constant columns'));
}

export const dropConstantOperation: CleanOperation<NoParams> = {
  op: 'drop-constant',
  label: 'Drop constant columns',
  help: 'Columns with one value, or none, besides blanks.',
  fields: [ENABLED_FIELD],
  defaults: () => ({ enabled: true }),
  apply: dropConstantColumns,
};
