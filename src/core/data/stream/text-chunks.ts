import type { ByteChunk } from '../blob-reader';

/** A piece of the file's text and how many of the file's bytes have been read up to its end. */
export interface TextChunk {
  text: string;
  bytesRead: number;
}

/** Thrown by `utf8Chunks` when the bytes are not valid UTF-8, so the caller can pick another encoding. */
export class InvalidUtf8 extends Error {}

/**
 * The content decoded as UTF-8 a piece at a time: a character split across two pieces is
 * completed by the decoder's streaming mode, and a leading byte-order mark is dropped.
 */
export async function* utf8Chunks(chunks: AsyncIterable<ByteChunk>): AsyncGenerator<TextChunk> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const { bytes, bytesRead } of chunks) {
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new InvalidUtf8();
    }
    yield { text, bytesRead };
  }
  try {
    // Flushing throws when the file ends inside a multi-byte character.
    decoder.decode();
  } catch {
    throw new InvalidUtf8();
  }
}

/** Text already decoded whole (Latin-1, UTF-16, damaged UTF-8), cut into pieces for the same reader. */
export function* textChunks(text: string, totalBytes: number, chunkChars: number): Generator<TextChunk> {
  for (let offset = 0; offset < text.length; offset += chunkChars) {
    const end = Math.min(text.length, offset + chunkChars);
    yield { text: text.slice(offset, end), bytesRead: Math.round((totalBytes * end) / text.length) };
  }
}
