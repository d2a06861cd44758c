/** One key-value store for one concern (documents, datasets, results or the project list). */
export interface Shelf {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  values(): Promise<unknown[]>;
}

/** A shelf in memory, for tests: values are structured-cloned in and out, as IndexedDB does. */
export function createMemoryShelf(): Shelf & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (key) => (entries.has(key) ? structuredClone(entries.get(key)) : undefined),
    set: async (key, value) => {
      entries.set(key, structuredClone(value));
    },
    delete: async (key) => {
      entries.delete(key);
    },
    values: async () => [...entries.values()].map((value) => structuredClone(value)),
  };
}
