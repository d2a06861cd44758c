import { createRandom, shuffledIndices } from '../random';

export type SplitStrategy = 'stratified' | 'random';

export interface SplitOptions {
  testFraction: number;
  /** Share of the non-test rows held out for early stopping. */
  validationFraction: number;
  strategy: SplitStrategy;
  seed: number;
}

/** Positions (into the target array), ascending within each part. */
export interface RowSplit {
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
}

/**
 * Seeded train / validation / test split. `stratified` splits the rows with a positive target
 * and the rest separately, so a zero-inflated target keeps the same share of buyers in every part.
 */
export function splitRows(target: ArrayLike<number>, options: SplitOptions): RowSplit {
  const random = createRandom(options.seed);
  const groups: number[][] = options.strategy === 'stratified' ? [[], []] : [[]];
  for (let i = 0; i < target.length; i++) groups[options.strategy === 'stratified' && target[i] > 0 ? 1 : 0].push(i);
  const parts: Record<keyof RowSplit, number[]> = { train: [], validation: [], test: [] };
  for (const group of groups) {
    const order = shuffledIndices(group.length, random);
    const testCount = Math.round(group.length * options.testFraction);
    const validationCount = Math.round((group.length - testCount) * options.validationFraction);
    order.forEach((position, rank) => {
      const part = rank < testCount ? 'test' : rank < testCount + validationCount ? 'validation' : 'train';
      parts[part].push(group[position]);
    });
  }
  const sorted = (positions: number[]) => Uint32Array.from(positions).sort();
  return { train: sorted(parts.train), validation: sorted(parts.validation), test: sorted(parts.test) };
}
