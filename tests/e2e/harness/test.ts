import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject, test as base } from 'vitest';
import { launchChromium } from './chromium';
import { artifactsDir } from './paths';
import { WorkbenchPage } from './workbench';

/** What the page reported while a test ran; uncaught errors fail the test. */
export class PageProblems {
  readonly uncaught: string[] = [];
  readonly consoleErrors: string[] = [];
  private readonly expected: RegExp[] = [];

  /** Marks console errors matching `pattern` as part of the behaviour under test. */
  expectConsoleError(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  unexpected(): string[] {
    const consoleErrors = this.consoleErrors.filter((text) => !this.expected.some((pattern) => pattern.test(text)));
    return [...this.uncaught.map((text) => `uncaught: ${text}`), ...consoleErrors.map((text) => `console.error: ${text}`)];
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
  .extend('page', async ({ browser, problems, task }, { onCleanup }): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.uncaught.push(describePageError(error)));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Resource errors name no URL in their text; the location says which request failed.
      const { url } = message.location();
      const path = url ? new URL(url).pathname : '';
      // Chromium asks for /favicon.ico on its own; the site declares no icon, so that miss is not the page's error.
      if (path === '/favicon.ico') return;
      problems.consoleErrors.push(path ? `${message.text()} [${path}]` : message.text());
    });
    onCleanup(async () => {
      const unexpected = problems.unexpected();
      if (task.result?.state === 'fail' || unexpected.length > 0) {
        mkdirSync(artifactsDir, { recursive: true });
        await page.screenshot({ path: join(artifactsDir, `${artifactName(task.name)}.png`), fullPage: true }).catch(() => undefined);
      }
      await context.close();
      if (unexpected.length > 0) throw new Error(`The page reported errors:\n${unexpected.join('\n')}`);
    });
    return page;
  })
  .extend('workbench', ({ page, siteUrl }) => new WorkbenchPage(page, siteUrl));

export { expect, describe } from 'vitest';
