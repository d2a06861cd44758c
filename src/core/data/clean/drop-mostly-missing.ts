import type { TableArtifact } from '../../cells/types';
import { emptyReport, type CleanStepResult } from './step';
import { dropColumns } from './drop-columns';

/** Drops columns whose share of missing cells is above `maxMissingShare` (0..1). */
export function dropMostlyMissingColumns(data: TableArtifact, maxMissingShare: number): CleanStepResult {
  const rows = data.table.numRows();
  const reasons = new Map<string, string>();
  for (const column of data.columns) {
    let missing = 0;
    for (const value of data.table.array(column.name) as unknown[]) if (value === null) missing++;
    const share = rows === 0 ? 0 : missing / rows;
    if (share > maxMissingShare) reasons.set(column.name, `is ${(share * 100).toFixed(1)}% missing (limit ${(maxMissingShare * 100).toFixed(1)}%)`);
  }
  return dropColumns(data, reasons, emptyReport('drop-mostly-missing', `Drop columns over ${(maxMissingShare * 100).toFixed(0)}% missing`));
}
