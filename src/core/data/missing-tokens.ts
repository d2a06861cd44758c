/** Distinct texts counted per column; see `MissingTokenCounts`. */
export const MAX_MISSING_TOKENS = 20;

/**
 * How many cells of one column were read as missing, per cell text (`{ '': 120, NA: 3 }`). Only
 * the first 20 distinct texts are kept and the counts of any further ones are dropped: a column
 * read as a type most of its cells are not (a user's override) would otherwise list every cell.
 */
export class MissingTokenCounts {
  /** Without a prototype, so a token such as `constructor` or `__proto__` is counted like any other. */
  readonly counts: Record<string, number> = Object.create(null) as Record<string, number>;
  private distinct = 0;

  add(token: string, cells = 1): void {
    const seen = this.counts[token];
    if (seen !== undefined) this.counts[token] = seen + cells;
    else if (this.distinct < MAX_MISSING_TOKENS) {
      this.counts[token] = cells;
      this.distinct++;
    }
  }
}
