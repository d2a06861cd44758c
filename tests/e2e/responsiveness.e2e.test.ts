import { expect, test } from './harness/test';

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    longTasks: LongTask[];
  }
}

test('keeps the main thread free of long tasks while the network trains and its loss curve grows', { timeout: 300_000 }, async ({ workbench, page }) => {
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  // Enough epochs that the curve is redrawn many times while the worker trains.
  const train = await workbench.startLongSampleTraining(400);
  await train.getByText(/Epoch \d+\/\d+/).first().waitFor({ timeout: 120_000 });
  const started = await page.evaluate(() => performance.now());
  await train.getByText(/Epoch 1\d\d\/400/).first().waitFor({ timeout: 240_000 });
  const ended = await page.evaluate(() => performance.now());
  expect(await train.getAttribute('data-status')).toBe('running');
  await train.locator('.vega-embed .mark-line path').first().waitFor();

  const during = (await page.evaluate(() => window.longTasks)).filter((task) => task.start >= started && task.start <= ended);
  console.info(`${((ended - started) / 1000).toFixed(1)} s of training watched; long tasks: ${during.map((task) => Math.round(task.duration)).join(', ') || 'none'}`);
  expect(during).toEqual([]);
  await workbench.waitForCell('train-mlp', ['done'], { timeout: 240_000 });
});
