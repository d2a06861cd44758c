import { isRecord } from '../core/is-record';
import { newId, SCHEMA_VERSION, type NotebookDocument } from '../core/notebook/document';
import { editableCopy, readDocument, type ReadOnlyNotebook } from '../core/notebook/read-document';
import type { CellRecord } from '../core/runtime/record';
import { adoptLegacyProject } from './adopt-legacy';
import type { DatasetKeeper } from './dataset-store';
import { newMeta, readMeta, withSizes, type ProjectMeta } from './project-meta';
import { readRecords, readRunning, type RunningCell, type SavedRecords } from './read-saved';
import { createMemoryShelf, type Shelf } from './shelf';
import { storedBytes } from './stored-size';

/** What opening a project finds. */
export interface RestoredProject {
  document: NotebookDocument | null;
  /** Set for a document saved by a newer build: it is shown as it stands and never written back. */
  readOnly: ReadOnlyNotebook | null;
  /** Every finished cell's last record; an interrupted cell's earlier record is left out, as that cell did not finish. */
  records: CellRecord[];
  /** The cells that were running when the page closed. */
  interrupted: RunningCell[];
  /** Why something saved was not restored, in words for the user. */
  warnings: string[];
}

/**
 * Keeps every project by its document's id: the notebook, the last result of each cell and a
 * list entry; each project's dataset is kept by the kernel (`DatasetKeeper`), asked here only to
 * copy or drop one.
 */
export interface ProjectStore {
  /** At page start: adopts a project saved before projects had ids, purges deleted ones, and names the project to reopen. */
  start(): Promise<string | null>;
  /** Projects not deleted, most recently modified first. */
  list(): Promise<ProjectMeta[]>;
  open(id: string): Promise<RestoredProject>;
  saveDocument(doc: NotebookDocument): Promise<void>;
  saveRecords(documentId: string, records: CellRecord[], running: RunningCell[]): Promise<void>;
  /** What the kernel reports it keeps of the project's dataset after a run. */
  keptDataset(id: string, dataset: { name: string | null; bytes: number }): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  /**
   * A new project with a copy of the notebook, its results and its dataset. A read-only notebook's
   * copy is at this build's version without the cells it cannot read, named in `dropped`.
   */
  duplicate(id: string): Promise<DuplicatedProject>;
  /** Keeps a newer build's notebook (from a file) exactly as given, as a read-only project. */
  keepReadOnly(stored: Readonly<Record<string, unknown>>, doc: NotebookDocument): Promise<void>;
  /** Hides the project and returns its entry, for an Undo; `restore` brings it back until the next start purges it. */
  remove(id: string): Promise<ProjectMeta | null>;
  restore(id: string): Promise<void>;
}

export interface DuplicatedProject {
  meta: ProjectMeta;
  /** The cells left out of a read-only notebook's copy, in words. */
  dropped: string[];
}

export interface ProjectShelves {
  documents: Shelf;
  results: Shelf;
  projects: Shelf;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Saved records less those of cells that were running: a cell cut short did not finish, whatever it showed before. */
function finishedRecords(raw: unknown, doc: NotebookDocument): CellRecord[] {
  const cutShort = new Set(readRunning(raw, doc).map((cell) => cell.cellId));
  return readRecords(raw, doc).filter((record) => !cutShort.has(record.cellId));
}

export function createProjectStore(shelves: ProjectShelves, datasets: DatasetKeeper, clock: () => Date = () => new Date()): ProjectStore {
  const now = () => clock().toISOString();
  /** List entries are read, changed and written back: one at a time, so a document save and a records save never drop each other's change. */
  let metaWrites: Promise<unknown> = Promise.resolve();

  function queued(write: () => Promise<void>): Promise<void> {
    const queuedWrite = metaWrites.then(write);
    metaWrites = queuedWrite.catch(() => undefined);
    return queuedWrite;
  }

  async function changeMeta(id: string, change: (meta: ProjectMeta | null) => ProjectMeta | null): Promise<void> {
    const changed = change(readMeta(await shelves.projects.get(id)));
    if (changed) await shelves.projects.set(id, changed);
  }

  const updateMeta = (id: string, change: (meta: ProjectMeta | null) => ProjectMeta | null) => queued(() => changeMeta(id, change));

  async function allMeta(): Promise<ProjectMeta[]> {
    await metaWrites;
    return (await shelves.projects.values()).map(readMeta).filter((meta): meta is ProjectMeta => meta !== null);
  }

  async function readStored(id: string) {
    const raw = await shelves.documents.get(id);
    if (raw === undefined) throw new Error('it is no longer in this browser');
    return readDocument(raw);
  }

  /**
   * A document a newer build saved is left byte for byte as it is, whoever asks to write over it:
   * an older build still open in another tab included.
   */
  async function refuseNewer(id: string): Promise<void> {
    const stored = await shelves.documents.get(id);
    const version = isRecord(stored) ? stored.schemaVersion : undefined;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new Error(`the notebook in this browser was saved by a newer version (schema ${version}); it was not overwritten`);
    }
  }

  async function purge(id: string): Promise<void> {
    // The dataset first: a start cut short leaves the entry, and the next start purges again.
    await datasets.remove(id);
    await Promise.all([shelves.documents.delete(id), shelves.results.delete(id)]);
    await shelves.projects.delete(id);
  }

  /** `stored` is what goes on the shelf: this version's document, or a newer one's fields as they stand. */
  async function writeDocument(doc: NotebookDocument, stored: unknown): Promise<void> {
    const at = now();
    await Promise.all([
      shelves.documents.set(doc.id, stored),
      changeMeta(doc.id, (meta) => withSizes({ ...(meta ?? newMeta(doc.id, doc.title, at)), title: doc.title, modifiedAt: at }, { document: storedBytes(stored) })),
    ]);
  }

  /** Queued with the list entries, so a new project's entry is written ahead of any results save that follows. */
  const saveDocument = (doc: NotebookDocument) =>
    queued(async () => {
      await refuseNewer(doc.id);
      await writeDocument(doc, doc);
    });

  return {
    async start() {
      await adoptLegacyProject(shelves, datasets, now());
      const projects = await allMeta();
      for (const meta of projects.filter((candidate) => candidate.deletedAt)) {
        // One that cannot be removed now stays hidden, and the next start tries again.
        await purge(meta.id).catch(() => undefined);
      }
      const opened = projects.flatMap(({ id, openedAt, deletedAt }) => (openedAt && !deletedAt ? [{ id, openedAt }] : []));
      return opened.sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0]?.id ?? null;
    },

    async list() {
      return (await allMeta()).filter((meta) => !meta.deletedAt).sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
    },

    async open(id) {
      const [rawDocument, rawRecords] = await Promise.all([shelves.documents.get(id), shelves.results.get(id)]);
      const nothing = { document: null, readOnly: null, records: [], interrupted: [] };
      if (rawDocument === undefined) return { ...nothing, warnings: ['That project is no longer in this browser.'] };
      let document: NotebookDocument;
      let readOnly: ReadOnlyNotebook | null;
      try {
        const read = readDocument(rawDocument);
        document = read.document;
        // readDocument took it for a document object.
        readOnly = read.readOnly && { ...read.readOnly, stored: rawDocument as Record<string, unknown> };
      } catch (error) {
        return { ...nothing, warnings: [`The saved notebook could not be read (${errorText(error)}); it was set aside.`] };
      }
      const at = now();
      // Opening writes only the list's last-opened time, which picks the project the next start reopens:
      // a full storage must not keep a project closed over it (a refused write of the user's own work is reported).
      await updateMeta(id, (meta) => ({ ...(meta ?? newMeta(id, document.title, at)), openedAt: at })).catch(() => undefined);
      const interrupted = readRunning(rawRecords, document);
      return { document, readOnly, records: finishedRecords(rawRecords, document), interrupted, warnings: [] };
    },

    saveDocument,

    async saveRecords(documentId, records, running) {
      const saved: SavedRecords = running.length > 0 ? { documentId, records, running } : { documentId, records };
      await shelves.results.set(documentId, saved);
      const at = now();
      await updateMeta(documentId, (meta) => meta && withSizes({ ...meta, modifiedAt: at }, { records: storedBytes(saved) }));
    },

    keptDataset: (id, dataset) => updateMeta(id, (meta) => meta && withSizes({ ...meta, datasetName: dataset.name }, { dataset: dataset.bytes })),

    async rename(id, title) {
      const read = await readStored(id).catch(() => null);
      // A document that cannot be read, or one a newer build saved, keeps its bytes as they are; only its name in the list changes.
      if (read && !read.readOnly) await saveDocument({ ...read.document, title });
      else await updateMeta(id, (meta) => meta && { ...meta, title });
    },

    async duplicate(id) {
      const read = await readStored(id).catch((error: unknown) => {
        throw new Error(`The project could not be copied: ${errorText(error)}`);
      });
      const { document: original, dropped } = read.readOnly ? editableCopy(read.document) : { document: read.document, dropped: [] };
      const copy: NotebookDocument = { ...original, id: newId('notebook'), title: `${original.title} (copy)` };
      const rawRecords = await shelves.results.get(id);
      const records = finishedRecords(rawRecords, original);
      const dataset = await datasets.copy(id, copy.id);
      await shelves.documents.set(copy.id, copy);
      const savedRecords: SavedRecords = { documentId: copy.id, records };
      await shelves.results.set(copy.id, savedRecords);
      const meta = withSizes(
        { ...newMeta(copy.id, copy.title, now()), openedAt: null, datasetName: dataset?.name ?? null },
        { document: storedBytes(copy), records: storedBytes(savedRecords), dataset: dataset?.bytes ?? 0 },
      );
      await updateMeta(copy.id, () => meta);
      return { meta, dropped };
    },

    keepReadOnly: (stored, doc) => queued(() => writeDocument(doc, stored)),

    async remove(id) {
      let removed: ProjectMeta | null = null;
      await updateMeta(id, (meta) => (removed = meta && { ...meta, deletedAt: now() }));
      return removed;
    },

    restore: (id) =>
      updateMeta(id, (meta) => {
        if (!meta) return null;
        const { deletedAt: _deleted, ...kept } = meta;
        return kept;
      }),
  };
}

/** A project store in memory, for tests and for browsers without IndexedDB. */
export function createMemoryProjectStore(datasets: DatasetKeeper): ProjectStore {
  return createProjectStore({ documents: createMemoryShelf(), results: createMemoryShelf(), projects: createMemoryShelf() }, datasets);
}
