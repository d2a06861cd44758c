import type { FeatureMatrix } from '../cells/types';
import { hashString } from '../hash';

const CHUNK_BYTES = 8192;

/** Every byte, in chunks short enough to spread as call arguments. */
function hashArray(values: Float32Array | Int32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const parts: string[] = [String(values.length)];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    parts.push(hashString(String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES))));
  }
  return hashString(parts.join('|'));
}

/**
 * Identifies a feature matrix bit for bit: names, then x, y and any category codes of each part. A shared notebook run
 * on the same file must reproduce it; any change of split, encoder or order changes it.
 */
export function featureChecksum(featureNames: readonly string[], parts: readonly FeatureMatrix[]): string {
  const hashes = [hashString(featureNames.join('\u0000')), ...parts.flatMap((part) => [hashArray(part.x), hashArray(part.y), ...(part.codes ? [hashArray(part.codes)] : [])])];
  return hashString(hashes.join('|'));
}
