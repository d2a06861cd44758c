// Takes the README's screenshot: the built workbench after a full run on the sample data, scrolled to
// the Train MLP and Evaluate cells so the loss curve and the metrics are in view.
// Usage: npx vite build && npx tsx tests/e2e/screenshot.mjs [output.png]
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { launchChromium } from './harness/chromium.ts';
import { distDir, repoRoot } from './harness/paths.ts';
import { serveStaticSite } from './harness/static-server.ts';
import { WorkbenchPage } from './harness/workbench.ts';

const output = resolve(process.argv[2] ?? resolve(repoRoot, 'tests/e2e/screenshots/workbench.png'));
const viewport = { width: 1280, height: 1500 };

const site = await serveStaticSite(distDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const workbench = new WorkbenchPage(page, site.url);
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await workbench.runAll();
  await workbench.waitForAllDone();
  // Charts render after their data arrives; give Vega a moment to lay them out.
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const header = document.querySelector('header');
    const train = document.querySelector('[data-testid=cell][data-kind="train-mlp"]');
    const top = (train?.getBoundingClientRect().top ?? 0) + window.scrollY - (header?.getBoundingClientRect().height ?? 0) - 16;
    window.scrollTo(0, top);
  });
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await site.close();
}
