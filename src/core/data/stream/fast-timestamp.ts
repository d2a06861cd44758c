const ZERO = 48;
const MS_PER_DAY = 86_400_000;
/** `Date.UTC` reads years 0–99 as 1900–1999, which `parseIsoCell` refuses: those go the general way. */
const MIN_YEAR = 1000;

function digits(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = bytes[i] - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil), in integers only. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads `YYYY-MM-DD`, optionally followed by `THH:MM:SS` or ` HH:MM:SS` and `Z`, straight from the UTF-8
 * bytes as UTC epoch milliseconds, the value `parseIsoCell` gives; NaN for anything else (other
 * zones, fractions, no seconds, white space, impossible dates), which the caller reads the general way.
 */
export function readFastTimestamp(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length !== 10 && length !== 19 && length !== 20) return NaN;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  if (bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return NaN;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const date = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (length === 10) return date;
  const separator = bytes[start + 10];
  if ((separator !== 84 && separator !== 32) || bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return NaN;
  if (length === 20 && bytes[start + 19] !== 90) return NaN;
  const hour = digits(bytes, start + 11, 2);
  const minute = digits(bytes, start + 14, 2);
  const second = digits(bytes, start + 17, 2);
  // The limits `parseIsoCell` allows: a leap second (60 or 61) runs on into the next minute, as in Date.UTC.
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 61) return NaN;
  return date + ((hour * 60 + minute) * 60 + second) * 1000;
}
