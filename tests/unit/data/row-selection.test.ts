import { describe, expect, it } from 'vitest';
import { estimateRows, keptRows, RowFilter } from '../../../src/core/data/row-selection';
import { readDelimitedStream } from '../../../src/core/data/stream/read-delimited-stream';
import { textChunks } from '../../../src/core/data/stream/text-chunks';

const csv = `n,word\n${Array.from({ length: 2000 }, (_, row) => `${row},${row % 3 === 0 ? 'x' : 'y'}`).join('\n')}\n`;

function readWith(filter: RowFilter, chunkChars = 500) {
  return readDelimitedStream(() => textChunks(csv, csv.length, chunkChars), { fileName: 'f.csv', totalBytes: csv.length, textColumns: () => new Set(), rows: filter });
}

describe('row selection while streaming', () => {
  it('stops reading once it has the first N rows', async () => {
    const read = await readWith(new RowFilter({ mode: 'first', count: 10 }));
    expect(read.rows).toBe(10);
    expect(read.stoppedEarly).toBe(true);
    expect(read.seenRows).toBeLessThan(200);
  });

  it('reads to the end when the first N are all the rows', async () => {
    const read = await readWith(new RowFilter({ mode: 'first', count: 5000 }));
    expect(read).toMatchObject({ rows: 2000, seenRows: 2000, stoppedEarly: false });
  });

  it('keeps the same sample whatever the chunk size, with a probability set from the estimated row count', async () => {
    const selection = { mode: 'sample', count: 400, seed: 3 } as const;
    const small = await readWith(new RowFilter(selection), 300);
    const large = await readWith(new RowFilter(selection), 1_000_000);
    // A 300-character first piece holds the short early rows, so it over-estimates the count: fewer are kept.
    expect(small.rows).toBeGreaterThan(250);
    expect(small.rows).toBeLessThan(500);
    expect(large.rows).toBeGreaterThan(330);
    expect(large.rows).toBeLessThan(470);
    expect(small.seenRows).toBe(2000);
    // The estimate from the first piece differs with its size, so counts may differ a little; a row kept by both is the same row.
    const values = (read: typeof small) => ('typed' in read.columns[0] ? read.columns[0].typed.values : []);
    const inBoth = values(small).filter((value) => values(large).includes(value));
    expect(inBoth.length).toBeGreaterThan(0.8 * Math.min(small.rows, large.rows));
  });

  it('keeps the same rows in a second pass over the file (a column read again as text)', async () => {
    const text = `n,mixed\n${Array.from({ length: 1000 }, (_, row) => `${row},${row === 990 ? 'text' : row}`).join('\n')}\n`;
    const read = await readDelimitedStream(() => textChunks(text, text.length, 400), {
      fileName: 'f.csv',
      totalBytes: text.length,
      textColumns: () => new Set(),
      rows: new RowFilter({ mode: 'sample', count: 100, seed: 1 }),
    });
    const [n, mixed] = read.columns.map((column) => ('typed' in column ? column.typed.values : column.text));
    expect(mixed.map(String)).toEqual(n.map(String));
  });
});

describe('row selection of a table held whole', () => {
  it('keeps all rows, the first N, or a seeded sample in row order', () => {
    expect(keptRows(100, { mode: 'all' })).toBeNull();
    expect(keptRows(100, { mode: 'first', count: 200 })).toBeNull();
    expect(Array.from(keptRows(100, { mode: 'first', count: 3 })!)).toEqual([0, 1, 2]);
    const sample = Array.from(keptRows(10_000, { mode: 'sample', share: 0.1, seed: 2 })!);
    expect(sample.length).toBeGreaterThan(900);
    expect(sample.length).toBeLessThan(1100);
    expect(sample).toEqual([...sample].sort((a, b) => a - b));
    expect(Array.from(keptRows(10_000, { mode: 'sample', share: 0.1, seed: 2 })!)).toEqual(sample);
  });

  it('estimates the row count from the first piece of a file', () => {
    expect(estimateRows('a\n1\n2\n3\n', 8, 8000)).toBe(4000);
  });
});
