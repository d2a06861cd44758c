import { newId } from '../core/notebook/document';
import type { DatasetKeeper } from './dataset-store';
import { newMeta, withSizes } from './project-meta';
import { isRecord } from '../core/is-record';
import type { ProjectShelves } from './project-store';
import { storedBytes } from './stored-size';

/** Where builds before the project list kept their one project, on every shelf. */
export const LEGACY_KEY = 'current';

/**
 * Moves the one project an earlier build kept under `current` to its document's id, with its
 * results and dataset, and lists it. Written before anything is deleted, so a start cut short
 * adopts it again next time; a document that cannot be read is moved as it is (opening it says
 * why), never dropped.
 */
export async function adoptLegacyProject(shelves: ProjectShelves, datasets: DatasetKeeper, now: string): Promise<void> {
  const rawDocument = await shelves.documents.get(LEGACY_KEY);
  if (rawDocument === undefined) return;
  const legacy = isRecord(rawDocument) ? rawDocument : {};
  const id = typeof legacy.id === 'string' && legacy.id !== LEGACY_KEY ? legacy.id : newId('notebook');
  const title = typeof legacy.title === 'string' ? legacy.title : 'Untitled notebook';
  const rawRecords = await shelves.results.get(LEGACY_KEY);

  await shelves.documents.set(id, rawDocument);
  if (rawRecords !== undefined) await shelves.results.set(id, rawRecords);
  const dataset = await datasets.copy(LEGACY_KEY, id);
  const meta = withSizes(
    { ...newMeta(id, title, now), datasetName: dataset?.name ?? null },
    { document: storedBytes(rawDocument), records: rawRecords === undefined ? 0 : storedBytes(rawRecords), dataset: dataset?.bytes ?? 0 },
  );
  await shelves.projects.set(id, meta);

  await datasets.remove(LEGACY_KEY);
  await Promise.all([shelves.results.delete(LEGACY_KEY), shelves.documents.delete(LEGACY_KEY)]);
}
