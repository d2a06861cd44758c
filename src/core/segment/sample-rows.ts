import { createRandom, shuffledIndices } from '../random';

/** Up to `maxRows` row indices drawn without replacement (seeded), ascending; every row when there are no more. */
export function sampleRows(rows: number, maxRows: number, seed: number): Uint32Array {
  if (rows <= maxRows) return Uint32Array.from({ length: rows }, (_, i) => i);
  return shuffledIndices(rows, createRandom(seed)).slice(0, maxRows).sort();
}
