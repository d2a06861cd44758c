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

/** Identifies a file's content: every byte for small files, 64 spread samples of 16 KiB for big ones. */
export function hashBytes(bytes: Uint8Array): string {
  const sampleSize = 16384;
  const samples = 64;
  const parts: string[] = [String(bytes.length)];
  const take = (start: number, end: number) => {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
    return s;
  };
  if (bytes.length <= sampleSize * samples) {
    for (let start = 0; start < bytes.length; start += sampleSize) parts.push(hashString(take(start, Math.min(bytes.length, start + sampleSize))));
  } else {
    const step = Math.floor((bytes.length - sampleSize) / (samples - 1));
    for (let k = 0; k < samples; k++) parts.push(hashString(take(k * step, k * step + sampleSize)));
  }
  return hashString(parts.join('|'));
}
