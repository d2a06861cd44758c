import type { FeatureMatrix } from '../cells/types';
import { CancelledError, CellError } from '../cells/types';
import { createRandom } from '../random';
import type { FitHooks } from './logistic';

export interface SmoteOptions {
  /** How many nearest rows of the same class each synthetic row may be drawn towards. */
  neighbours: number;
  seed: number;
}

export interface SmoteResult {
  /** The given rows, unchanged and in order, then the synthetic ones. */
  matrix: FeatureMatrix;
  synthetic: number;
  minorityClass: 0 | 1;
}

/** Indices of each minority row's `count` nearest other minority rows (squared Euclidean distance). */
async function nearestNeighbours(x: Float32Array, width: number, members: number[], count: number, hooks: FitHooks): Promise<Int32Array> {
  const neighbours = new Int32Array(members.length * count);
  const bestDistances = new Float64Array(count);
  for (let i = 0; i < members.length; i++) {
    if (i % 256 === 0) {
      if (hooks.signal.aborted) throw new CancelledError();
      await hooks.yieldToHost();
    }
    bestDistances.fill(Infinity);
    const base = members[i] * width;
    for (let j = 0; j < members.length; j++) {
      if (j === i) continue;
      const other = members[j] * width;
      let distance = 0;
      for (let feature = 0; feature < width && distance < bestDistances[count - 1]; feature++) distance += (x[base + feature] - x[other + feature]) ** 2;
      if (distance >= bestDistances[count - 1]) continue;
      // Insertion into the short sorted list of the nearest so far.
      let slot = count - 1;
      while (slot > 0 && bestDistances[slot - 1] > distance) {
        bestDistances[slot] = bestDistances[slot - 1];
        neighbours[i * count + slot] = neighbours[i * count + slot - 1];
        slot -= 1;
      }
      bestDistances[slot] = distance;
      neighbours[i * count + slot] = j;
    }
  }
  return neighbours;
}

/**
 * SMOTE (Chawla et al., 2002): adds minority-class rows until both classes are the same size, each
 * on the segment between a random minority row and one of its nearest minority neighbours. Meant
 * for training rows only: validation and test rows must keep the real class balance. One-hot and
 * scaled columns are interpolated alike (plain SMOTE, not SMOTE-NC); embedded category codes are
 * copied from the row the synthetic one starts from.
 */
export async function smote(train: FeatureMatrix, options: SmoteOptions, hooks: FitHooks): Promise<SmoteResult> {
  const { x, y, rows, codes } = train;
  const width = rows === 0 ? 0 : x.length / rows;
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let row = 0; row < rows; row++) (y[row] === 1 ? positives : negatives).push(row);
  const minorityClass = positives.length <= negatives.length ? 1 : 0;
  const members = minorityClass === 1 ? positives : negatives;
  const needed = Math.abs(positives.length - negatives.length);
  if (needed === 0) return { matrix: train, synthetic: 0, minorityClass };
  if (members.length < 2) throw new CellError(`SMOTE needs at least 2 training rows of class ${minorityClass} to interpolate between; there are ${members.length}`);
  const neighbourCount = Math.min(options.neighbours, members.length - 1);
  const neighbours = await nearestNeighbours(x, width, members, neighbourCount, hooks);

  const codeWidth = codes ? codes.length / rows : 0;
  const outX = new Float32Array((rows + needed) * width);
  outX.set(x);
  const outY = new Float32Array(rows + needed);
  outY.set(y);
  outY.fill(minorityClass, rows);
  const outCodes = codes ? new Int32Array((rows + needed) * codeWidth) : undefined;
  outCodes?.set(codes!);
  const random = createRandom(options.seed);
  for (let made = 0; made < needed; made++) {
    const member = random.int(members.length);
    const start = members[member];
    const end = members[neighbours[member * neighbourCount + random.int(neighbourCount)]];
    const gap = random.next();
    const target = (rows + made) * width;
    for (let feature = 0; feature < width; feature++) {
      const from = x[start * width + feature];
      outX[target + feature] = from + gap * (x[end * width + feature] - from);
    }
    if (outCodes) outCodes.set(codes!.subarray(start * codeWidth, (start + 1) * codeWidth), (rows + made) * codeWidth);
  }
  const matrix: FeatureMatrix = { x: outX, y: outY, rows: rows + needed };
  if (outCodes) matrix.codes = outCodes;
  return { matrix, synthetic: needed, minorityClass };
}
