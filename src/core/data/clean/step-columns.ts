import { CellError, type ColumnInfo, type ColumnType, type TableArtifact } from '../../cells/types';

const TEXT_TYPES: ReadonlySet<ColumnType> = new Set(['categorical', 'text', 'identifier']);

export const isTextType = (type: ColumnType): boolean => TEXT_TYPES.has(type);

/**
 * The named columns, in the order given; a name the table lacks (a notebook shared with a file
 * that has no such column) is an error that names it.
 */
export function requireColumns(data: TableArtifact, names: readonly string[]): ColumnInfo[] {
  return names.map((name) => {
    const column = data.columns.find((candidate) => candidate.name === name);
    if (!column) throw new CellError(`column “${name}” is not in the table`);
    return column;
  });
}

/** The named columns, each of one of `types`; `need` says why in the error, e.g. `capping needs numbers`. */
export function requireColumnsOfType(data: TableArtifact, names: readonly string[], types: readonly ColumnType[], need: string): ColumnInfo[] {
  const columns = requireColumns(data, names);
  for (const column of columns) {
    if (!types.includes(column.type)) throw new CellError(`column “${column.name}” is ${column.type}: ${need}`);
  }
  return columns;
}
