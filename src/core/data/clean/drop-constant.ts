import type { TableArtifact } from '../../cells/types';
import { emptyReport, type CleanStepResult } from './step';
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
