import { getCellKind } from '../cells/registry';
import { resolveParams } from '../cells/params';
import { newId, type NotebookDocument } from './document';
import { migrate } from './migrate';

/**
 * A new notebook from a shipped template: fresh ids, so two notebooks opened from one template
 * never share saved results, and every parameter written out, so an export reads the same even
 * after a kind's defaults change. Throws DocumentError for a template that cannot be read.
 */
export function instantiateTemplate(template: unknown): NotebookDocument {
  const doc = migrate(template);
  return {
    ...doc,
    id: newId('notebook'),
    cells: doc.cells.map((cell) => {
      const kind = getCellKind(cell.kind);
      return {
        ...cell,
        id: newId('cell'),
        params: kind ? { ...resolveParams(kind, cell.params) } : cell.params,
      };
    }),
  };
}
