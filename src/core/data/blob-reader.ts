import { CellError } from '../cells/types';

/** A piece of the file's content (inflated when gzip-compressed) and how much of the stored file has been read. */
export interface ByteChunk {
  bytes: Uint8Array;
  /** Bytes of the file as stored (compressed ones for gzip), for progress against its size. */
  bytesRead: number;
}

const damaged = (fileName: string) =>
  new CellError(`${fileName} looks gzip-compressed but could not be decompressed: the file is damaged or cut short`);

/** The stored file's bytes inflated on the way, counting the compressed bytes that went in. */
function inflated(blob: Blob, counted: { bytesRead: number }): ReadableStream<Uint8Array> {
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      counted.bytesRead += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return blob.stream().pipeThrough(count).pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
}

function concat(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.byteLength;
  }
  return joined;
}

/**
 * The content in pieces of `chunkBytes` (the last may be shorter), read slice by slice, so a file
 * of any size is never held whole. A gzip file is inflated as a stream; the pieces are gathered to
 * `chunkBytes` because a decompressor hands out small ones.
 */
export async function* byteChunks(blob: Blob, gzip: boolean, fileName: string, chunkBytes: number): AsyncGenerator<ByteChunk> {
  if (!gzip) {
    for (let offset = 0; offset < blob.size; offset += chunkBytes) {
      const end = Math.min(blob.size, offset + chunkBytes);
      yield { bytes: new Uint8Array(await blob.slice(offset, end).arrayBuffer()), bytesRead: end };
    }
    return;
  }
  const counted = { bytesRead: 0 };
  const reader = inflated(blob, counted).getReader();
  let pieces: Uint8Array[] = [];
  let gathered = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw damaged(fileName);
      }
      if (next.done) break;
      pieces.push(next.value);
      gathered += next.value.byteLength;
      if (gathered >= chunkBytes) {
        yield { bytes: concat(pieces, gathered), bytesRead: counted.bytesRead };
        pieces = [];
        gathered = 0;
      }
    }
    if (gathered > 0) yield { bytes: concat(pieces, gathered), bytesRead: blob.size };
  } finally {
    // A reader that stops early (enough rows, cancel, an error) lets go of the file.
    await reader.cancel().catch(() => undefined);
  }
}

/** The first `count` bytes of the content (fewer if it is shorter). */
export async function headBytes(blob: Blob, gzip: boolean, fileName: string, count: number): Promise<Uint8Array> {
  if (!gzip) return new Uint8Array(await blob.slice(0, count).arrayBuffer());
  for await (const chunk of byteChunks(blob, true, fileName, count)) return chunk.bytes.subarray(0, count);
  return new Uint8Array(0);
}

/** The whole content, for the formats that are decoded at once (Parquet, Arrow, JSON). */
export async function wholeBytes(blob: Blob, gzip: boolean, fileName: string): Promise<Uint8Array> {
  if (!gzip) return new Uint8Array(await blob.arrayBuffer());
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of byteChunks(blob, true, fileName, 8 << 20)) {
    pieces.push(chunk.bytes);
    length += chunk.bytes.byteLength;
  }
  return concat(pieces, length);
}
