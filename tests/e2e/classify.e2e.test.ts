import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from './harness/paths';
import { expect, test } from './harness/test';

const shoppersCsv = join(sharedDataDir, 'online_shoppers_intention.csv');

test('classifies Revenue from the real sessions and moves the threshold without a re-run', { timeout: 420_000 }, async ({ workbench }) => {
  expect(existsSync(shoppersCsv), `the real dataset belongs at ${shoppersCsv}, beside the checkout`).toBe(true);
  await workbench.open();
  await workbench.openDataset(shoppersCsv);
  await workbench.waitForCell('load', ['done']);
  await workbench.setParam(workbench.cell('load'), 'target', 'Revenue');

  const classify = workbench.cell('classify');
  await classify.getByTestId('run-cell').click();
  await workbench.waitForCell('classify', ['done', 'error'], { timeout: 300_000 });
  expect(await classify.getAttribute('data-status'), await classify.innerText()).toBe('done');
  // Running the Classify cell runs what it needs (Load … Encode), not the regression cells.
  expect(await workbench.cell('train-mlp').getAttribute('data-status')).not.toBe('done');

  const figure = async (id: string) => Number((await classify.getByTestId(id).innerText()).trim());
  const auc = await figure('metric-auc');
  const f1 = await figure('metric-f1');
  console.info(`Revenue: test ROC AUC ${auc}, F1 ${f1} at the validation-chosen threshold`);
  expect(auc).toBeGreaterThan(0.88);
  expect(f1).toBeGreaterThan(0.5);
  // Confusion matrix, ROC, precision–recall and calibration.
  await expect.poll(() => classify.locator('.vega-embed svg.marks').count()).toBe(4);

  const precisionBefore = await figure('metric-precision');
  const recallBefore = await figure('metric-recall');
  const slider = classify.getByTestId('threshold');
  // Near the top of the range: fewer rows called buyers, so fewer found but more of those right.
  const highest = Number(await slider.getAttribute('max'));
  await slider.fill(String(highest - 15));
  await expect.poll(() => figure('metric-recall')).toBeLessThan(recallBefore);
  expect(await figure('metric-precision')).toBeGreaterThan(precisionBefore);
  expect(await figure('metric-auc')).toBe(auc);
  expect(await classify.getAttribute('data-status')).toBe('done');
});
