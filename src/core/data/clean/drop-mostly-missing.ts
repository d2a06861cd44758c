import type { TableArtifact } from '../../cells/types';
import { emptyReport, ENABLED_FIELD, type CleanOperation, type CleanStepResult } from './step';
import { dropColumns } from './drop-columns';

export type DropMostlyMissingParams = {
  /** 0..1 */
  maxMissingShare: number;
};

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Drops columns whose share of missing cells is above `maxMissingShare`. */
export function dropMostlyMissingColumns(data: TableArtifact, params: DropMostlyMissingParams): CleanStepResult {
  const { maxMissingShare } = params;
  const rows = data.table.numRows();
  const reasons = new Map<string, string>();
  for (const column of data.columns) {
    let missing = 0;
    for (const value of data.table.array(column.name) as unknown[]) if (value === null) missing++;
    const share = rows === 0 ? 0 : missing / rows;
    if (share > maxMissingShare) reasons.set(column.name, `is ${percent(share)} missing (limit ${percent(maxMissingShare)})`);
  }
  return dropColumns(data, reasons, emptyReport('drop-mostly-missing', `Drop columns over ${(maxMissingShare * 100).toFixed(0)}% missing`));
}

export const dropMostlyMissingOperation: CleanOperation<DropMostlyMissingParams> = {
  op: 'drop-mostly-missing',
  label: 'Drop mostly-missing columns',
  fields: [ENABLED_FIELD, { key: 'maxMissingShare', label: 'Drop above this missing share', type: 'number', min: 0, max: 1, step: 0.05, help: '0.95 drops columns more than 95% missing.' }],
  defaults: () => ({ enabled: true, maxMissingShare: 0.95 }),
  apply: dropMostlyMissingColumns,
};
