import { expect, test } from './harness/test';

test('serves the built workbench and renders it without errors', async ({ page, siteUrl }) => {
  await page.goto(siteUrl);
  await expect.poll(() => page.locator('body *').count()).toBeGreaterThan(0);
});
