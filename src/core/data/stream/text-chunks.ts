import type { ByteChunk } from '../blob-reader';
import { encodeUtf8 } from './utf8';

/** Thrown by the record reader when the bytes are not well-formed UTF-8, so the caller can pick another encoding. */
export class InvalidUtf8 extends Error {}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

function joinBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

/**
 * The content as UTF-8 pieces for the record reader, without a leading byte-order mark (as
 * TextDecoder drops it), even one cut across the first pieces. The bytes are not decoded here: the
 * reader checks they are well-formed as it passes over them and decodes only what it keeps as text.
 */
export async function* utf8Chunks(chunks: AsyncIterable<ByteChunk>): AsyncGenerator<ByteChunk> {
  // The file's first bytes while they could still be the start of a mark.
  let start: Uint8Array | null = new Uint8Array(0);
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead = chunk.bytesRead;
    if (start === null) {
      yield chunk;
      continue;
    }
    const head = joinBytes(start, chunk.bytes);
    const marked = BYTE_ORDER_MARK.every((byte, index) => index >= head.length || head[index] === byte);
    if (marked && head.length < BYTE_ORDER_MARK.length) {
      start = head;
      // An empty piece still reports progress, as each piece of the file does.
      yield { bytes: new Uint8Array(0), bytesRead };
      continue;
    }
    start = null;
    yield { bytes: marked ? head.subarray(BYTE_ORDER_MARK.length) : head, bytesRead };
  }
  // A file shorter than the mark, whose bytes all matched it so far.
  if (start !== null && start.length > 0) yield { bytes: start, bytesRead };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Text already decoded whole (Latin-1, UTF-16, damaged UTF-8) as UTF-8 pieces of about
 * `chunkChars` characters for the same reader; a piece never ends between the two halves of a surrogate pair.
 */
export function* textChunks(text: string, totalBytes: number, chunkChars: number): Generator<ByteChunk> {
  for (let offset = 0, end = 0; offset < text.length; offset = end) {
    end = Math.min(text.length, offset + chunkChars);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    yield { bytes: encodeUtf8(text.slice(offset, end)), bytesRead: Math.round((totalBytes * end) / text.length) };
  }
}
