import { describe, expect, it } from 'vitest';
import { parseIsoCell } from '../../../../src/core/data/infer-type';
import { readFastTimestamp } from '../../../../src/core/data/stream/fast-timestamp';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readFastTimestamp(bytes(text), 0, bytes(text).length);

/** A seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('readFastTimestamp', () => {
  it('reads dates and date-times as parseIsoCell does', () => {
    for (const text of ['2017-08-01', '2017-08-01T01:45:19Z', '2017-08-01 01:45:19', '2017-08-01T23:59:59', '2000-02-29', '1969-12-31T23:59:59Z', '1600-03-01', '9999-12-31T00:00:00Z']) {
      expect(read(text)).toBe(parseIsoCell(text));
    }
  });

  it('agrees with parseIsoCell on random dates, leap days and leap seconds', () => {
    const next = random(11);
    const two = (value: number) => String(value).padStart(2, '0');
    for (let i = 0; i < 20_000; i++) {
      const year = 1000 + Math.floor(next() * 9000);
      const date = `${year}-${two(1 + Math.floor(next() * 12))}-${two(1 + Math.floor(next() * 31))}`;
      const time = `${two(Math.floor(next() * 25))}:${two(Math.floor(next() * 61))}:${two(Math.floor(next() * 63))}`;
      for (const text of [date, `${date}T${time}Z`, `${date} ${time}`]) {
        const fast = read(text);
        if (!Number.isNaN(fast)) expect(fast).toBe(parseIsoCell(text));
        else if (parseIsoCell(text) !== undefined) throw new Error(`${text} is a timestamp the fast reader refused`);
      }
    }
  });

  it('leaves other forms to the general reader', () => {
    for (const text of ['2017-08-01T01:45Z', '2017-08-01T01:45:19.5Z', '2017-08-01T01:45:19+02:00', ' 2017-08-01', '0050-01-01', '2017/08/01', '20170801', '2017-08-01X01:45:19']) {
      expect(read(text)).toBeNaN();
    }
  });

  it('refuses impossible dates and times', () => {
    for (const text of ['2021-02-29', '2020-13-01', '2020-00-10', '2020-04-31', '2020-01-01T24:00:00Z', '2020-01-01T10:60:00Z', '2020-01-01T10:00:62']) {
      expect(read(text)).toBeNaN();
      expect(parseIsoCell(text)).toBeUndefined();
    }
  });

  it('reads a range inside longer bytes', () => {
    expect(readFastTimestamp(bytes('x,2017-08-01T01:45:19Z,y'), 2, 22)).toBe(Date.UTC(2017, 7, 1, 1, 45, 19));
  });
});
