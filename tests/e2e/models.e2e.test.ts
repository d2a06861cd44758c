import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { tempFile } from './harness/temp-file';
import { expect, test } from './harness/test';
import type { WorkbenchPage } from './harness/workbench';

async function runScore(workbench: WorkbenchPage, nth: number): Promise<{ headline: string; mean: string }> {
  const score = workbench.cell('score', nth);
  expect(await workbench.runCell('score', { nth }), await score.innerText()).toBe('done');
  return { headline: await score.getByTestId('score-headline').innerText(), mean: await score.getByTestId('score-mean').innerText() };
}

async function downloadKeptModel(page: Page): Promise<{ json: Download; weights: Download }> {
  await page.getByTestId('export-menu').click();
  await expect.poll(() => page.getByTestId('kept-model').count()).toBe(1);
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByTestId('download-model').click();
  await expect.poll(() => downloads.length).toBe(2);
  const json = downloads.find((download) => download.suggestedFilename().endsWith('.json'))!;
  const weights = downloads.find((download) => download.suggestedFilename().endsWith('.weights.bin'))!;
  await page.keyboard.press('Escape');
  return { json, weights };
}

test('keeps the trained model with the project, downloads it as TF.js layers files, and scores with it again after import', { timeout: 420_000 }, async ({ workbench, page }) => {
  await workbench.open();
  // The sample notebook ends with a Score cell that scores with the Train cell above.
  await workbench.runSampleNotebook({ epochs: 3 });
  const trained = await runScore(workbench, 0);
  expect(trained.headline).toContain('Scored 5,000 rows into predicted_purchaseValue with the model trained above');

  // Kept in IndexedDB as the Train cell finished: a reload finds it.
  const savedKinds = async () => ((await workbench.savedValue('documents')) as { cells: { kind: string }[] }).cells.map((cell) => cell.kind);
  await expect.poll(savedKinds).toContain('score');
  await workbench.reload();
  const { json, weights } = await downloadKeptModel(page);
  const manifest = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(manifest.format).toBe('layers-model');
  expect(manifest.weightsManifest[0].paths).toEqual([weights.suggestedFilename()]);
  const weightBytes = manifest.weightsManifest[0].weights.reduce((sum: number, spec: { shape: number[] }) => sum + 4 * spec.shape.reduce((a, b) => a * b, 1), 0);
  expect(readFileSync(await weights.path()).byteLength).toBe(weightBytes);
  expect(manifest.userDefinedMetadata.scoring.target).toBe('purchaseValue');

  // The kept model scores as the Train cell's own did, without training again.
  const keptId = await page.evaluate(() => (document.querySelector('[data-testid=cell][data-kind=score] [data-param=model]') as HTMLSelectElement).options[1].value);
  await workbench.setParam(workbench.cell('score'), 'model', keptId);
  const kept = await runScore(workbench, 0);
  expect(kept.mean).toBe(trained.mean);
  expect(kept.headline).toContain('with a model kept with the project');
  expect(await workbench.cell('train-mlp').getAttribute('data-status')).not.toBe('running');

  // Removed, then imported back from the downloaded files: the same id, the same scores.
  await page.getByTestId('export-menu').click();
  await page.getByTestId('remove-model').click();
  await expect.poll(() => page.getByTestId('kept-model').count()).toBe(0);
  await page.keyboard.press('Escape');
  const jsonPath = tempFile(json.suggestedFilename(), readFileSync(await json.path()));
  const weightsPath = tempFile(weights.suggestedFilename(), readFileSync(await weights.path()));

  const modelFiles = workbench.cell('score').getByTestId('model-files');
  await modelFiles.setInputFiles([jsonPath]);
  await expect.poll(() => page.getByTestId('notice').last().innerText()).toContain(`lists '${weights.suggestedFilename()}': pick that file together with model.json`);

  await modelFiles.setInputFiles([jsonPath, weightsPath]);
  await expect.poll(() => page.getByTestId('notice').last().innerText()).toContain('which predicts purchaseValue: pick it in a Score cell');
  expect(await workbench.cell('score').locator('[data-param=model]').inputValue()).toBe(keptId);
  const imported = await runScore(workbench, 0);
  expect(imported.mean).toBe(trained.mean);

  // A notebook file carries the kept models when asked, and brings them back on import.
  await page.getByTestId('export-menu').click();
  await expect.poll(() => page.getByTestId('export-models-size').innerText()).toMatch(/KB/);
  await page.getByTestId('export-models').check();
  const notebookFile = await workbench.exportNotebook();
  await page.getByTestId('remove-model').click();
  await expect.poll(() => page.getByTestId('kept-model').count()).toBe(0);
  await page.keyboard.press('Escape');
  await workbench.importNotebook(tempFile('with-model.json', readFileSync(await notebookFile.path())));
  await page.getByTestId('export-menu').click();
  await expect.poll(() => page.getByTestId('kept-model').count()).toBe(1);
  await page.keyboard.press('Escape');
  expect((await runScore(workbench, 0)).mean).toBe(trained.mean);

  // A duplicate of the project keeps its own copy of the models; a project deleted for good takes its models with it.
  const originalId = await workbench.openProjectId();
  await page.getByTestId('projects').click();
  await page.locator(`[data-testid=project-row][data-project-id="${originalId}"]`).getByTestId('project-duplicate').click();
  const copyRow = page.locator('[data-testid=project-row]', { hasText: '(copy)' });
  await copyRow.getByTestId('project-open').click();
  await expect.poll(() => workbench.openProjectId()).not.toBe(originalId);
  const copyId = await workbench.openProjectId();
  await expect.poll(async () => ((await workbench.savedValue('models', copyId)) as unknown[] | undefined)?.length).toBe(1);
  await page.getByTestId('projects').click();
  const originalRow = page.locator(`[data-testid=project-row][data-project-id="${originalId}"]`);
  await originalRow.getByTestId('project-delete').click();
  await expect.poll(() => originalRow.count()).toBe(0);
  await page.keyboard.press('Escape');
  await workbench.reload();
  await expect.poll(() => workbench.openProjectId(), { timeout: 15_000 }).toBe(copyId);
  await expect.poll(() => workbench.savedValue('models', originalId), { timeout: 15_000 }).toBeUndefined();
  await page.getByTestId('export-menu').click();
  await expect.poll(() => page.getByTestId('kept-model').count()).toBe(1);
});
