import { newId, type CellDocument, type NotebookDocument } from './document';

/** Pure edits: each returns a new document and leaves the given one untouched. */

export function insertCell(doc: NotebookDocument, cell: Omit<CellDocument, 'id'>, atIndex = doc.cells.length): NotebookDocument {
  const cells = [...doc.cells];
  cells.splice(Math.max(0, Math.min(atIndex, cells.length)), 0, { ...cell, id: newId('cell') });
  return { ...doc, cells };
}

export function removeCell(doc: NotebookDocument, cellId: string): NotebookDocument {
  return { ...doc, cells: doc.cells.filter((cell) => cell.id !== cellId) };
}

export function duplicateCell(doc: NotebookDocument, cellId: string): NotebookDocument {
  const index = doc.cells.findIndex((cell) => cell.id === cellId);
  if (index < 0) return doc;
  const { id: _id, ...copy } = structuredClone(doc.cells[index]);
  return insertCell(doc, copy, index + 1);
}

/** Moves a cell by `offset` places (-1 up, +1 down), clamped to the ends. */
export function moveCell(doc: NotebookDocument, cellId: string, offset: number): NotebookDocument {
  const from = doc.cells.findIndex((cell) => cell.id === cellId);
  if (from < 0) return doc;
  const to = Math.max(0, Math.min(doc.cells.length - 1, from + offset));
  if (to === from) return doc;
  const cells = [...doc.cells];
  const [moved] = cells.splice(from, 1);
  cells.splice(to, 0, moved);
  return { ...doc, cells };
}

export function updateCellParams(doc: NotebookDocument, cellId: string, params: Record<string, unknown>): NotebookDocument {
  return {
    ...doc,
    cells: doc.cells.map((cell) => (cell.id === cellId ? { ...cell, params: { ...cell.params, ...params } } : cell)),
  };
}

export function renameCell(doc: NotebookDocument, cellId: string, title: string): NotebookDocument {
  return {
    ...doc,
    cells: doc.cells.map((cell) => {
      if (cell.id !== cellId) return cell;
      const { title: _old, ...rest } = cell;
      return title.trim() === '' ? rest : { ...rest, title };
    }),
  };
}
