export interface ValueCount {
  value: string;
  count: number;
}

/**
 * Distinct values and the most frequent ones of ascending-sorted numbers, read from their runs
 * of equal values: exact, with no hash map, however many rows. Ties keep the smaller value first.
 */
export function rankedRuns(sorted: ArrayLike<number>, limit: number): { distinct: number; top: ValueCount[] } {
  const best: { value: number; count: number }[] = [];
  let distinct = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    distinct++;
    const count = end - start;
    if (best.length < limit || count > best[best.length - 1].count) {
      let at = best.length;
      while (at > 0 && best[at - 1].count < count) at--;
      best.splice(at, 0, { value: sorted[start], count });
      if (best.length > limit) best.pop();
    }
    start = end;
  }
  return { distinct, top: best.map((entry) => ({ value: String(entry.value), count: entry.count })) };
}
