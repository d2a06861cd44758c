import { createRandom, shuffledIndices } from '../../../src/core/random';
import type { Points } from '../../../src/core/segment/points';

/** Well-separated Gaussian blobs (sd 1 around the given centers), rows shuffled; `truth` is each row's blob. */
export function blobs(centers: readonly number[][], perBlob: number, seed: number): { points: Points; truth: Int32Array } {
  const random = createRandom(seed);
  const dims = centers[0].length;
  const rows = centers.length * perBlob;
  const order = shuffledIndices(rows, random);
  const values = new Float64Array(rows * dims);
  const truth = new Int32Array(rows);
  order.forEach((row, i) => {
    const blob = Math.floor(i / perBlob);
    truth[row] = blob;
    for (let j = 0; j < dims; j++) values[row * dims + j] = centers[blob][j] + random.normal();
  });
  return { points: { values, rows, dims }, truth };
}

/** Points from plain rows. */
export function pointsOf(rows: readonly number[][]): Points {
  return { values: Float64Array.from(rows.flat()), rows: rows.length, dims: rows[0].length };
}
