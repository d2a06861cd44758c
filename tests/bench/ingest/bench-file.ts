import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { wideSessionsCsvChunks } from '../../../src/core/sample/wide-sessions';

/**
 * The wide sessions file for `rows` and `seed` under `folder`, written block by block (never the
 * whole text in memory) the first time and reused after. It is written under a temporary name and
 * renamed when complete, so a bench stopped halfway never leaves a short file to be reused.
 */
export async function wideSessionsFile(folder: string, rows: number, seed: number): Promise<string> {
  const path = join(folder, `sessions-wide-${rows}-seed${seed}.csv`);
  if (await stat(path).catch(() => null)) return path;
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  for (const chunk of wideSessionsCsvChunks(rows, seed)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  await rename(partial, path);
  return path;
}
