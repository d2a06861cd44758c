import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type NotebookDocument } from '../../../src/core/notebook/document';
import { notebookExpressions } from '../../../src/core/notebook/trust';

const notebook = (cells: NotebookDocument['cells']): NotebookDocument => ({ schemaVersion: SCHEMA_VERSION, id: 'nb', title: 'T', cells });

describe('notebookExpressions', () => {
  it("lists Clean's row filters and derived columns, switched-off steps included, with where they sit", () => {
    const doc = notebook([
      { id: 'load', kind: 'load', params: { target: 'y' } },
      {
        id: 'clean',
        kind: 'clean',
        title: 'My clean',
        params: {
          steps: [
            { op: 'retype', enabled: true },
            { op: 'filter-rows', enabled: false, expression: ' d => d.x > 1 ' },
            { op: 'derive-column', enabled: true, name: 'z', expression: 'd => d.x * 2' },
          ],
        },
      },
    ]);
    expect(notebookExpressions(doc)).toEqual([
      { cellId: 'clean', cell: 'My clean', where: 'Filter rows (step 2)', expression: 'd => d.x > 1' },
      { cellId: 'clean', cell: 'My clean', where: 'Derived column (step 3)', expression: 'd => d.x * 2' },
    ]);
  });

  it('finds none in the default steps, in empty expressions or in unknown kinds', () => {
    const doc = notebook([
      { id: 'clean', kind: 'clean', params: {} },
      { id: 'clean-2', kind: 'clean', params: { steps: [{ op: 'filter-rows', enabled: true, expression: '  ' }] } },
      { id: 'odd', kind: 'nonsense', params: { expression: 'd => 1' } },
    ]);
    expect(notebookExpressions(doc)).toEqual([]);
  });
});
