/**
 * The security headers every response of the site carries, wherever it is served from: the dev
 * and preview servers, a static host reading `_headers`, and the offline service worker.
 *
 * A `<meta>` policy covers the page only; a dedicated worker takes its policy from the headers of
 * its own script, so the kernel worker is protected only by a header.
 */

/** Directive → allowed sources. */
type Policy = Readonly<Record<string, readonly string[]>>;

/** The page's own files only: no remote script, style, font or image, and no request elsewhere. */
const pagePolicy: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'blob:', 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The kernel worker's: the page's, plus what its libraries need to run code they generate.
 * arquero compiles row expressions with `Function` (the text is checked first:
 * src/core/data/clean/expression.ts), which takes `'unsafe-eval'`; that also lets TF.js compile its
 * WebAssembly. TF.js's threaded build starts each thread as a worker that loads the module's glue
 * from a `blob:` URL. Nothing here reaches another origin: `connect-src` is the page's.
 */
const workerPolicy: Policy = {
  ...pagePolicy,
  'script-src': [...pagePolicy['script-src'], "'unsafe-eval'", 'blob:'],
};

function formatPolicy(policy: Policy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

export const pageContentSecurityPolicy = formatPolicy(pagePolicy);

/** Headers that are the same on every response. */
const sharedHeaders: Readonly<Record<string, string>> = {
  // Cross-origin isolation: lets TF.js's WASM backend share memory between threads.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A dedicated worker's script: `kernel.worker-<hash>.js` when built, `kernel.worker.ts` in development. */
const workerScript = /\.worker(-[\w-]+)?\.(js|ts)$/;

/** The headers for one file of the site, by its path (relative to the site's root or absolute; a query is ignored). */
export function siteHeaders(path: string): Record<string, string> {
  const pathname = path.split(/[?#]/)[0];
  const policy = workerScript.test(pathname) ? workerPolicy : pagePolicy;
  return { 'Content-Security-Policy': formatPolicy(policy), ...sharedHeaders };
}

/** Static hosts (Netlify, Cloudflare Pages) read it from the site's root; it is not served. */
export const HEADERS_FILE = '_headers';

/**
 * The `_headers` file for a built site's files. Hosts join the values of a header that several
 * rules give one path, and two policies both apply, so each policy goes to its own exact paths
 * and only the shared headers go to every path.
 */
export function headersFile(files: readonly string[]): string {
  const rule = (path: string, headers: Readonly<Record<string, string>>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const policyRules = ['', ...files].map((file) => rule(`/${file}`, { 'Content-Security-Policy': siteHeaders(file)['Content-Security-Policy'] }));
  return [rule('/*', sharedHeaders), ...policyRules].join('\n') + '\n';
}

/** The same response with the site's headers for `path` set on it (the service worker's cached copies may lack them). */
export function withSiteHeaders(response: Response, path: string): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(siteHeaders(path))) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
