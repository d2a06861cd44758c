import { expect, test } from './harness/test';

test('runs the sample notebook end to end with a live training curve', async ({ workbench, page }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  // The training backend is chosen at start and shown before anything trains.
  await expect.poll(() => page.getByTestId('backend').textContent(), { timeout: 30_000 }).toMatch(/ML: (webgl|wasm|cpu)/);
  await workbench.runAll();

  await workbench.waitForCell('train-mlp', ['running'], { timeout: 60_000 });
  const train = workbench.cell('train-mlp');
  await train.getByText(/Epoch \d+\/\d+/).first().waitFor({ timeout: 60_000 });
  const progress = train.getByTestId('progress');
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
  // The loss curve is drawn from the epochs streamed so far, before training ends.
  await train.locator('.vega-embed .mark-line path').first().waitFor({ timeout: 30_000 });
  expect(await train.getAttribute('data-status')).toBe('running');

  await workbench.waitForAllDone();
  // The template log-transforms the sample's heavy-tailed counts, and Encode names them.
  expect(await workbench.cell('encode').getByTestId('skew-logged').innerText()).toMatch(/totals\.pageviews \(skewness [\d.]+, log1p\)/);
  const { r2, baselineR2 } = await workbench.metrics();
  expect(Number.isFinite(r2)).toBe(true);
  expect(r2).toBeGreaterThan(baselineR2);
  await expect.poll(() => page.getByTestId('run-all').isEnabled()).toBe(true);
});

test('cancels training mid-run and keeps working', async ({ workbench }) => {
  await workbench.open();
  await workbench.trySample();
  await workbench.waitForCell('load', ['done']);
  await workbench.runAll();
  await workbench.waitForCell('train-mlp', ['running'], { timeout: 60_000 });
  const train = workbench.cell('train-mlp');
  await train.getByText(/Epoch \d+\/\d+/).first().waitFor({ timeout: 60_000 });

  await train.getByTestId('cancel-cell').click();
  const afterCancel = await workbench.waitForCell('train-mlp', ['idle', 'stale', 'done', 'error'], { timeout: 10_000 });
  expect(afterCancel).not.toBe('done');
  expect(afterCancel).not.toBe('error');
  expect((await workbench.cellStates()).find((cell) => cell.kind === 'evaluate')?.status).not.toBe('done');

  // Still responsive: a parameter edit takes effect and a full run completes.
  await workbench.setParam(train, 'epochs', '5');
  expect(await train.locator('[data-param=epochs]').inputValue()).toBe('5');
  await workbench.runAll();
  await workbench.waitForAllDone();
  expect(Number.isFinite((await workbench.metrics()).r2)).toBe(true);
});

test('pauses training at the next step and resumes it where it stopped', async ({ workbench, page }) => {
  const train = await workbench.startLongSampleTraining(2000);
  await workbench.waitForCell('train-mlp', ['running'], { timeout: 60_000 });
  const epochText = train.getByText(/Epoch \d+\/2000/).first();
  await epochText.waitFor({ timeout: 60_000 });

  await page.getByTestId('pause-run').click();
  await train.getByTestId('paused-note').waitFor();
  // Give a step under way time to end, then the epoch must stand still.
  await page.waitForTimeout(1500);
  const held = await epochText.innerText();
  await page.waitForTimeout(2500);
  expect(await epochText.innerText()).toBe(held);
  expect(await workbench.cellStates()).toContainEqual({ kind: 'train-mlp', status: 'running' });

  await page.getByTestId('resume-run').click();
  await expect.poll(() => epochText.innerText(), { timeout: 30_000 }).not.toBe(held);
  expect(await train.getByTestId('paused-note').count()).toBe(0);
  await train.getByTestId('cancel-cell').click();
  await workbench.waitForCell('train-mlp', ['idle', 'stale'], { timeout: 10_000 });
});
