import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // The page lives in src/ so the repository's top level stays small; the build still lands in dist/.
  root: fromRoot('./src'),
  publicDir: fromRoot('./public'),
  plugins: [svelte({ configFile: fromRoot('./svelte.config.js') })],
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
