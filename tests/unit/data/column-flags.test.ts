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

  it('flags identifiers', () => {
    expect(columnFlags(profileColumn('id', 'identifier', ['a', 'b']))).toContain('identifier-like');
  });
});
