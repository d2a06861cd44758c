import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { distDir } from './harness/paths';
import { serveStaticSite } from './harness/static-server';
import { expect, test } from './harness/test';

/** Waits until this build's service worker is active, its files all cached. */
async function offlineCopyReady(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active!.scriptURL;
  });
}

const workbenchCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('session-workbench-')));

test('after one visit the workbench opens and runs the whole notebook offline', async ({ workbench, page }) => {
  await workbench.open();
  expect(await offlineCopyReady(page)).toMatch(/\/sw\.js$/);
  expect(await workbenchCaches(page)).toHaveLength(1);

  await page.context().setOffline(true);
  await workbench.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

  await workbench.runSampleNotebook();
  const { r2, baselineR2 } = await workbench.metrics();
  expect(r2).toBeGreaterThan(baselineR2);
  await page.context().setOffline(false);
});

/** A copy of the built site on its own server, so the test can deploy a new build of it. */
async function deployedCopy(): Promise<{ url: string; dir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-site-'));
  await cp(distDir, dir, { recursive: true });
  const site = await serveStaticSite(dir);
  return { url: site.url, dir, close: async () => (await site.close(), await rm(dir, { recursive: true, force: true })) };
}

test('a new build installs beside the old one, waits for the next load, then takes over and drops the old files', async ({ page, problems, onTestFinished }) => {
  const site = await deployedCopy();
  onTestFinished(() => site.close());
  await page.goto(site.url);
  await offlineCopyReady(page);
  await page.reload();
  const [firstCache] = await workbenchCaches(page);
  const firstVersion = firstCache.replace('session-workbench-', '');

  // A new deployment: the page changes, and with it the build hash.
  const workerPath = join(site.dir, 'sw.js');
  const worker = await readFile(workerPath, 'utf8');
  expect(worker).toContain(`"version":"${firstVersion}"`);
  await writeFile(workerPath, worker.replace(`"version":"${firstVersion}"`, '"version":"next-build"'));
  const indexPath = join(site.dir, 'index.html');
  await writeFile(indexPath, (await readFile(indexPath, 'utf8')).replace('<title>Session Workbench</title>', '<title>Session Workbench, next build</title>'));

  const waitingState = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
    const installing = registration.installing;
    if (installing) await new Promise<void>((resolve) => installing.addEventListener('statechange', () => installing.state !== 'installing' && resolve()));
    return registration.waiting?.state;
  });
  // Installed beside the old build; the open page keeps the build it loaded.
  expect(waitingState).toBe('installed');
  expect((await workbenchCaches(page)).sort()).toEqual([firstCache, 'session-workbench-next-build'].sort());
  expect(await page.title()).toBe('Session Workbench');

  await page.reload();
  await expect.poll(() => page.title(), { timeout: 15_000 }).toBe('Session Workbench, next build');
  await expect.poll(() => workbenchCaches(page), { timeout: 15_000 }).toEqual(['session-workbench-next-build']);
  await page.getByTestId('try-sample').waitFor();
  // The copy is served from its own port, which the harness counts as another site.
  problems.offsiteRequests.splice(0, problems.offsiteRequests.length, ...problems.offsiteRequests.filter((url) => !url.startsWith(site.url)));
});
