import type { NotebookDocument } from '../../core/notebook/document';

/**
 * The saved document and nothing else. It is replaced, never mutated: edits are the pure
 * operations of core/notebook, so the value can go to IndexedDB and the worker as it stands.
 */
export class NotebookState {
  doc = $state.raw<NotebookDocument | null>(null);

  open(doc: NotebookDocument): void {
    this.doc = doc;
  }

  edit(operation: (doc: NotebookDocument) => NotebookDocument): void {
    if (this.doc) this.doc = operation(this.doc);
  }

  rename(title: string): void {
    this.edit((doc) => ({ ...doc, title }));
  }
}
