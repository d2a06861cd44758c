import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../../src/core/data/sniff-delimiter';

describe('sniffDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1,5;2,5;3\n'],
    ['\t', 'a\tb\n1,2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j', (delimiter, text) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it('ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('a;b\n"1,2,3";4\n"5,6,7";8\n')).toBe(';');
  });

  it('falls back to a comma for a one-column file', () => {
    expect(sniffDelimiter('value\n1\n2\n')).toBe(',');
  });
});
