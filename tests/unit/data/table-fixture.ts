import { table } from 'arquero';
import type { ColumnType, TableArtifact } from '../../../src/core/cells/types';
import type { CellValue } from '../../../src/core/data/infer-type';

/** A table artifact from `{ name: [type, values] }`, in key order. */
export function tableArtifact(columns: Record<string, [ColumnType, CellValue[]]>, target: string | null = null): TableArtifact {
  const names = Object.keys(columns);
  return {
    kind: 'table',
    table: table(Object.fromEntries(names.map((name) => [name, columns[name][1]])), names),
    columns: names.map((name) => ({ name, type: columns[name][0] })),
    target,
    missingTokens: {},
  };
}
