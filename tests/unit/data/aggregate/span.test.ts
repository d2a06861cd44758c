import { describe, expect, it } from 'vitest';
import { groupRows } from '../../../../src/core/data/aggregate/row-groups';
import { spanSeconds } from '../../../../src/core/data/aggregate/span';

const at = (time: string) => Date.parse(`2008-04-01T${time}Z`);

describe('spanSeconds', () => {
  it('gives the seconds from the earliest to the latest timestamp, in any row order', () => {
    const times = [at('10:05:00'), at('10:00:00'), at('10:01:30'), at('09:00:00'), null, null];
    const groups = groupRows(['a', 'a', 'a', 'b', 'b', 'c'], times);
    expect(spanSeconds(times, groups)).toEqual([300, 0, null]);
  });
});
