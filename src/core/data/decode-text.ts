import { CellError } from '../cells/types';

/** How many leading bytes are checked for signs of a binary file. */
const SNIFF_BYTES = 1024;

/**
 * The file's text as UTF-8 without a byte-order mark. Binary files (NUL bytes or invalid UTF-8
 * near the start, which also catches UTF-16) are refused rather than read as garbage columns.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw new CellError(`${fileName} looks like a binary file (it holds NUL bytes): expected UTF-8 CSV or TSV text`);
  try {
    // `stream: true` lets a multi-byte character cut at the sniff boundary pass.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new CellError(`${fileName} is not UTF-8 text (invalid bytes in its first ${SNIFF_BYTES} bytes): save it as UTF-8 CSV`);
  }
  // Without `ignoreBOM`, TextDecoder drops a leading byte-order mark itself.
  return new TextDecoder('utf-8').decode(bytes);
}
