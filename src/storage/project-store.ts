import type { NotebookDocument } from '../core/notebook/document';
import { DocumentError, migrate } from '../core/notebook/migrate';
import type { CellRecord } from '../core/runtime/record';
import { readRecords, type SavedRecords } from './read-saved';
import { createMemoryShelf, type Shelf } from './shelf';

/** What a page load finds of the last project. */
export interface RestoredProject {
  document: NotebookDocument | null;
  records: CellRecord[];
  /** Why something saved was not restored, in words for the user. */
  warnings: string[];
}

/** Keeps the one open project's notebook and the last result of each cell; its dataset is the kernel's (`DatasetStore`). */
export interface ProjectStore {
  saveDocument(doc: NotebookDocument): Promise<void>;
  saveRecords(documentId: string, records: CellRecord[]): Promise<void>;
  restore(): Promise<RestoredProject>;
  clear(): Promise<void>;
}

export interface ProjectShelves {
  documents: Shelf;
  results: Shelf;
}

const CURRENT = 'current';

export function createProjectStore(shelves: ProjectShelves): ProjectStore {
  return {
    saveDocument: (doc) => shelves.documents.set(CURRENT, doc),
    saveRecords: (documentId, records) => shelves.results.set(CURRENT, { documentId, records } satisfies SavedRecords),
    async restore() {
      const warnings: string[] = [];
      const [rawDocument, rawRecords] = await Promise.all([shelves.documents.get(CURRENT), shelves.results.get(CURRENT)]);
      let document: NotebookDocument | null = null;
      if (rawDocument !== undefined) {
        try {
          document = migrate(rawDocument);
        } catch (error) {
          const reason = error instanceof DocumentError ? error.message : String(error);
          warnings.push(`The saved notebook could not be read (${reason}); it was set aside.`);
        }
      }
      return { document, records: document ? readRecords(rawRecords, document) : [], warnings };
    },
    async clear() {
      await Promise.all([shelves.documents.delete(CURRENT), shelves.results.delete(CURRENT)]);
    },
  };
}

/** A project store in memory, for tests and for browsers without IndexedDB. */
export function createMemoryProjectStore(): ProjectStore {
  return createProjectStore({ documents: createMemoryShelf(), results: createMemoryShelf() });
}
