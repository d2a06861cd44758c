import { describe, expect, it } from 'vitest';
import { GrowableFloat64, GrowableUint32 } from '../../../../src/core/data/stream/growable';

describe('growable arrays', () => {
  it('keep every value in order when they outgrow the expected length, or fall short of it', () => {
    for (const expected of [0, 10, 100_000]) {
      const floats = new GrowableFloat64(expected);
      const codes = new GrowableUint32(expected);
      for (let index = 0; index < 50_000; index++) {
        floats.push(index / 2);
        codes.push(index * 3);
      }
      expect(floats.values).toHaveLength(50_000);
      expect(codes.values).toHaveLength(50_000);
      expect(floats.values[49_999]).toBe(49_999 / 2);
      expect(codes.values.every((code, index) => code === index * 3)).toBe(true);
    }
  });
});
