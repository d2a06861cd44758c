import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const distDir = resolve(repoRoot, 'dist');
/** Real data lives beside the checkout and is never copied into it. */
export const sharedDataDir = resolve(repoRoot, '../shared/data');
export const artifactsDir = resolve(repoRoot, 'tests/e2e/artifacts');
