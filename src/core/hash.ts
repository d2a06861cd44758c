/** cyrb53: a fast 53-bit string hash; stamps and dataset ids need stability, not secrecy. */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** JSON with object keys sorted, so equal values always hash equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const SAMPLE_BYTES = 16384;
const SAMPLES = 64;

/** The byte ranges a content id reads: every byte of a small file, 64 spread samples of 16 KiB of a big one. */
function sampledRanges(length: number): [number, number][] {
  if (length <= SAMPLE_BYTES * SAMPLES) {
    return Array.from({ length: Math.ceil(length / SAMPLE_BYTES) }, (_, k) => [k * SAMPLE_BYTES, Math.min(length, (k + 1) * SAMPLE_BYTES)]);
  }
  const step = Math.floor((length - SAMPLE_BYTES) / (SAMPLES - 1));
  return Array.from({ length: SAMPLES }, (_, k) => [k * step, k * step + SAMPLE_BYTES]);
}

function hashSamples(length: number, samples: readonly Uint8Array[]): string {
  const parts = [String(length), ...samples.map((bytes) => hashString(String.fromCharCode(...bytes)))];
  return hashString(parts.join('|'));
}

/** Identifies a file's content from sampled ranges, so a large file is never read whole to name it. */
export function hashBytes(bytes: Uint8Array): string {
  return hashSamples(bytes.length, sampledRanges(bytes.length).map(([start, end]) => bytes.subarray(start, end)));
}

/** `hashBytes` of a Blob's content, reading only the sampled ranges. */
export async function hashBlob(blob: Blob): Promise<string> {
  const samples = await Promise.all(sampledRanges(blob.size).map(async ([start, end]) => new Uint8Array(await blob.slice(start, end).arrayBuffer())));
  return hashSamples(blob.size, samples);
}
