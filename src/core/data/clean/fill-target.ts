import type { TableArtifact } from '../../cells/types';
import type { CellValue } from '../infer-type';
import { emptyReport, ENABLED_FIELD, plural, type CleanOperation, type CleanStepResult, type NoParams } from './step';

/** A session with no recorded purchase bought nothing: a blank target means 0. */
export function fillTargetWithZero(data: TableArtifact): CleanStepResult {
  const report = emptyReport('fill-target', 'Blank target → 0');
  const target = data.columns.find((column) => column.name === data.target);
  if (!target) return { data, report };
  if (target.type !== 'number') {
    report.warnings.push(`The target ${target.name} is ${target.type}, not number: its blanks are left as they are.`);
    return { data, report };
  }
  const values = data.table.array(target.name) as CellValue[];
  let filled = 0;
  for (let row = 0; row < values.length; row++) {
    if (values[row] === null) {
      values[row] = 0;
      filled++;
    }
  }
  if (filled === 0) return { data, report };
  report.valuesChanged = filled;
  report.rowsAffected = filled;
  report.changes.push({ column: target.name, detail: `${plural(filled, 'blank')} → 0` });
  return { data: { ...data, table: data.table.assign({ [target.name]: values }) }, report };
}

export const fillTargetOperation: CleanOperation<NoParams> = {
  op: 'fill-target',
  label: 'Blank target → 0',
  help: 'A session with no recorded purchase bought nothing.',
  fields: [ENABLED_FIELD],
  defaults: () => ({ enabled: true }),
  apply: fillTargetWithZero,
};
