import type { ColumnTable } from 'arquero';
import { CellError } from '../cells/types';
import { countLevels, frequentLevels, RARE_LEVEL_ROWS } from './categorical';
import type { EmbeddingEncoder, FeatureDescription, FittedEncoding } from './types';
import { toLevel } from './values';

/** Vector length for `levels` codes when the cell leaves it to us: fastai's rule of thumb 1.6 · n^0.56, at most 50. */
export function defaultEmbeddingSize(levels: number): number {
  return Math.max(2, Math.min(50, Math.round(1.6 * levels ** 0.56)));
}

/**
 * Levels with at least RARE_LEVEL_ROWS training rows get a vector of their own; the rest share
 * code 0 with levels never seen in training, so that shared vector is trained too and a new
 * category at scoring time lands on it instead of failing. `size` 0 picks the length.
 */
export function fitEmbedding(column: string, values: ArrayLike<unknown>, trainRows: ArrayLike<number>, size: number): EmbeddingEncoder | string {
  const counts = countLevels(values, trainRows);
  if (counts.size < 2) return 'constant in the training rows';
  const levels = frequentLevels(counts);
  if (levels.length === 0) return `every level has fewer than ${RARE_LEVEL_ROWS} training rows`;
  return { kind: 'embedding', column, levels, size: size > 0 ? size : defaultEmbeddingSize(levels.length + 1) };
}

export function embeddingFeatures(encoder: EmbeddingEncoder): FeatureDescription[] {
  const encoding = `learned embedding: ${encoder.size} values per level, trained with the network (${encoder.levels.length} levels; rarer and unseen levels share one vector)`;
  return [{ name: `emb(${encoder.column})`, column: encoder.column, encoding }];
}

/** Row-major level codes, one per embedded column per row, for the given table rows. */
export function encodeCodes(encoding: FittedEncoding, table: ColumnTable, rows: ArrayLike<number>): Int32Array | undefined {
  const width = encoding.embeddings.length;
  if (width === 0) return undefined;
  const codes = new Int32Array(rows.length * width);
  const present = new Set(table.columnNames());
  encoding.embeddings.forEach((encoder, offset) => {
    if (!present.has(encoder.column)) throw new CellError(`Column '${encoder.column}' is missing: the model was fitted with it`);
    const values = table.array(encoder.column) as ArrayLike<unknown>;
    const codeOf = new Map(encoder.levels.map((level, index) => [level, index + 1]));
    for (let r = 0; r < rows.length; r++) codes[r * width + offset] = codeOf.get(toLevel(values[rows[r]])) ?? 0;
  });
  return codes;
}
