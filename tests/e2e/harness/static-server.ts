import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { siteHeaders } from '../../../src/sw/site-headers';

/** Content types the built site needs; TF.js refuses to stream-compile WASM served as anything but application/wasm. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticSite {
  /** Base URL ending in `/`, e.g. `http://127.0.0.1:41233/`. */
  url: string;
  close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = join(candidate, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

/**
 * Serves a built static site from `root` on a free localhost port with the site's headers, as a
 * static host that reads the build's `_headers` does; with `siteHeaders: false`, as one that sends none.
 */
export async function serveStaticSite(root: string, options: { siteHeaders?: boolean } = {}): Promise<StaticSite> {
  const headersFor = options.siteHeaders === false ? () => ({}) : siteHeaders;
  const siteRoot = normalize(root);
  const server: Server = createServer((request, response) => {
    resolveFile(siteRoot, request.url ?? '/').then(
      (file) => {
        if (!file) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
        response.writeHead(200, {
          ...headersFor(request.url ?? '/'),
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
