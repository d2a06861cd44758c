/**
 * About how many bytes a value takes in IndexedDB: binary data by its length, everything else by
 * the length of its JSON text. Browsers do not say what one entry takes, so this is an estimate
 * that ranks projects by size honestly (the Arrow columns of a dataset dominate it).
 */
export function storedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + storedBytes(item) + 1, 2);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).reduce((sum, [key, item]) => (item === undefined ? sum : sum + key.length + 4 + storedBytes(item)), 2);
  }
  return JSON.stringify(value)?.length ?? 0;
}
