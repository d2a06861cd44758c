// Takes the README's screenshot: the built workbench after a full run on the sample data.
// Usage: npx vite build && npx tsx tests/e2e/screenshot.mjs [output.png]
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { launchChromium } from './harness/chromium.ts';
import { distDir, repoRoot } from './harness/paths.ts';
import { serveStaticSite } from './harness/static-server.ts';
import { WorkbenchPage } from './harness/workbench.ts';

const output = resolve(process.argv[2] ?? resolve(repoRoot, 'tests/e2e/screenshots/workbench.png'));
/** Tall enough to show the whole pipeline down to Evaluate's metrics without an endless image. */
const MAX_HEIGHT = 2600;

const site = await serveStaticSite(distDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const workbench = new WorkbenchPage(page, site.url);
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await workbench.runAll();
  await workbench.waitForAllDone();
  // Charts render after their data arrives; give Vega a moment to lay them out.
  await page.waitForTimeout(1000);
  const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await site.close();
}
