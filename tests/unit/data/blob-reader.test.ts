import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { byteChunks, headBytes, wholeBytes } from '../../../src/core/data/blob-reader';

const content = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251);

async function collect(blob: Blob, gzip: boolean, chunkBytes: number) {
  const chunks = [];
  for await (const chunk of byteChunks(blob, gzip, 'f.csv.gz', chunkBytes)) chunks.push(chunk);
  return chunks;
}

describe('reading a Blob in pieces', () => {
  it('cuts plain content into slices of the chunk size, counting bytes read', async () => {
    const chunks = await collect(new Blob([content]), false, 100_000);
    expect(chunks.map((chunk) => chunk.bytes.length)).toEqual([100_000, 100_000, 100_000]);
    expect(chunks.map((chunk) => chunk.bytesRead)).toEqual([100_000, 200_000, 300_000]);
  });

  it('inflates gzip content as a stream, gathering pieces to the chunk size, progress in stored bytes', async () => {
    const stored = gzipSync(content);
    const chunks = await collect(new Blob([stored]), true, 64_000);
    expect(chunks.slice(0, -1).every((chunk) => chunk.bytes.length >= 64_000)).toBe(true);
    expect(chunks.at(-1)!.bytesRead).toBe(stored.length);
    const joined = new Uint8Array(await new Blob(chunks.map((chunk) => chunk.bytes as Uint8Array<ArrayBuffer>)).arrayBuffer());
    expect(joined).toEqual(content);
    expect(await wholeBytes(new Blob([stored]), true, 'f.csv.gz')).toEqual(content);
    expect(await headBytes(new Blob([stored]), true, 'f.csv.gz', 1000)).toEqual(content.subarray(0, 1000));
  });

  it('names the file when gzip content is cut short', async () => {
    const stored = gzipSync(content);
    await expect(wholeBytes(new Blob([stored.subarray(0, stored.length / 2)]), true, 'cut.csv.gz')).rejects.toThrow(/cut\.csv\.gz looks gzip-compressed but could not be decompressed/);
  });
});
