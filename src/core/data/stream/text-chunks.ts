/** A piece of the file's text and how many of the file's bytes have been read up to its end. */
export interface TextChunk {
  text: string;
  bytesRead: number;
}

/** Thrown by `utf8Chunks` when the bytes are not valid UTF-8, so the caller can pick another encoding. */
export class InvalidUtf8 extends Error {}

/**
 * The bytes decoded as UTF-8 a slice at a time: a character split across two slices is completed
 * by the decoder's streaming mode, and a leading byte-order mark is dropped.
 */
export function* utf8Chunks(bytes: Uint8Array, chunkBytes: number): Generator<TextChunk> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const end = Math.min(bytes.length, offset + chunkBytes);
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(offset, end), { stream: end < bytes.length });
    } catch {
      throw new InvalidUtf8();
    }
    yield { text, bytesRead: end };
  }
}

/** Text already decoded whole (Latin-1, UTF-16, damaged UTF-8), cut into pieces for the same reader. */
export function* textChunks(text: string, totalBytes: number, chunkChars: number): Generator<TextChunk> {
  for (let offset = 0; offset < text.length; offset += chunkChars) {
    const end = Math.min(text.length, offset + chunkChars);
    yield { text: text.slice(offset, end), bytesRead: Math.round((totalBytes * end) / text.length) };
  }
}
