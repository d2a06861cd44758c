import { createStore, del, get, set } from 'idb-keyval';
import type { Shelf } from './shelf';
import { createDatasetStore, type DatasetStore } from './dataset-store';
import { createProjectStore, type ProjectStore } from './project-store';

/** idb-keyval opens one object store per database, so each concern gets its own database. */
function indexedDbShelf(name: string): Shelf {
  const store = createStore(`session-workbench-${name}`, name);
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    delete: (key) => del(key, store),
  };
}

export function createIndexedDbProjectStore(): ProjectStore {
  return createProjectStore({
    documents: indexedDbShelf('documents'),
    results: indexedDbShelf('results'),
  });
}

/** Opened in the kernel worker: IndexedDB is there too, and the dataset stays off the page. */
export function createIndexedDbDatasetStore(): DatasetStore {
  return createDatasetStore(indexedDbShelf('datasets'));
}
