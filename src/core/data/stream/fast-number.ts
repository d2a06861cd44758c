/** Powers of ten exact as doubles: dividing an exact mantissa by one of them rounds correctly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);
/** Decimal digits an integer mantissa can hold exactly (below 2^53). */
const MAX_DIGITS = 15;
/** `String(n)` switches to exponent notation below 1e-6: `0.0000001` prints as `1e-7`. */
const MAX_LEADING_FRACTION_ZEROS = 5;

const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const DOT = 46;

/** A plain decimal read straight from the bytes, with what the caller needs to know about how it was written. */
export interface FastNumber {
  value: number;
  /** `String(value)` gives back the text exactly, so the text need not be kept. */
  canonical: boolean;
  /** Eight digits, no sign or point: a candidate YYYYMMDD date. */
  eightDigitInteger: boolean;
}

const result: FastNumber = { value: 0, canonical: true, eightDigitInteger: false };

/**
 * Reads `-?digits(.digits)?` (no leading zero, at most 15 digits) from UTF-8 bytes without
 * making a string: the mantissa is an exact integer and the division by an exact power of ten is
 * correctly rounded, so the value equals `Number(text)`. Anything else (exponents, `+`, spaces, `.5`, `007`, `nan`)
 * returns null for the caller to read the slow, general way. The returned object is reused.
 */
export function readFastNumber(bytes: Uint8Array, start: number, end: number): FastNumber | null {
  let i = start;
  const negative = i < end && bytes[i] === MINUS;
  if (negative) i++;
  const integerStart = i;
  let mantissa = 0;
  while (i < end) {
    const code = bytes[i];
    if (code < ZERO || code > NINE) break;
    mantissa = mantissa * 10 + (code - ZERO);
    i++;
  }
  const integerDigits = i - integerStart;
  if (integerDigits === 0 || (integerDigits > 1 && bytes[integerStart] === ZERO)) return null;
  let fractionDigits = 0;
  let lastFractionCode = 0;
  let leadingFractionZeros = 0;
  if (i < end) {
    if (bytes[i] !== DOT) return null;
    i++;
    const fractionStart = i;
    while (i < end) {
      const code = bytes[i];
      if (code < ZERO || code > NINE) return null;
      if (code === ZERO && leadingFractionZeros === i - fractionStart) leadingFractionZeros++;
      mantissa = mantissa * 10 + (code - ZERO);
      lastFractionCode = code;
      i++;
    }
    fractionDigits = i - fractionStart;
    if (fractionDigits === 0) return null;
  }
  if (integerDigits + fractionDigits > MAX_DIGITS) return null;
  const magnitude = fractionDigits === 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
  result.value = negative ? -magnitude : magnitude;
  const smallFraction = mantissa !== 0 && integerDigits === 1 && bytes[integerStart] === ZERO && leadingFractionZeros > MAX_LEADING_FRACTION_ZEROS;
  result.canonical = !(fractionDigits > 0 && lastFractionCode === ZERO) && !(negative && magnitude === 0) && !smallFraction;
  result.eightDigitInteger = !negative && fractionDigits === 0 && integerDigits === 8;
  return result;
}
