import { createStore, del, get, set, values } from 'idb-keyval';
import type { Shelf } from './shelf';
import { createDatasetStore, type DatasetKeeper, type DatasetStore } from './dataset-store';
import { createModelStore, type ModelStore } from './model-store';
import { createProjectStore, type ProjectStore } from './project-store';

/** idb-keyval opens one object store per database, so each concern gets its own database. */
function indexedDbShelf(name: string): Shelf {
  const store = createStore(`session-workbench-${name}`, name);
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    delete: (key) => del(key, store),
    values: () => values(store),
  };
}

/** The page's side: documents, results and the project list; datasets go through the kernel. */
export function createIndexedDbProjectStore(datasets: DatasetKeeper): ProjectStore {
  return createProjectStore(
    {
      documents: indexedDbShelf('documents'),
      results: indexedDbShelf('results'),
      projects: indexedDbShelf('projects'),
    },
    datasets,
  );
}

/** The kernel worker's trained and imported models. */
export function createIndexedDbModelStore(): ModelStore {
  return createModelStore(indexedDbShelf('models'));
}

/** Opened in the kernel worker: IndexedDB is there too, and the dataset stays off the page. */
export function createIndexedDbDatasetStore(): DatasetStore {
  return createDatasetStore(indexedDbShelf('datasets'));
}
