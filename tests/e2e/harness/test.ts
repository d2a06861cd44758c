import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject, test as base } from 'vitest';
import { launchChromium } from './chromium';
import { artifactsDir } from './paths';
import { WorkbenchPage } from './workbench';

/** What the page did wrong while a test ran: any of it fails the test. */
export class PageProblems {
  readonly uncaught: string[] = [];
  readonly consoleErrors: string[] = [];
  /** Everything runs in the browser: a request to any other origin would send data away. */
  readonly offsiteRequests: string[] = [];

  messages(): string[] {
    return [
      ...this.uncaught.map((text) => `uncaught: ${text}`),
      ...this.consoleErrors.map((text) => `console.error: ${text}`),
      ...this.offsiteRequests.map((url) => `request off the site: ${url}`),
    ];
  }
}

/**
 * Browser stacks name site URLs; the test runner would try to read them as local source files,
 * so keep the message and the top frame's location only, without the `at` form.
 */
function describePageError(error: Error): string {
  const topFrame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '));
  const location = topFrame?.match(/\(?(https?:\/\/[^\s)]+)\)?\s*$/)?.[1];
  const where = location ? ` [${new URL(location).pathname.replace(/^\//, '')}]` : '';
  return `${error.name}: ${error.message}${where}`;
}

function artifactName(testName: string): string {
  return testName.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 80);
}

/**
 * Browser tests get one Chromium per file and a fresh context (its own IndexedDB) per test.
 * A failing test leaves a screenshot in tests/e2e/artifacts/.
 */
export const test = base
  .extend('siteUrl', { scope: 'worker' }, () => inject('siteUrl'))
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('problems', () => new PageProblems())
  .extend('page', async ({ browser, problems, siteUrl, task }, { onCleanup }): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const siteOrigin = new URL(siteUrl).origin;
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.origin !== siteOrigin) problems.offsiteRequests.push(request.url());
    });
    page.on('pageerror', (error) => problems.uncaught.push(describePageError(error)));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Resource errors name no URL in their text; the location says which request failed.
      const { url } = message.location();
      const path = url ? new URL(url).pathname : '';
      problems.consoleErrors.push(path ? `${message.text()} [${path}]` : message.text());
    });
    onCleanup(async () => {
      const problemMessages = problems.messages();
      if (task.result?.state === 'fail' || problemMessages.length > 0) {
        mkdirSync(artifactsDir, { recursive: true });
        await page.screenshot({ path: join(artifactsDir, `${artifactName(task.name)}.png`), fullPage: true }).catch(() => undefined);
      }
      await context.close();
      if (problemMessages.length > 0) throw new Error(`The page reported errors:\n${problemMessages.join('\n')}`);
    });
    return page;
  })
  .extend('workbench', ({ page, siteUrl }) => new WorkbenchPage(page, siteUrl));

export { expect } from 'vitest';
