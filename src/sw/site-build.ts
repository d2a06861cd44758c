import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { HEADERS_FILE } from './site-headers';

/** What the service worker is told of its build: every file to cache, and a version that changes with any of them. */
export interface SiteBuild {
  version: string;
  /** Paths relative to the site's root, `/`-separated, sorted. */
  files: string[];
}

/** The service worker's own file: it carries the build, so it is not part of it. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Written into the build but never served: the host reads it, and the service worker must not ask for it. */
const unservedFiles = new Set([SERVICE_WORKER_FILE, HEADERS_FILE]);

/** Reads a built site (run at build time, in Node): the version is a hash of every file's path and bytes. */
export async function readSiteBuild(siteDir: string): Promise<SiteBuild> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !unservedFiles.has(file))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(await readFile(join(siteDir, file))).update('\0');
  return { version: hash.digest('hex').slice(0, 16), files };
}
