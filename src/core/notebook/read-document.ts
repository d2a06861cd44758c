import { getCellKind } from '../cells/registry';
import { SCHEMA_VERSION, type CellDocument, type NotebookDocument } from './document';
import { isRecord } from '../is-record';
import { boundedCopy, DocumentError, migrate } from './migrate';

/** Why a document opens read-only, in words for the user. */
export interface ReadOnlyReason {
  /** The schemaVersion the document was saved with, newer than this build's. */
  savedVersion: number;
  message: string;
}

/** A read-only notebook with its stored fields as they stand, so that passing it on loses nothing. */
export interface ReadOnlyNotebook extends ReadOnlyReason {
  stored: Readonly<Record<string, unknown>>;
}

export interface ReadResult {
  document: NotebookDocument;
  /** Null for a document this build can edit and save. */
  readOnly: ReadOnlyReason | null;
}

/** Shown for a cell a newer build wrote without a kind this one can read. */
const UNREADABLE_KIND = '(unreadable)';

export function newerVersionMessage(savedVersion: number): string {
  return (
    `This notebook was saved by a newer version of the workbench (schema ${savedVersion}; this one reads up to ${SCHEMA_VERSION}). ` +
    'It is open read-only so nothing in it is lost: reload the page to get the newer version, or duplicate it to edit a copy here (newer settings may be dropped).'
  );
}

/**
 * A newer build's document as far as this one can show it: cells keep their ids, kinds, titles and
 * parameters as they stand, whatever the newer build changed in their meaning. Only what showing
 * needs is checked; the caller keeps the stored value as it is, so nothing here is written back.
 */
function readNewer(doc: Record<string, unknown>): NotebookDocument {
  if (typeof doc.id !== 'string' || doc.id === '') throw new DocumentError(['id: expected a non-empty string']);
  if (!Array.isArray(doc.cells)) throw new DocumentError(['cells: expected a list']);
  const ids = new Set<string>();
  const cells = doc.cells.map((raw, index): CellDocument => {
    const cell = isRecord(raw) ? raw : {};
    let id = typeof cell.id === 'string' && cell.id !== '' ? cell.id : `cell-${index + 1}`;
    // Cells are drawn by id: a repeated one gets a suffix for this view only.
    while (ids.has(id)) id = `${id}-${index + 1}`;
    ids.add(id);
    return {
      id,
      kind: typeof cell.kind === 'string' && cell.kind !== '' ? cell.kind : UNREADABLE_KIND,
      ...(typeof cell.title === 'string' ? { title: cell.title } : {}),
      params: isRecord(cell.params) ? cell.params : {},
    };
  });
  return { schemaVersion: SCHEMA_VERSION, id: doc.id, title: typeof doc.title === 'string' ? doc.title : 'Untitled notebook', cells };
}

/**
 * Reads a saved or imported document: older versions are migrated, and one from a newer build is
 * read leniently and marked read-only. Throws DocumentError for anything else that cannot be read.
 */
export function readDocument(input: unknown): ReadResult {
  const doc = boundedCopy(input);
  if (doc.schemaVersion <= SCHEMA_VERSION) return { document: migrate(doc), readOnly: null };
  return { document: readNewer(doc), readOnly: { savedVersion: doc.schemaVersion, message: newerVersionMessage(doc.schemaVersion) } };
}

/** An editable copy of a read-only document, and the cells left out of it, in words. */
export interface EditableCopy {
  document: NotebookDocument;
  dropped: string[];
}

/**
 * The cells this build knows, at its own version; a cell of a kind it does not know cannot run or
 * be edited here, so it is left out and named.
 */
export function editableCopy(document: NotebookDocument): EditableCopy {
  const known = document.cells.filter((cell) => getCellKind(cell.kind));
  const dropped = document.cells.filter((cell) => !getCellKind(cell.kind)).map((cell) => (cell.title ? `“${cell.title}” (${cell.kind})` : `a ${cell.kind} cell`));
  return { document: { ...document, cells: known }, dropped };
}
