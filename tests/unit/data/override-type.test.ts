import { describe, expect, it } from 'vitest';
import { readAsType } from '../../../src/core/data/override-type';

describe('readAsType', () => {
  it('reads text as numbers, counting values that are not numbers as unreadable', () => {
    expect(readAsType(['1', ' 2.5 ', '', 'x', '00123', '12345678901234567890'], 'number')).toEqual({ values: [1, 2.5, null, null, 123, 12345678901234567000], unreadable: 1, missingTokens: { '': 1, x: 1 } });
  });

  it('reads 0/1 and true/false as booleans', () => {
    expect(readAsType(['0', '1', 'TRUE', 'no', 1, true], 'boolean')).toEqual({ values: [false, true, true, null, true, true], unreadable: 1, missingTokens: { no: 1 } });
  });

  it('reads ISO dates, YYYYMMDD, unix seconds and milliseconds as timestamps', () => {
    const day = Date.UTC(2021, 4, 6);
    expect(readAsType(['2021-05-06', '20210506', String(day / 1000), day, 'soon'], 'timestamp')).toEqual({ values: [day, day, day, day, null], unreadable: 1, missingTokens: { soon: 1 } });
  });

  it('reads any value as text for categorical, text and identifier types', () => {
    expect(readAsType([7, true, null, new Date(Date.UTC(2020, 0, 1))], 'categorical').values).toEqual(['7', 'true', null, '2020-01-01T00:00:00.000Z']);
  });

  it('counts each value that became missing under its text, null for an absent value', () => {
    expect(readAsType(['1', 'constructor', '__proto__', 'constructor', null, undefined, ' '], 'number').missingTokens).toEqual({ constructor: 2, ['__proto__']: 1, null: 2, ' ': 1 });
  });
});
