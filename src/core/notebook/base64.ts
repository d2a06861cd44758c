/** Bytes as base64 text and back, in chunks: String.fromCharCode(...bytes) overflows the stack on large arrays. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What base64 makes of `bytes` bytes, without encoding them. */
export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);
