import type { TableArtifact } from '../../cells/types';
import { columnFlags } from '../column-flags';
import type { CellValue } from '../infer-type';
import { profileColumn } from '../profile';
import { emptyReport, ENABLED_FIELD, type CleanOperation, type CleanStepResult, type NoParams } from './step';
import { dropColumns } from './drop-columns';
import { isTextType } from './step-columns';

/**
 * Identifier-like columns (visitor ids, session keys) name rows rather than describe them: a model
 * can only memorise them. The rule is the profile's, so Explore's flag and this step agree.
 */
export function dropIdentifierColumns(data: TableArtifact): CleanStepResult {
  const reasons = new Map<string, string>();
  for (const column of data.columns) {
    if (!isTextType(column.type)) continue;
    const profile = profileColumn(column.name, column.type, data.table.array(column.name) as CellValue[]);
    if (!columnFlags(profile).includes('identifier-like')) continue;
    const detail = profile.distinctEstimated ? `about ${profile.distinct.toLocaleString('en-US')}` : profile.distinct.toLocaleString('en-US');
    reasons.set(column.name, column.type === 'identifier' ? 'is an identifier' : `is identifier-like (${detail} distinct of ${profile.count.toLocaleString('en-US')})`);
  }
  return dropColumns(data, reasons, emptyReport('drop-identifiers', 'Drop identifier-like columns'));
}

export const dropIdentifiersOperation: CleanOperation<NoParams> = {
  op: 'drop-identifiers',
  label: 'Drop identifier-like columns',
  help: 'Ids and keys, nearly one distinct value per row.',
  fields: [ENABLED_FIELD],
  defaults: () => ({ enabled: true }),
  apply: dropIdentifierColumns,
};
