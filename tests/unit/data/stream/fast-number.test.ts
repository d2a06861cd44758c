import { describe, expect, it } from 'vitest';
import { readFastNumber } from '../../../../src/core/data/stream/fast-number';

const read = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  const result = readFastNumber(bytes, 0, bytes.length);
  return result && { ...result };
};

describe('readFastNumber', () => {
  it('reads plain decimals to the same double as Number()', () => {
    for (const text of ['0', '7', '-42', '3.14159', '0.1', '0.3', '123456.789012', '-0.000123', '999999999999999', '2.675']) {
      expect(read(text)?.value).toBe(Number(text));
    }
  });

  it('says whether String(value) gives the text back', () => {
    expect(read('1.5')?.canonical).toBe(true);
    expect(read('1.50')?.canonical).toBe(false);
    expect(read('-0')?.canonical).toBe(false);
    expect(read('0.000001')?.canonical).toBe(String(0.000001) === '0.000001');
    expect(read('0.0000001')?.canonical).toBe(false);
  });

  it('marks eight-digit integers as date candidates', () => {
    expect(read('20240131')?.eightDigitInteger).toBe(true);
    expect(read('2024013')?.eightDigitInteger).toBe(false);
    expect(read('-20240131')?.eightDigitInteger).toBe(false);
  });

  it('leaves exponents, signs, spaces, leading zeros, long numbers and words to the general reader', () => {
    for (const text of ['1e5', '+3', ' 3', '3 ', '.5', '5.', '007', '1234567890123456', 'nan', '-', '', '1.2.3']) expect(read(text)).toBeNull();
  });
});
