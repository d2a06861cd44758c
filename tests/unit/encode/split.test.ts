import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../src/core/encode/split';

// 100 rows: 20 with a positive target, 80 zeros.
const target = Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 10 + i : 0));
const options = { testFraction: 0.2, validationFraction: 0.1, strategy: 'stratified' as const, seed: 42 };

describe('splitRows', () => {
  it('puts every row in exactly one part, with the expected sizes', () => {
    const split = splitRows(target, options);
    const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // Test: round(80·0.2) + round(20·0.2) = 16 + 4; validation: round(64·0.1) + round(16·0.1) = 6 + 2.
    expect(split.test.length).toBe(20);
    expect(split.validation.length).toBe(8);
    expect(split.train.length).toBe(72);
  });

  it('keeps the share of positive targets in each part when stratified', () => {
    const split = splitRows(target, options);
    const positives = (rows: Uint32Array) => [...rows].filter((row) => target[row] > 0).length;
    expect(positives(split.test)).toBe(4);
    expect(positives(split.validation)).toBe(2);
    expect(positives(split.train)).toBe(14);
  });

  it('repeats for the same seed and changes with another', () => {
    expect(splitRows(target, options)).toEqual(splitRows(target, options));
    expect([...splitRows(target, { ...options, seed: 7 }).test]).not.toEqual([...splitRows(target, options).test]);
  });

  it('splits all rows as one group when random', () => {
    const split = splitRows(target, { ...options, strategy: 'random' });
    expect(split.test.length).toBe(20);
    expect(split.validation.length).toBe(8);
  });
});
