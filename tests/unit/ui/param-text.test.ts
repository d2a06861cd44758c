import { describe, expect, it } from 'vitest';
import { formatIntegerList, formatLines, parseIntegerList, parseLines, parseNumber } from '../../../src/ui/components/param-text';

describe('integer lists', () => {
  it('parses numbers separated by commas or spaces', () => {
    expect(parseIntegerList('128, 64')).toEqual([128, 64]);
    expect(parseIntegerList(' 32 16,8 ')).toEqual([32, 16, 8]);
  });

  it('keeps text that does not parse as it was typed, for validation to name', () => {
    expect(parseIntegerList('128, x')).toBe('128, x');
    expect(parseIntegerList('')).toBe('');
  });

  it('formats a list back to the text form it parses from', () => {
    expect(formatIntegerList([128, 64])).toBe('128, 64');
    expect(parseIntegerList(formatIntegerList([7, 3]))).toEqual([7, 3]);
    expect(formatIntegerList('12,')).toBe('12,');
  });
});

describe('line lists', () => {
  it('reads one trimmed name per line and skips blank lines', () => {
    expect(parseLines('(not set)\n\n  not available in demo dataset  \n')).toEqual(['(not set)', 'not available in demo dataset']);
  });

  it('formats a list one per line and anything else as empty', () => {
    expect(formatLines(['a', 'b'])).toBe('a\nb');
    expect(formatLines(undefined)).toBe('');
  });
});

describe('parseNumber', () => {
  it('reads finite numbers and keeps anything else as text', () => {
    expect(parseNumber('0.25')).toBe(0.25);
    expect(parseNumber(' 3 ')).toBe(3);
    expect(parseNumber('')).toBe('');
    expect(parseNumber('Infinity')).toBe('Infinity');
  });
});
