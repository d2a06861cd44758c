import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { fitEncoding } from '../../../src/core/encode/encoding';
import { suggestLogTransforms } from '../../../src/core/encode/skew';
import { encodingOptions } from './options';

const options = encodingOptions();

describe('suggestLogTransforms', () => {
  // 40 training rows: a long right tail, the same with one negative value, and a symmetric column.
  const tail = Array.from({ length: 40 }, (_, i) => (i < 36 ? i % 3 : 500 * (i - 35)));
  const table = aq.table({ tail, signed: tail.map((value, i) => (i === 0 ? -1 : value)), even: Array.from({ length: 40 }, (_, i) => i), y: tail });
  const types = [
    { name: 'tail', type: 'number' as const },
    { name: 'signed', type: 'number' as const },
    { name: 'even', type: 'number' as const },
    { name: 'y', type: 'number' as const },
  ];
  const rows = Uint32Array.from({ length: 40 }, (_, i) => i);
  const training = { rows, targets: tail, targetLabel: 'y' };

  it('suggests log1p for a non-negative long tail and signed-log when a value is negative', () => {
    const { encoding } = fitEncoding(table, types, 'y', training, options);
    const suggestions = suggestLogTransforms(encoding, table, rows);
    expect(suggestions.map(({ column, transform }) => [column, transform])).toEqual([
      ['tail', 'log1p'],
      ['signed', 'signed-log'],
    ]);
    expect(suggestions[0].skewness).toBeGreaterThan(2);
  });

  it('says nothing of a column already transformed', () => {
    const { encoding } = fitEncoding(table, types, 'y', training, { ...options, log1pColumns: ['tail'], signedLogColumns: ['signed'] });
    expect(suggestLogTransforms(encoding, table, rows)).toEqual([]);
  });
});
