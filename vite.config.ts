import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readSiteBuild, SERVICE_WORKER_FILE } from './src/sw/site-build';
import { HEADERS_FILE, headersFile, pageContentSecurityPolicy, siteHeaders } from './src/sw/site-headers';

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

/** Sets the site's headers (src/sw/site-headers.ts) on every response of the dev and preview servers. */
const withSiteHeaders: Connect.NextHandleFunction = (request, response, next) => {
  for (const [name, value] of Object.entries(siteHeaders(request.url ?? '/'))) response.setHeader(name, value);
  next();
};

/**
 * The site's security headers from one source: on the dev and preview servers, in a `_headers`
 * file beside the build for static hosts, and as a `<meta>` policy in the page for hosts that
 * send no headers at all.
 */
function securityHeaders(): Plugin {
  let outDir = '';
  return {
    name: 'session-workbench:security-headers',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(withSiteHeaders);
    },
    configurePreviewServer(server) {
      server.middlewares.use(withSiteHeaders);
    },
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: pageContentSecurityPolicy }, injectTo: 'head-prepend' }],
    async writeBundle() {
      const { files } = await readSiteBuild(outDir);
      await writeFile(join(outDir, HEADERS_FILE), headersFile([...files, SERVICE_WORKER_FILE]));
    },
  };
}

/** TF.js's threaded WASM glue (@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js) opens with these three parts. */
const glueWrapper = 'var WasmBackendModuleThreadedSimd = (() => {\n';
const glueScriptDir = `  var _scriptDir = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : undefined;
  if (typeof __filename !== 'undefined') _scriptDir = _scriptDir || __filename;
`;
const glueFactory = '  return (\nfunction(WasmBackendModuleThreadedSimd) {\n';

/**
 * TF.js starts each WASM thread with the text of its module factory (`factory.toString()`), so the
 * factory must not reach outside itself. It reads `_scriptDir` from its wrapper behind a `typeof`
 * check, which the minifier, seeing the variable declared, shortens to a plain reference: every
 * thread then dies of a ReferenceError. Declaring the variable inside the factory keeps the text
 * whole. The build stops if a TF.js update changes the glue, rather than ship broken threads.
 */
function selfContainedWasmThreads(): Plugin {
  return {
    name: 'session-workbench:self-contained-wasm-threads',
    apply: 'build',
    transform: {
      filter: { id: /tfjs-backend-wasm-threaded-simd\.js$/ },
      handler(code, id) {
        const opening = glueWrapper + glueScriptDir + glueFactory;
        if (!code.includes(opening)) this.error(`TF.js's threaded WASM glue has changed (${id}): check that its factory still stands alone`);
        return code.replace(opening, glueWrapper + glueFactory + glueScriptDir);
      },
    },
  };
}

export default defineConfig({
  // The page lives in src/ so the repository's top level stays small; the build still lands in dist/.
  root: fromRoot('./src'),
  publicDir: fromRoot('./public'),
  plugins: [svelte({ configFile: fromRoot('./svelte.config.js') }), serviceWorker(), securityHeaders()],
  base: './',
  // TF.js runs in the kernel worker, whose bundle is built with these plugins only.
  worker: { format: 'es', plugins: () => [selfContainedWasmThreads()] },
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
