import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { partStats, readSplitKeys } from '../../../src/core/encode/split-parts';

describe('split keys and part figures', () => {
  const targets = Float64Array.from([0, 5, 0, 15]);
  const everyRow = Uint32Array.from([0, 1, 2, 3]);

  it('gives the mean, share of zeros and maximum of a part’s targets', () => {
    expect(partStats('train', targets, everyRow, {}, false)).toEqual({ part: 'train', rows: 4, targetMean: 5, zeroShare: 0.5, targetMax: 15 });
  });

  it('counts each row without a group as a group of its own', () => {
    const keys = readSplitKeys(aq.table({ user: ['a', 'a', null, null] }), 'group', 'user', everyRow);
    expect(partStats('test', targets, everyRow, keys, false).groups).toBe(3);
  });

  it('reads only the rows that have a target, in their order', () => {
    const keys = readSplitKeys(aq.table({ user: ['a', 'b', 'c'] }), 'group', 'user', Uint32Array.from([2, 0]));
    expect(keys.groups).toEqual(['c', 'a']);
  });

  it('shows a timestamp part’s span in UTC and a numeric one as numbers', () => {
    const instants = readSplitKeys(aq.table({ at: [Date.UTC(2024, 0, 2, 9), Date.UTC(2024, 0, 1, 8, 30, 15)] }), 'time', 'at', Uint32Array.from([0, 1]));
    expect(partStats('train', targets, Uint32Array.from([0, 1]), instants, true).span).toEqual({ from: '2024-01-01 08:30:15', to: '2024-01-02 09:00' });
    const numbers = readSplitKeys(aq.table({ visit: [7, 3] }), 'time', 'visit', Uint32Array.from([0, 1]));
    expect(partStats('train', targets, Uint32Array.from([0, 1]), numbers, false).span).toEqual({ from: '3', to: '7' });
  });

  it('names the time column and counts the rows it lacks', () => {
    expect(() => readSplitKeys(aq.table({ at: [1, null, null] }), 'time', 'at', Uint32Array.from([0, 1, 2]))).toThrow("Time column 'at' is missing in 2 rows with a target");
  });
});
