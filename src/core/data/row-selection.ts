/**
 * Which of a file's rows the Load cell keeps: all, the first N, or a seeded random sample of
 * about N rows or of a share of them (what a memory budget allows).
 */
export type RowSelection =
  | { mode: 'all' }
  | { mode: 'first'; count: number }
  | ({ mode: 'sample'; seed: number } & ({ count: number } | { share: number }));

export const ALL_ROWS: RowSelection = { mode: 'all' };

/** A uniform draw in [0, 1) that depends only on (seed, row), so every pass over a file keeps the same rows. */
function rowDraw(seed: number, row: number): number {
  let z = (Math.imul(row, 0x9e3779b9) ^ Math.imul(seed, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
}

/** The rows a file likely holds, from the line count of its first piece of text scaled to its size. */
export function estimateRows(firstText: string, firstBytesRead: number, totalBytes: number): number {
  let lines = 0;
  for (let at = firstText.indexOf('\n'); at >= 0; at = firstText.indexOf('\n', at + 1)) lines++;
  return firstBytesRead === 0 ? lines : Math.max(1, Math.round((lines * totalBytes) / firstBytesRead));
}

/**
 * Decides row by row, as the rows go past, which to keep. A sample keeps each row with
 * probability N / (expected rows), decided by a draw seeded per row: no row count is needed
 * up front, every pass over the file keeps the same rows, and the sample holds about N rows
 * (the Load cell states how many). The first N stop the read as soon as they are in.
 */
export class RowFilter {
  private probability = 1;

  constructor(readonly selection: RowSelection) {}

  /** Sets the sampling rate from the number of rows the source holds, exact or estimated. */
  expect(rows: number): void {
    const selection = this.selection;
    if (selection.mode === 'sample') this.probability = Math.min(1, 'share' in selection ? selection.share : selection.count / Math.max(1, rows));
  }

  readonly keep = (row: number): boolean => {
    switch (this.selection.mode) {
      case 'all':
        return true;
      case 'first':
        return row < this.selection.count;
      case 'sample':
        return this.probability >= 1 || rowDraw(this.selection.seed, row) < this.probability;
    }
  };

  /** True once reading can stop: every row it could keep has been seen. */
  enough(seenRows: number): boolean {
    return this.selection.mode === 'first' && seenRows >= this.selection.count;
  }
}

/** The rows of an in-memory table a selection keeps, ascending; null when it keeps them all. */
export function keptRows(rows: number, selection: RowSelection): Uint32Array | null {
  if (selection.mode === 'all' || ('count' in selection && selection.count >= rows)) return null;
  const filter = new RowFilter(selection);
  filter.expect(rows);
  const kept: number[] = [];
  for (let row = 0; row < rows && !filter.enough(row); row++) if (filter.keep(row)) kept.push(row);
  return Uint32Array.from(kept);
}
