import type { CellKind } from './types';
import { loadCell } from './load';
import { cleanCell } from './clean';
import { aggregateCell } from './aggregate';
import { edaCell } from './eda';
import { encodeCell } from './encode';
import { trainMlpCell } from './train-mlp';
import { evaluateCell } from './evaluate';
import { classifyCell } from './classify';
import { markdownCell } from './markdown';
import { segmentCell } from './segment';
import { scoreCell } from './score';

/** Every cell kind, in the order the "Add cell" menu offers them. A new kind is added here only. */
export const cellKinds: readonly CellKind<any>[] = [loadCell, cleanCell, aggregateCell, edaCell, encodeCell, trainMlpCell, evaluateCell, classifyCell, segmentCell, scoreCell, markdownCell];

const byKind = new Map(cellKinds.map((kind) => [kind.kind, kind]));

export function getCellKind(kind: string): CellKind<any> | undefined {
  return byKind.get(kind);
}
