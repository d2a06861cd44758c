import { describe, expect, it } from 'vitest';
import { columnFlags } from '../../../src/core/data/column-flags';
import { profileColumn } from '../../../src/core/data/profile';

describe('columnFlags', () => {
  it('flags a constant column', () => {
    expect(columnFlags(profileColumn('v', 'number', [1, 1, 1]))).toContain('constant');
  });

  it('flags a column more than half missing', () => {
    expect(columnFlags(profileColumn('c', 'categorical', ['a', null, null]))).toContain('mostly missing');
    expect(columnFlags(profileColumn('c', 'categorical', ['a', 'b', null]))).not.toContain('mostly missing');
  });

  it('flags a categorical with more than 50 levels', () => {
    const values = Array.from({ length: 200 }, (_, i) => `level${i % 60}`);
    expect(columnFlags(profileColumn('c', 'categorical', values))).toEqual(['high cardinality']);
  });

  it('flags a heavily skewed number', () => {
    const values = [...Array.from({ length: 99 }, () => 0), 100];
    expect(columnFlags(profileColumn('x', 'number', values))).toContain('heavily skewed');
    expect(columnFlags(profileColumn('x', 'number', [1, 2, 3, 4, 5]))).toEqual([]);
  });

  it('flags junk tokens present in the column', () => {
    const profile = profileColumn('source', 'categorical', ['google', '(not set)', 'bing'], { junkTokens: ['(not set)'] });
    expect(columnFlags(profile)).toEqual(['junk tokens']);
    expect(columnFlags(profileColumn('source', 'categorical', ['google', 'bing'], { junkTokens: ['(not set)'] }))).toEqual([]);
  });

  it('flags identifiers', () => {
    expect(columnFlags(profileColumn('id', 'identifier', ['a', 'b']))).toContain('identifier-like');
  });
});
