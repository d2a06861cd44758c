/**
 * Memory a loaded table takes per byte of delimited text: the 1M-row × 52-column sessions CSV
 * (351 MB) raised the worker's memory by 1.59 GB once read (`tests/bench/results/ingest.json`).
 */
const LOADED_BYTES_PER_TEXT_BYTE = 4.5;
/** Session exports shrink about five-fold under gzip; Parquet and Arrow are compressed columns too. */
const COMPRESSION_RATIO = 5;
/** Without any figure from the host, one dataset may take this much. */
const FALLBACK_BUDGET = 1 << 30;
const GiB = 1 << 30;

/** What the host tells of its memory: `navigator.deviceMemory` (GiB) and the JS heap limit, where present. */
export interface MemoryFacts {
  deviceMemoryGiB?: number;
  heapLimitBytes?: number;
}

/**
 * How much memory one dataset may take: half the JS heap the tab (or Node) may grow to, and a
 * quarter of the device's memory, whichever is less — the page, the model and the browser need
 * the rest.
 */
export function memoryBudget(facts: MemoryFacts): number {
  const limits = [facts.heapLimitBytes && facts.heapLimitBytes / 2, facts.deviceMemoryGiB && (facts.deviceMemoryGiB * GiB) / 4].filter(
    (limit): limit is number => typeof limit === 'number' && limit > 0,
  );
  return limits.length > 0 ? Math.min(...limits) : FALLBACK_BUDGET;
}

/** The memory a file of `storedBytes` likely needs once loaded. */
export function estimatedLoadBytes(storedBytes: number, compressed: boolean): number {
  return storedBytes * (compressed ? COMPRESSION_RATIO : 1) * LOADED_BYTES_PER_TEXT_BYTE;
}
