import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../../src/core/cells/types';
import { readColumn } from '../../../../src/core/data/infer-type';
import { parseDelimited } from '../../../../src/core/data/parse-delimited';
import { readDelimitedStream, type StreamOptions } from '../../../../src/core/data/stream/read-delimited-stream';
import type { ProgressUpdate } from '../../../../src/core/cells/types';
import { InvalidUtf8, textChunks, utf8Chunks } from '../../../../src/core/data/stream/text-chunks';
import { byteChunks } from '../../../../src/core/data/blob-reader';

const options = (text: string, textColumns: number[] = []): StreamOptions => ({ fileName: 'test.csv', totalBytes: text.length, textColumns: () => new Set(textColumns) });

/** Reads `text` cut into `chunkChars`-long pieces, so records and quotes straddle chunk ends. */
const readInPieces = (text: string, chunkChars: number, textColumns: number[] = []) =>
  readDelimitedStream(() => textChunks(text, text.length, chunkChars), options(text, textColumns));

/** Reads UTF-8 `bytes` cut into `chunkBytes`-long slices, as a file is read. */
const readBytesInPieces = (bytes: Uint8Array<ArrayBuffer>, chunkBytes: number, textColumns: number[] = []) =>
  readDelimitedStream(() => utf8Chunks(byteChunks(new Blob([bytes]), false, 'test.csv', chunkBytes)), { ...options('', textColumns), totalBytes: bytes.length });

/** The text split in one go, every cell a string, each column typed by `readColumn` from its strings. */
function readWhole(text: string) {
  const parsed = parseDelimited(text, ',');
  return { header: parsed.header, rows: parsed.rows, columns: parsed.header.map((name, index) => readColumn(name, parsed.cells[index])) };
}

/** A seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Columns of every kind the type rules tell apart, with awkward cells among them. */
function generatedCsv(rows: number, seed: number): string {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const lines = ['price,visits,OperatingSystems,date,visitStartTime,userId,flag,label,notes,mixed,padded,quotedAmount,quotedDay'];
  for (let row = 0; row < rows; row++) {
    lines.push(
      [
        next() < 0.1 ? '' : (next() * 1000).toFixed(pick([0, 1, 2])),
        next() < 0.05 ? pick(['nan', 'inf', '1e400']) : String(Math.floor(next() * 20)),
        String(1 + Math.floor(next() * 4)),
        `202401${String(10 + Math.floor(next() * 18))}`,
        String(1_700_000_000 + Math.floor(next() * 1e6)),
        String(1000 + row),
        pick(['TRUE', 'FALSE', '']),
        pick(['"a, quoted"', '"say ""hi"""', '"two\nlines"', 'plain', 'Zürich']),
        pick(['', 'x']),
        row === rows - 3 ? '?' : String(row % 7),
        pick([' 4', '4.0', '04', '4']),
        pick(['"12.5"', '"3"', '""', '"1.50"', '7', '" 8"']),
        pick(['"20240105"', '20240106', '""']),
      ].join(','),
    );
  }
  return lines.join(pick(['\n', '\r\n'])) + '\n';
}

describe('readDelimitedStream', () => {
  it('gives the same header, rows, types and values as typing every cell as a string, whatever the chunk size', async () => {
    const text = generatedCsv(300, 7);
    const expected = readWhole(text);
    for (const chunkChars of [1, 2, 3, 17, 64, 1000, text.length]) {
      const streamed = await readInPieces(text, chunkChars);
      expect(streamed.header).toEqual(expected.header);
      expect(streamed.rows).toBe(expected.rows);
      expect(streamed.columns).toEqual(expected.columns.map((typed) => ({ typed })));
    }
  });

  it('types a column of numbers with a junk token near the end as typing its strings does', async () => {
    const text = `mixed\n${Array.from({ length: 50 }, (_, row) => (row === 48 ? 'unknown' : String(row))).join('\n')}\n`;
    const streamed = await readInPieces(text, 16);
    expect(streamed.columns[0]).toEqual({ typed: readWhole(text).columns[0] });
    expect(streamed.columns[0]).not.toMatchObject({ typed: { type: 'number' } });
  });

  it('keeps integer codes written as text exactly as written', async () => {
    const text = `Region\n${Array.from({ length: 60 }, (_, row) => (row % 2 ? `${1 + (row % 3)}.0` : String(1 + (row % 3)))).join('\n')}`;
    const streamed = await readInPieces(text, 10);
    expect(streamed.columns[0]).toEqual({ typed: readWhole(text).columns[0] });
  });

  it('hands over the raw text of the columns asked for', async () => {
    const streamed = await readInPieces('a,b\n1, x\n2,"y,z"\n', 5, [1]);
    expect(streamed.columns[1]).toEqual({ text: [' x', 'y,z'] });
    expect(streamed.columns[0]).toEqual({ typed: { type: 'number', values: [1, 2], missingTokens: {} } });
  });

  it('counts ragged records and keeps the line of the first few', async () => {
    const text = 'a,b\n1,2\n3\n"multi\nline",4\n5,6,7\n8,9\n';
    const streamed = await readInPieces(text, 4);
    expect(streamed.rows).toBe(3);
    expect(streamed.raggedCount).toBe(2);
    expect(streamed.ragged).toEqual([
      { line: 3, fields: 1 },
      { line: 6, fields: 3 },
    ]);
  });

  it('decodes UTF-8 characters cut between byte slices', async () => {
    const bytes = new TextEncoder().encode('\uFEFFcity,n\nZürich,1\nSão Paulo,2\n東京,3\n');
    for (const chunkBytes of [1, 2, 5, 64]) {
      const streamed = await readBytesInPieces(bytes, chunkBytes);
      expect(streamed.header).toEqual(['city', 'n']);
      expect(streamed.columns[0]).toEqual({ typed: { type: 'categorical', values: ['Zürich', 'São Paulo', '東京'], missingTokens: {} } });
    }
  });

  it('reads multi-byte characters, quotes and CRLF line ends the same from bytes at every slice size, from decoded text, and cell by cell', async () => {
    const text =
      '\uFEFFplace,note,n\r\n' +
      'Zürich,"é, ""日本""\r\n😀",1\r\n' +
      '日本,😀,2\r\n' +
      '"São ""😀""",x😀y,3\r\n' +
      '😀,"a,b",4\r\n' +
      'Zürich,plain,5\r\n';
    const bytes = new TextEncoder().encode(text);
    const expected = readWhole(text.slice(1));
    expect(expected.columns[0].values).toEqual(['Zürich', '日本', 'São "😀"', '😀', 'Zürich']);
    for (let chunkBytes = 1; chunkBytes <= bytes.length; chunkBytes++) {
      const streamed = await readBytesInPieces(bytes, chunkBytes);
      expect(streamed.header).toEqual(expected.header);
      expect(streamed.columns).toEqual(expected.columns.map((typed) => ({ typed })));
    }
    for (let chunkChars = 1; chunkChars <= text.length; chunkChars += 3) {
      expect((await readInPieces(text.slice(1), chunkChars)).columns).toEqual(expected.columns.map((typed) => ({ typed })));
    }
  });

  it('gives the same raw text columns read from bytes as from decoded text', async () => {
    const text = 'a,b\n1,"Zürich ""x"""\n2,日本\n3,Zürich "x"\n4,\n';
    const fromBytes = await readBytesInPieces(new TextEncoder().encode(text), 7, [1]);
    const fromText = await readInPieces(text, 5, [1]);
    expect(fromBytes.columns[1]).toEqual({ text: ['Zürich "x"', '日本', 'Zürich "x"', ''] });
    expect(fromText.columns[1]).toEqual(fromBytes.columns[1]);
  });

  it('reads a file that is not UTF-8 into nothing: it stops for the caller to decode the file another way', async () => {
    const latin1 = Uint8Array.from('city\nZürich\n', (char) => char.charCodeAt(0));
    for (const chunkBytes of [1, 4, latin1.length]) await expect(readBytesInPieces(latin1, chunkBytes)).rejects.toBeInstanceOf(InvalidUtf8);
  });

  it('reports bytes and rows read after each chunk', async () => {
    const text = 'n\n' + Array.from({ length: 100 }, (_, row) => String(row)).join('\n') + '\n';
    const updates: ProgressUpdate[] = [];
    await readDelimitedStream(() => textChunks(text, 2_000_000, 50), { ...options(text), totalBytes: 2_000_000 }, { progress: (update) => updates.push(update), yieldToHost: async () => undefined });
    expect(updates.length).toBe(Math.ceil(text.length / 50));
    expect(updates.at(-1)).toEqual({ fraction: 1, message: 'Read 2 MB of 2 MB, 100 rows' });
    expect(updates.map((update) => update.fraction)).toEqual([...updates.map((update) => update.fraction)].sort((a, b) => a - b));
  });

  it('stops with CancelledError once the signal is aborted', async () => {
    const text = 'n\n' + '1\n'.repeat(1000);
    const controller = new AbortController();
    let chunksRead = 0;
    const hooks = {
      signal: controller.signal,
      yieldToHost: async () => {
        if (++chunksRead === 3) controller.abort();
      },
    };
    await expect(readDelimitedStream(() => textChunks(text, text.length, 100), options(text), hooks)).rejects.toBeInstanceOf(CancelledError);
    expect(chunksRead).toBe(3);
  });

  it('fails clearly on a file of blank space', async () => {
    await expect(readInPieces('  \n\n \r\n', 3)).rejects.toThrow('test.csv is empty (only blank space)');
  });
});
