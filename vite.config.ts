import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const SERVICE_WORKER_FILE = 'sw.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Builds the offline service worker (src/sw/service-worker.ts) as `sw.js` and, once every file of
 * the build is written, gives it their list and a hash of their names and contents: any change
 * to the site makes a new worker version, which caches the new files beside the old ones.
 */
function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'session-workbench:service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: fromRoot('./src/sw/service-worker.ts'), fileName: SERVICE_WORKER_FILE });
    },
    async writeBundle() {
      const files = (await listFiles(outDir)).filter((file) => file !== SERVICE_WORKER_FILE).sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update('\0').update(await readFile(join(outDir, file))).update('\0');
      const build = { version: hash.digest('hex').slice(0, 16), files };
      const workerPath = join(outDir, SERVICE_WORKER_FILE);
      const code = await readFile(workerPath, 'utf8');
      await writeFile(workerPath, `const __SITE_BUILD__ = ${JSON.stringify(build)};\n${code}`);
    },
  };
}

export default defineConfig({
  // The page lives in src/ so the repository's top level stays small; the build still lands in dist/.
  root: fromRoot('./src'),
  publicDir: fromRoot('./public'),
  plugins: [svelte({ configFile: fromRoot('./svelte.config.js') }), serviceWorker()],
  base: './',
  worker: { format: 'es' },
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: fromRoot('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  optimizeDeps: {
    // The worker's dependencies are found only once it starts; listing them spares the dev server a reload mid-run.
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgl', 'arquero', 'comlink'],
    // TF.js's WASM binaries are fetched at run time from the built assets, never from a CDN.
    exclude: ['@tensorflow/tfjs-backend-wasm'],
  },
  test: {
    root: repoRoot,
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
