import type { OperationItem } from '../../cells/types';
import { blanksAsZeroOperation } from './blanks-as-zero';
import { capOutliersOperation } from './cap-outliers';
import { deriveColumnOperation } from './derive-column';
import { dropPickedOperation } from './drop-columns';
import { dropConstantOperation } from './drop-constant';
import { dropDuplicatesOperation } from './drop-duplicates';
import { dropIdentifiersOperation } from './drop-identifiers';
import { dropMostlyMissingOperation } from './drop-mostly-missing';
import { fillMissingOperation } from './fill-missing';
import { fillTargetOperation } from './fill-target';
import { filterRowsOperation } from './filter-rows';
import { junkTokensOperation } from './junk-tokens';
import { retypeOperation } from './retype';
import type { CleanOperation } from './step';
import { typeFixOperation } from './type-fix';

/** Every kind of Clean step, in the order the "add step" menu lists them. */
export const CLEAN_OPERATIONS: readonly CleanOperation[] = [
  junkTokensOperation,
  retypeOperation,
  typeFixOperation,
  blanksAsZeroOperation,
  fillMissingOperation,
  capOutliersOperation,
  dropConstantOperation,
  dropMostlyMissingOperation,
  dropIdentifiersOperation,
  dropPickedOperation,
  dropDuplicatesOperation,
  filterRowsOperation,
  deriveColumnOperation,
  fillTargetOperation,
];

export function cleanOperation(op: string): CleanOperation | undefined {
  return CLEAN_OPERATIONS.find((operation) => operation.op === op);
}

/** A new step of kind `op` with its default parameters, as the notebook saves it. */
export function newStep(operation: CleanOperation, params: Record<string, unknown> = {}): OperationItem {
  return { op: operation.op, ...operation.defaults(), ...params };
}

/**
 * The GA-export routine a careful analyst runs first: placeholders out, numbers back to numbers,
 * 1-or-blank indicators filled (before the constant check would drop them), columns that carry
 * nothing dropped, and a blank purchase read as no purchase.
 */
export function defaultCleanSteps(): OperationItem[] {
  return [junkTokensOperation, retypeOperation, blanksAsZeroOperation, dropConstantOperation, dropMostlyMissingOperation, fillTargetOperation].map((operation) => newStep(operation));
}
