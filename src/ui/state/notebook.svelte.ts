import type { NotebookDocument } from '../../core/notebook/document';
import type { ReadOnlyNotebook } from '../../core/notebook/read-document';

/**
 * The saved document and nothing else. It is replaced, never mutated: edits are the pure
 * operations of core/notebook, so the value can go to IndexedDB and the worker as it stands.
 */
export class NotebookState {
  doc = $state.raw<NotebookDocument | null>(null);
  /** Set while the document is a newer build's: every edit is refused, so nothing of it is lost. */
  readOnly = $state.raw<ReadOnlyNotebook | null>(null);

  open(doc: NotebookDocument | null, readOnly: ReadOnlyNotebook | null = null): void {
    this.doc = doc;
    this.readOnly = doc && readOnly;
  }

  edit(operation: (doc: NotebookDocument) => NotebookDocument): void {
    if (this.doc && !this.readOnly) this.doc = operation(this.doc);
  }

  rename(title: string): void {
    this.edit((doc) => ({ ...doc, title }));
  }
}
