import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../../src/core/notebook/document';
import { removeCell } from '../../../../src/core/notebook/operations';
import { readDocument } from '../../../../src/core/notebook/read-document';
import { NotebookState } from '../../../../src/ui/state/notebook.svelte';

const newer = { schemaVersion: SCHEMA_VERSION + 1, id: 'nb', title: 'Newer', cells: [{ id: 'a', kind: 'load', params: {} }] };

describe('the open notebook', () => {
  it('refuses every edit while read-only, keeping the very document it was given', () => {
    const { document, readOnly } = readDocument(newer);
    const notebook = new NotebookState();
    notebook.open(document, readOnly && { ...readOnly, stored: newer });
    notebook.rename('Changed');
    notebook.edit((doc) => removeCell(doc, 'a'));
    expect(notebook.doc).toBe(document);
    expect(notebook.readOnly?.savedVersion).toBe(SCHEMA_VERSION + 1);
  });

  it('takes edits again once an editable document is opened', () => {
    const notebook = new NotebookState();
    const { document, readOnly } = readDocument(newer);
    notebook.open(document, readOnly && { ...readOnly, stored: newer });
    notebook.open(readDocument({ ...newer, schemaVersion: SCHEMA_VERSION }).document);
    notebook.rename('Mine');
    expect(notebook.readOnly).toBeNull();
    expect(notebook.doc?.title).toBe('Mine');
  });
});
