import type { Random } from '../random';

/** Draws indices in proportion to `weights` (binary search over the cumulative sums). */
export function weightedChoice(weights: readonly number[]): (random: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    cumulative[index] = total;
  });
  return (random) => {
    const point = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > point) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

/** A picker over `[value, weight]` pairs. */
export function weightedValues<T>(pairs: readonly (readonly [T, number])[]): (random: Random) => T {
  const choose = weightedChoice(pairs.map(([, weight]) => weight));
  return (random) => pairs[choose(random)][0];
}
