import { base64ToBytes, bytesToBase64 } from './base64';
import type { NotebookDocument } from './document';
import { readDocument, type ReadOnlyNotebook } from './read-document';

/**
 * A notebook in a link to the static site: `#nb=` then its JSON, deflated and base64url-encoded.
 * The fragment never reaches a server, so the link shares the notebook and nothing else: no
 * dataset, no results. CompressionStream exists in browsers and in Node.
 */

export const LINK_PREFIX = '#nb=';
/**
 * Longer links get cut by mail and chat clients; a notebook without data is a few KB, so one
 * past this is better shared as a file.
 */
export const MAX_LINK_CHARS = 32_000;
/** A link inflating past this is not a notebook anyone wrote by hand: refused before it fills memory. */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new LinkError(`the notebook in this link unpacks to more than ${limit / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

const through = (bytes: Uint8Array, transform: CompressionStream | DecompressionStream) =>
  new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform as TransformStream<Uint8Array, Uint8Array>);

const toBase64Url = (bytes: Uint8Array) => bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError('the link is damaged: it holds characters a notebook link never has');
  return base64ToBytes(text.replace(/-/g, '+').replace(/_/g, '/'));
}

/** The fragment (`#nb=…`) for a notebook; throws LinkError when it would pass MAX_LINK_CHARS. */
export async function encodeShareLink(doc: NotebookDocument): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const packed = await readAll(through(json, new CompressionStream('deflate')), Number.POSITIVE_INFINITY);
  const fragment = `${LINK_PREFIX}${toBase64Url(packed)}`;
  if (fragment.length > MAX_LINK_CHARS) {
    throw new LinkError(
      `this notebook is too large for a link (${fragment.length.toLocaleString('en-US')} characters; a link holds at most ${MAX_LINK_CHARS.toLocaleString('en-US')}): export it as a file instead`,
    );
  }
  return fragment;
}

/** True when a location hash carries a notebook. */
export const isShareLink = (hash: string) => hash.startsWith(LINK_PREFIX);

/**
 * The notebook in a `#nb=` fragment, read as a saved document is: a newer build's comes back
 * read-only, with its fields as the link holds them. Throws LinkError or DocumentError.
 */
export async function decodeShareLink(hash: string): Promise<{ doc: NotebookDocument; readOnly: ReadOnlyNotebook | null }> {
  if (!isShareLink(hash)) throw new LinkError('the link holds no notebook');
  if (hash.length > MAX_LINK_CHARS) throw new LinkError(`the link is longer than a notebook link can be (${MAX_LINK_CHARS.toLocaleString('en-US')} characters)`);
  let json: string;
  try {
    const bytes = await readAll(through(fromBase64Url(hash.slice(LINK_PREFIX.length)), new DecompressionStream('deflate')), MAX_DOCUMENT_BYTES);
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof LinkError) throw error;
    throw new LinkError('the link is damaged or cut short: its notebook could not be unpacked');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new LinkError('the link is damaged: its notebook is not valid JSON');
  }
  const { document, readOnly } = readDocument(value);
  return { doc: document, readOnly: readOnly && { ...readOnly, stored: value as Record<string, unknown> } };
}
