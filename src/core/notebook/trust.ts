import { getCellKind } from '../cells/registry';
import { resolveParams } from '../cells/params';
import type { OperationItem, ParamField } from '../cells/types';
import type { NotebookDocument } from './document';

/**
 * Code in a notebook: the arquero expressions of Clean's row filter and derived-column steps run
 * as JavaScript on the data. A notebook from a file or a link may hold any, so they wait for the
 * user's consent, as Jupyter holds back untrusted output.
 */
export interface NotebookExpression {
  cellId: string;
  /** The cell as the user sees it: its title, else its kind's label. */
  cell: string;
  /** Where in the cell, e.g. `Filter rows (step 2)`. */
  where: string;
  expression: string;
}

/** A parameter holding an expression is named `expression`, wherever it sits. */
const EXPRESSION_KEY = 'expression';

function expressionIn(fields: readonly ParamField[], params: Record<string, unknown>): string[] {
  return fields.flatMap((field) => {
    const value = params[field.key];
    return field.key === EXPRESSION_KEY && typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  });
}

/** Every expression the notebook would run, switched-off steps included (Clean tries those too). */
export function notebookExpressions(doc: NotebookDocument): NotebookExpression[] {
  return doc.cells.flatMap((cell) => {
    const kind = getCellKind(cell.kind);
    if (!kind) return [];
    const params = resolveParams(kind, cell.params) as Record<string, unknown>;
    const label = cell.title ?? kind.label;
    const own = expressionIn(kind.fields, params).map((expression) => ({ cellId: cell.id, cell: label, where: kind.label, expression }));
    const inSteps = kind.fields.flatMap((field) => {
      const items = params[field.key];
      if (field.type !== 'operations' || !Array.isArray(items)) return [];
      return items.flatMap((raw, index) => {
        const item = raw as OperationItem;
        const spec = field.operations.find((operation) => operation.op === item?.op);
        if (!spec) return [];
        return expressionIn(spec.fields, item).map((expression) => ({ cellId: cell.id, cell: label, where: `${spec.label} (step ${index + 1})`, expression }));
      });
    });
    return [...own, ...inSteps];
  });
}
