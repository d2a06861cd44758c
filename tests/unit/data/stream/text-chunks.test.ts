import { describe, expect, it } from 'vitest';
import { byteChunks } from '../../../../src/core/data/blob-reader';
import { textChunks, utf8Chunks } from '../../../../src/core/data/stream/text-chunks';

async function gathered(bytes: Uint8Array<ArrayBuffer>, chunkBytes: number) {
  const pieces: Uint8Array[] = [];
  const progress: number[] = [];
  for await (const chunk of utf8Chunks(byteChunks(new Blob([bytes]), false, 'f.csv', chunkBytes))) {
    pieces.push(chunk.bytes);
    progress.push(chunk.bytesRead);
  }
  return { bytes: new Uint8Array(pieces.flatMap((piece) => [...piece])), progress };
}

describe('utf8Chunks', () => {
  const encoder = new TextEncoder();

  it('drops a leading byte-order mark however the first pieces cut it, and reports every piece', async () => {
    const text = 'a,b\n1,é\n';
    const bytes = encoder.encode(`\uFEFF${text}`);
    for (const chunkBytes of [1, 2, 3, 4, bytes.length]) {
      const read = await gathered(bytes, chunkBytes);
      expect(new TextDecoder().decode(read.bytes)).toBe(text);
      expect(read.progress).toEqual(Array.from({ length: Math.ceil(bytes.length / chunkBytes) }, (_, index) => Math.min(bytes.length, (index + 1) * chunkBytes)));
    }
  });

  it('keeps a byte-order mark that is not the first character, and bytes that only begin like one', async () => {
    const cases: [Uint8Array<ArrayBuffer>, string][] = [
      [encoder.encode('a\uFEFF,b\n'), 'a\uFEFF,b\n'],
      [encoder.encode('\uFEFF\uFEFFa\n'), '\uFEFFa\n'],
      [new Uint8Array([0xef, 0xbb, 0x41]), '\uFFFDA'],
    ];
    for (const [bytes, kept] of cases) {
      for (const chunkBytes of [1, 2, bytes.length]) expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode((await gathered(bytes, chunkBytes)).bytes)).toBe(kept);
    }
  });

  it('hands on a file shorter than a byte-order mark as it is', async () => {
    expect([...(await gathered(new Uint8Array([0xef, 0xbb]), 1)).bytes]).toEqual([0xef, 0xbb]);
  });
});

describe('textChunks', () => {
  it('encodes decoded text as UTF-8 pieces, never cutting a surrogate pair in two', () => {
    const text = 'a😀b,😀😀\n日本,é\n';
    for (let chunkChars = 1; chunkChars <= text.length; chunkChars++) {
      const pieces = [...textChunks(text, 1000, chunkChars)];
      expect(pieces.map((piece) => new TextDecoder('utf-8', { fatal: true }).decode(piece.bytes)).join('')).toBe(text);
      expect(pieces.at(-1)?.bytesRead).toBe(1000);
    }
  });
});
