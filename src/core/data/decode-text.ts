import { CellError } from '../cells/types';

/** What the user may force in the Load cell; `auto` tries UTF-8 and falls back to Latin-1. */
export type EncodingChoice = 'auto' | 'utf-8' | 'latin-1';
export type TextEncodingName = 'utf-8' | 'utf-16' | 'latin-1';

/** How the bytes became text, for the Load cell to tell the user. */
export interface Decoding {
  encoding: TextEncodingName;
  /** Invalid sequences shown as U+FFFD in text that is otherwise UTF-8. */
  replaced: number;
}

export interface DecodedText extends Decoding {
  text: string;
}

/** How many leading bytes are checked for signs of a binary file. */
const SNIFF_BYTES = 4096;
/** Text, even in Latin-1, has almost no control characters other than tab and line ends. */
const MAX_CONTROL_SHARE = 0.01;

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function controlShare(head: Uint8Array): number {
  let controls = 0;
  for (const byte of head) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls++;
  }
  return head.length === 0 ? 0 : controls / head.length;
}

const REPLACEMENT = 0xfffd;

function countCharacters(text: string): { replaced: number; multiByte: number } {
  let replaced = 0;
  let multiByte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === REPLACEMENT) replaced++;
    else if (code >= 0x80) multiByte++;
  }
  return { replaced, multiByte };
}

function refuseBinary(fileName: string, why: string): never {
  throw new CellError(`${fileName} looks like a binary file (${why}): expected CSV, TSV, JSON, Parquet or Arrow data`);
}

/** Windows-1252's characters for bytes 0x80–0x9F; its five unassigned bytes keep their C1 code. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 is what browsers and spreadsheets mean by Latin-1. Browsers' TextDecoder maps
 * 0x80–0x9F to € ‘ ’ and the like, but Node's decodes them as C1 controls: they are mapped here.
 */
function decodeLatin1(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
}

/**
 * The file's text without a byte-order mark. UTF-16 is read when it starts with its BOM; bytes
 * that are not valid UTF-8 but hold no control characters are read as Latin-1 (windows-1252) and
 * say so, rather than showing replacement characters; NUL bytes or control noise mean binary.
 */
export function decodeText(bytes: Uint8Array, fileName: string, choice: EncodingChoice = 'auto'): DecodedText {
  if (choice === 'latin-1') return { text: decodeLatin1(bytes), encoding: 'latin-1', replaced: 0 };
  if (hasUtf16Bom(bytes)) return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: 'utf-16', replaced: 0 };
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) refuseBinary(fileName, 'it holds NUL bytes');
  if (controlShare(head) > MAX_CONTROL_SHARE) refuseBinary(fileName, 'it holds control bytes that text does not');
  try {
    // Without `ignoreBOM`, TextDecoder drops a leading byte-order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', replaced: 0 };
  } catch {
    if (choice === 'utf-8') {
      throw new CellError(`${fileName} is not valid UTF-8: choose Latin-1 (or auto) as the encoding, or save the file as UTF-8`);
    }
  }
  // A UTF-8 file with a few damaged bytes keeps its accents; one with no valid multi-byte
  // character at all is Latin-1.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const { replaced, multiByte } = countCharacters(lenient);
  if (multiByte > replaced) return { text: lenient, encoding: 'utf-8', replaced };
  return { text: decodeLatin1(bytes), encoding: 'latin-1', replaced: 0 };
}
