import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readSiteBuild, SERVICE_WORKER_FILE } from './src/sw/site-build';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
      const build = await readSiteBuild(outDir);
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
