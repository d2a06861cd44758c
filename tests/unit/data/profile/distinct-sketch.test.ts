import { describe, expect, it } from 'vitest';
import { DistinctSketch, hashString } from '../../../../src/core/data/profile/distinct-sketch';

function estimateOf(values: Iterable<string>): number {
  const sketch = new DistinctSketch();
  for (const value of values) sketch.add(value);
  return sketch.estimate();
}

describe('DistinctSketch', () => {
  it('is exact enough for a handful of values', () => {
    expect(estimateOf([])).toBe(0);
    expect(estimateOf(['a', 'b', 'a', 'c'])).toBe(3);
  });

  it('ignores repeats', () => {
    const once = estimateOf(Array.from({ length: 5000 }, (_, i) => `v${i}`));
    const thrice = estimateOf(Array.from({ length: 15000 }, (_, i) => `v${i % 5000}`));
    expect(thrice).toBe(once);
  });

  it.each([1_000, 30_000, 300_000])('estimates %i distinct values within 5%', (distinct) => {
    const estimate = estimateOf(Array.from({ length: distinct }, (_, i) => `GA1.2.${i * 7 + 13}.${i % 97}`));
    expect(Math.abs(estimate - distinct) / distinct).toBeLessThan(0.05);
  });

  it('spreads near-identical strings over the hash space', () => {
    const hashes = Array.from({ length: 4096 }, (_, i) => hashString(`id${i}`) >>> 20);
    // 4096 keys into 4096 buckets: about 1 − 1/e of the buckets are hit when the hash mixes well.
    expect(new Set(hashes).size / 4096).toBeGreaterThan(0.6);
  });
});
