import { createRandom, shuffledIndices } from '../random';

export type SplitStrategy = 'stratified' | 'random' | 'group' | 'time' | 'column';

export interface SplitOptions {
  testFraction: number;
  /** Share of the non-test rows held out for early stopping. */
  validationFraction: number;
  strategy: SplitStrategy;
  seed: number;
  /** For `group`: each position's group key (a user id); a missing key is a group of its own. */
  groups?: ArrayLike<unknown>;
  /** For `time`: each position's instant, none missing. */
  times?: ArrayLike<number>;
  /** For `column`: each position's part as the data names it. */
  parts?: ArrayLike<PartName>;
}

/** Positions (into the target array), ascending within each part. */
export interface RowSplit {
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
}

export type PartName = keyof RowSplit;

function partSizes(rows: number, options: SplitOptions): { test: number; validation: number } {
  const test = Math.round(rows * options.testFraction);
  return { test, validation: Math.round((rows - test) * options.validationFraction) };
}

function sortedParts(parts: Record<PartName, number[]>): RowSplit {
  const sorted = (positions: number[]) => Uint32Array.from(positions).sort();
  return { train: sorted(parts.train), validation: sorted(parts.validation), test: sorted(parts.test) };
}

/**
 * `stratified` splits the rows with a positive target and the rest separately, so a
 * zero-inflated target keeps the same share of buyers in every part; `random` shuffles all rows.
 */
function splitShuffled(target: ArrayLike<number>, options: SplitOptions): RowSplit {
  const random = createRandom(options.seed);
  const stratified = options.strategy === 'stratified';
  const strata: number[][] = stratified ? [[], []] : [[]];
  for (let i = 0; i < target.length; i++) strata[stratified && target[i] > 0 ? 1 : 0].push(i);
  const parts: Record<PartName, number[]> = { train: [], validation: [], test: [] };
  for (const stratum of strata) {
    const order = shuffledIndices(stratum.length, random);
    const sizes = partSizes(stratum.length, options);
    order.forEach((position, rank) => {
      const part = rank < sizes.test ? 'test' : rank < sizes.test + sizes.validation ? 'validation' : 'train';
      parts[part].push(stratum[position]);
    });
  }
  return sortedParts(parts);
}

export function isMissingGroup(key: unknown): boolean {
  return key === null || key === undefined || key === '' || (typeof key === 'number' && Number.isNaN(key));
}

/**
 * Whole groups (one user's sessions) go to one part, in seeded order: test first, then validation,
 * then train. A group joins the part its middle row falls in, so each part is within half a
 * group of its target size.
 */
function splitByGroup(groups: ArrayLike<unknown>, options: SplitOptions): RowSplit {
  const members = new Map<unknown, number[]>();
  for (let i = 0; i < groups.length; i++) {
    // A row without a user id cannot be tied to other rows: it is its own group.
    const groupKey = isMissingGroup(groups[i]) ? Symbol() : groups[i];
    const rows = members.get(groupKey);
    if (rows) rows.push(i);
    else members.set(groupKey, [i]);
  }
  const groupRows = [...members.values()];
  const sizes = partSizes(groups.length, options);
  const parts: Record<PartName, number[]> = { train: [], validation: [], test: [] };
  let assigned = 0;
  for (const index of shuffledIndices(groupRows.length, createRandom(options.seed))) {
    const rows = groupRows[index];
    const middle = assigned + rows.length / 2;
    const part = middle <= sizes.test ? 'test' : middle <= sizes.test + sizes.validation ? 'validation' : 'train';
    parts[part].push(...rows);
    assigned += rows.length;
  }
  return sortedParts(parts);
}

/**
 * Earliest rows train, later ones validate, the latest test. Rows with the same instant always
 * share a part (a cut inside a run of ties moves to its end, toward the later part's loss), so
 * every training instant precedes every validation instant, which precedes every test instant.
 */
function splitByTime(times: ArrayLike<number>, options: SplitOptions): RowSplit {
  const order = Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const sizes = partSizes(times.length, options);
  const trainEnd = times.length - sizes.test - sizes.validation;
  const extendOverTies = (cut: number) => {
    let end = cut;
    while (end > 0 && end < order.length && times[order[end]] === times[order[end - 1]]) end++;
    return end;
  };
  const validationStart = extendOverTies(trainEnd);
  const testStart = Math.max(validationStart, extendOverTies(trainEnd + sizes.validation));
  return sortedParts({ train: order.slice(0, validationStart), validation: order.slice(validationStart, testStart), test: order.slice(testStart) });
}

/**
 * The parts the data names (a colleague's holdout, a competition's test rows). When no row is
 * named for validation, the validation rows are drawn from the training rows as in the
 * stratified split, so early stopping still has rows the model does not fit.
 */
function splitByColumn(target: ArrayLike<number>, named: ArrayLike<PartName>, options: SplitOptions): RowSplit {
  const parts: Record<PartName, number[]> = { train: [], validation: [], test: [] };
  for (let i = 0; i < named.length; i++) parts[named[i]].push(i);
  if (parts.validation.length === 0) {
    const training = parts.train;
    const drawn = splitShuffled(Float64Array.from(training, (position) => target[position]), { ...options, testFraction: 0, strategy: 'stratified' });
    parts.train = Array.from(drawn.train, (index) => training[index]);
    parts.validation = Array.from(drawn.validation, (index) => training[index]);
  }
  return sortedParts(parts);
}

/** Seeded train / validation / test split of positions 0..n-1 (the rows that have a target). */
export function splitRows(target: ArrayLike<number>, options: SplitOptions): RowSplit {
  switch (options.strategy) {
    case 'stratified':
    case 'random':
      return splitShuffled(target, options);
    case 'group':
      if (!options.groups) throw new Error('a group split needs each row’s group');
      return splitByGroup(options.groups, options);
    case 'time':
      if (!options.times) throw new Error('a time split needs each row’s time');
      return splitByTime(options.times, options);
    case 'column':
      if (!options.parts) throw new Error('a column split needs each row’s part');
      return splitByColumn(target, options.parts, options);
  }
}
