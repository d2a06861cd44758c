const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The text of well-formed UTF-8 bytes `start`–`end`. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return start === end ? '' : decoder.decode(bytes.subarray(start, end));
}

export const encodeUtf8 = (text: string): Uint8Array => encoder.encode(text);

const CONTINUATION_LOW = 0x80;
const CONTINUATION_HIGH = 0xbf;

/**
 * Whether bytes `start`–`end` are not well-formed UTF-8, by the rules TextDecoder's fatal mode
 * applies (no overlong forms, surrogates or code points past U+10FFFF). A character cut by `end`
 * counts as malformed unless `cutAllowed`, as a streaming decoder holds such bytes back for the next piece.
 */
export function malformedUtf8(bytes: Uint8Array, start: number, end: number, cutAllowed = false): boolean {
  let i = start;
  while (i < end) {
    const lead = bytes[i++];
    if (lead < 0x80) continue;
    let following: number;
    // The second byte's range is narrower after some leads: that is what rules out overlong forms,
    // surrogates (ED A0–BF) and code points past U+10FFFF (F4 90–BF).
    let low = CONTINUATION_LOW;
    let high = CONTINUATION_HIGH;
    if (lead >= 0xc2 && lead <= 0xdf) following = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      following = 2;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      following = 3;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return true;
    for (let k = 0; k < following; k++, i++) {
      if (i >= end) return !cutAllowed;
      const byte = bytes[i];
      if (byte < low || byte > high) return true;
      low = CONTINUATION_LOW;
      high = CONTINUATION_HIGH;
    }
  }
  return false;
}
