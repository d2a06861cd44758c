import { CellError } from '../../cells/types';

/** Inflates a gzip file with the platform's DecompressionStream (browsers and Node 20). */
export async function gunzip(bytes: Uint8Array, fileName: string): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new CellError(`${fileName} looks gzip-compressed but could not be decompressed: the file is damaged or cut short`);
  }
}
