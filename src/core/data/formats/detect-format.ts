/** The file layouts the Load cell reads. */
export type DataFormat = 'delimited' | 'json' | 'ndjson' | 'parquet' | 'arrow';

export const FORMAT_NAMES: Record<DataFormat, string> = {
  delimited: 'delimited text',
  json: 'JSON',
  ndjson: 'JSON lines',
  parquet: 'Parquet',
  arrow: 'Arrow IPC',
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1
const ARROW_FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // ARROW1
/** An Arrow IPC stream opens with the continuation marker before its schema message. */
const ARROW_STREAM_MARKER = [0xff, 0xff, 0xff, 0xff];
const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, GZIP_MAGIC);
}

/** The name without a `.gz` suffix, lower-cased, for the extension check. */
function innerExtension(fileName: string): string {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  // Skips a UTF-8 byte-order mark and white space.
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i];
}

/**
 * Magic bytes first (a warehouse export keeps its signature whatever it is called), then the
 * first character for JSON, then the extension; everything else is read as delimited text.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DataFormat {
  if (startsWith(bytes, PARQUET_MAGIC)) return 'parquet';
  if (startsWith(bytes, ARROW_FILE_MAGIC) || startsWith(bytes, ARROW_STREAM_MARKER)) return 'arrow';
  const extension = innerExtension(fileName);
  if (extension === 'parquet') return 'parquet';
  if (extension === 'arrow' || extension === 'feather' || extension === 'ipc') return 'arrow';
  const first = firstNonSpace(bytes);
  if (first === 0x5b) return 'json'; // [
  if (first === 0x7b) return extension === 'json' ? 'json' : 'ndjson'; // {
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  if (extension === 'json') return 'json';
  return 'delimited';
}
