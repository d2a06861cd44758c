import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../src/core/encode/split';
import { generateSessionsCsv } from '../../../src/core/sample/sessions';

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

describe('splitRows by group', () => {
  // Generated sessions: many visitors come once, some return up to 40 times.
  const lines = generateSessionsCsv(3000, 5).trimEnd().split('\n').slice(1);
  const visitors = lines.map((line) => line.slice(0, line.indexOf(',')));
  const values = lines.map((line) => Number(line.slice(line.lastIndexOf(',') + 1)));
  const groupOptions = { ...options, strategy: 'group' as const, groups: visitors };

  it('keeps every visitor’s sessions in one part', () => {
    const split = splitRows(values, groupOptions);
    const partOf = new Map<string, string>();
    for (const part of ['train', 'validation', 'test'] as const) {
      for (const row of split[part]) {
        expect(partOf.get(visitors[row]) ?? part).toBe(part);
        partOf.set(visitors[row], part);
      }
    }
    expect(new Set(visitors).size).toBeLessThan(visitors.length);
    expect(split.train.length + split.validation.length + split.test.length).toBe(3000);
  });

  it('sizes each part within half a group of the asked fractions', () => {
    const split = splitRows(values, groupOptions);
    const largestGroup = Math.max(...[...new Set(visitors)].map((id) => visitors.filter((other) => other === id).length));
    expect(Math.abs(split.test.length - 600)).toBeLessThanOrEqual(largestGroup / 2);
    expect(Math.abs(split.validation.length - 240)).toBeLessThanOrEqual(largestGroup);
  });

  it('repeats for the same seed and changes with another', () => {
    expect(splitRows(values, groupOptions)).toEqual(splitRows(values, groupOptions));
    expect([...splitRows(values, { ...groupOptions, seed: 8 }).test]).not.toEqual([...splitRows(values, groupOptions).test]);
  });

  it('treats each row without a group as a group of its own', () => {
    const split = splitRows([1, 2, 3, 4], { ...options, testFraction: 0.5, validationFraction: 0.5, strategy: 'group', groups: [null, null, '', undefined] });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([1, 1, 2]);
  });
});

describe('splitRows by time', () => {
  const timeOptions = { ...options, strategy: 'time' as const };

  it('trains on the earliest rows, validates on the next and tests on the latest', () => {
    // Times run backwards from row 0, so the latest rows come first in the table.
    const times = Array.from({ length: 100 }, (_, i) => 1000 - i);
    const split = splitRows(target, { ...timeOptions, times });
    // Test: 20 latest (rows 0..19); validation: round(80·0.1) = 8 next (rows 20..27); train the rest.
    expect([...split.test]).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...split.validation]).toEqual(Array.from({ length: 8 }, (_, i) => 20 + i));
    expect(split.train.length).toBe(72);
  });

  it('keeps rows with equal times in one part, moving the cut to the end of the tie', () => {
    // Ten days of ten rows each: the 72-row train cut falls inside day 7 and moves to its end (80).
    const times = Array.from({ length: 100 }, (_, i) => Math.floor(i / 10));
    const split = splitRows(target, { ...timeOptions, times });
    expect(split.train.length).toBe(80);
    const latest = (rows: Uint32Array) => Math.max(...[...rows].map((row) => times[row]));
    const earliest = (rows: Uint32Array) => Math.min(...[...rows].map((row) => times[row]));
    expect(latest(split.train)).toBeLessThan(earliest(split.validation));
    expect(latest(split.validation)).toBeLessThan(earliest(split.test));
  });

  it('does not depend on the seed', () => {
    const times = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    expect(splitRows(target, { ...timeOptions, times })).toEqual(splitRows(target, { ...timeOptions, times, seed: 1 }));
  });
});

describe('splitRows from a column', () => {
  const columnOptions = { ...options, strategy: 'column' as const };
  // Rows 0–19 are named test, 20–29 validation, the rest train.
  const named = Array.from({ length: 100 }, (_, i) => (i < 20 ? 'test' : i < 30 ? 'validation' : 'train') as 'train' | 'validation' | 'test');

  it('keeps the parts the column names, whatever the seed and fractions', () => {
    const split = splitRows(target, { ...columnOptions, parts: named });
    expect([...split.test]).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...split.validation]).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
    expect(split.train.length).toBe(70);
    expect(splitRows(target, { ...columnOptions, parts: named, seed: 1, testFraction: 0.5 })).toEqual(split);
  });

  it('draws validation rows from the named training rows, stratified and seeded, when none are named', () => {
    const parts = named.map((part) => (part === 'validation' ? 'train' : part));
    const split = splitRows(target, { ...columnOptions, parts });
    expect([...split.test]).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // 80 training rows, 16 of them positive: round(64·0.1) + round(16·0.1) = 6 + 2 validate.
    expect(split.validation.length).toBe(8);
    expect([...split.validation].filter((row) => target[row] > 0).length).toBe(2);
    expect([...split.validation].every((row) => row >= 20)).toBe(true);
    expect(split.train.length).toBe(72);
    expect([...splitRows(target, { ...columnOptions, parts, seed: 7 }).validation]).not.toEqual([...split.validation]);
  });
});
