import { describe, expect, it } from 'vitest';
import { headersFile, pageContentSecurityPolicy, siteHeaders, withSiteHeaders } from '../../../src/sw/site-headers';

/** Directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
}

const workerScripts = ['assets/kernel.worker-B4CbOrWM.js', '/assets/kernel.worker-B4CbOrWM.js', '/@fs/work/main/workers/kernel.worker.ts?worker_file&type=module'];
const otherFiles = ['', '/', 'index.html', '/index.html?x=1', 'sw.js', 'assets/index-DfkNQdoM.js', 'assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm', 'assets/workers.css'];

/**
 * What a static host makes of a `_headers` file for one path: every rule whose pattern matches
 * (`*` for any characters), the values of a header given twice joined with a comma.
 */
function hostHeaders(file: string, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let matches = false;
  for (const line of file.split('\n').filter((text) => text !== '')) {
    if (!line.startsWith(' ')) {
      const pattern = new RegExp(`^${line.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`);
      matches = pattern.test(path);
    } else if (matches) {
      const [name, value] = line.trim().split(/: (.*)/);
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
  }
  return headers;
}

describe('siteHeaders', () => {
  it('isolates every response from other origins, so WASM threads may share memory', () => {
    for (const path of [...workerScripts, ...otherFiles]) {
      expect(siteHeaders(path)).toMatchObject({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'X-Content-Type-Options': 'nosniff' });
    }
  });

  it('gives the page its meta policy and lets no directive name another host', () => {
    for (const path of otherFiles) expect(siteHeaders(path)['Content-Security-Policy']).toBe(pageContentSecurityPolicy);
    for (const path of [...workerScripts, ...otherFiles]) {
      const policy = parsePolicy(siteHeaders(path)['Content-Security-Policy']);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
      for (const [directive, sources] of policy) {
        for (const source of sources) expect(source, directive).toMatch(/^('[a-z-]+'|blob:|data:)$/);
      }
    }
  });

  it('lets only a worker script compile code and load thread glue from blob: URLs; the page may not', () => {
    const withoutScripts = (policy: Map<string, string[]>) => new Map([...policy].filter(([directive]) => directive !== 'script-src'));
    const page = parsePolicy(pageContentSecurityPolicy);
    expect(page.get('script-src')).toEqual(["'self'"]);
    for (const path of workerScripts) {
      const worker = parsePolicy(siteHeaders(path)['Content-Security-Policy']);
      expect(worker.get('script-src')).toEqual(["'self'", "'unsafe-eval'", 'blob:']);
      expect(withoutScripts(worker)).toEqual(withoutScripts(page));
    }
  });
});

describe('headersFile', () => {
  const files = ['assets/index-DfkNQdoM.js', 'assets/kernel.worker-B4CbOrWM.js', 'index.html', 'sw.js'];

  it('gives a host the same headers for each file as the servers send', () => {
    const file = headersFile(files);
    for (const path of files) expect(hostHeaders(file, `/${path}`)).toEqual(siteHeaders(path));
    expect(hostHeaders(file, '/')).toEqual(siteHeaders('index.html'));
  });

  it('never gives one path two policies, which a browser would both enforce', () => {
    const file = headersFile(files);
    for (const path of ['/', ...files.map((name) => `/${name}`)]) expect(hostHeaders(file, path)['Content-Security-Policy']).not.toContain(', ');
  });
});

describe('withSiteHeaders', () => {
  it('sets the headers on a cached response, replacing what the host sent, and keeps its body, status and type', async () => {
    const cached = new Response('postMessage(1)', {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'text/javascript', 'content-security-policy': "default-src *" },
    });
    const served = withSiteHeaders(cached, '/assets/kernel.worker-B4CbOrWM.js');
    expect(await served.text()).toBe('postMessage(1)');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/javascript');
    for (const [name, value] of Object.entries(siteHeaders('/assets/kernel.worker-B4CbOrWM.js'))) expect(served.headers.get(name)).toBe(value);
  });
});
