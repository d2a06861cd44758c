import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file written to a fresh temp folder, as a user would pick it from disk; returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'workbench-e2e-')), name);
  writeFileSync(path, content);
  return path;
}
