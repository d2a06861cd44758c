import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../src/core/notebook/document';
import { sharedDataDir } from './harness/paths';
import { expect, test } from './harness/test';

const shoppersCsv = join(sharedDataDir, 'online_shoppers_intention.csv');

interface ExportedCell {
  kind: string;
  params: Record<string, unknown>;
}

test(
  'predicts PageValues from the real sessions with the MLP and the hurdle model, restores the project after a reload and reproduces R² from an export',
  { timeout: 600_000 },
  async ({ workbench, page }) => {
    expect(existsSync(shoppersCsv), `the real dataset belongs at ${shoppersCsv}, beside the checkout`).toBe(true);
    await workbench.open();
    await workbench.openDataset(shoppersCsv);
    await workbench.waitForCell('load', ['done']);
    await workbench.setParam(workbench.cell('load'), 'target', 'PageValues');
    await workbench.setParam(workbench.cell('encode'), 'exclude', ['Revenue']);
    await workbench.runAll();
    await workbench.waitForAllDone();

    const trained = await workbench.metrics();
    expect(Number.isFinite(trained.r2)).toBe(true);
    expect(Number.isFinite(trained.baselineR2)).toBe(true);
    expect(trained.r2).toBeGreaterThan(trained.baselineR2);
    const ridgeR2 = Number(await page.getByTestId('metric-ridge-r2').innerText());
    expect(Number.isFinite(ridgeR2)).toBe(true);
    const trainingFacts = await workbench.cell('train-mlp').getByTestId('train-facts').innerText();
    const runFacts = await workbench.cell('train-mlp').getByTestId('train-backend').innerText();
    expect(runFacts).toMatch(/^TF\.js \d+\.\d+\.\d+, \w+ backend, seed 42$/);
    console.info(`test R² ${trained.r2Text} vs mean baseline ${trained.baselineR2} and ridge ${ridgeR2}; ${trainingFacts.replace(/\s+/g, ' ')}; ${runFacts}`);
    const cellsAfterRun = await workbench.cellStates();
    expect(cellsAfterRun.map((cell) => cell.kind).slice(0, 6)).toEqual(['load', 'clean', 'eda', 'encode', 'train-mlp', 'evaluate']);

    await workbench.reload();
    await workbench.cell('evaluate').waitFor();
    await expect.poll(() => workbench.cellStates(), { timeout: 15_000 }).toEqual(cellsAfterRun);
    expect((await workbench.metrics()).r2Text).toBe(trained.r2Text);

    const exportedPath = join(mkdtempSync(join(tmpdir(), 'workbench-export-')), 'notebook.json');
    await (await workbench.exportNotebook()).saveAs(exportedPath);
    const exported = JSON.parse(readFileSync(exportedPath, 'utf8')) as { schemaVersion: number; cells: ExportedCell[] };
    expect(exported.schemaVersion).toBe(SCHEMA_VERSION);
    expect(exported.cells.find((cell) => cell.kind === 'load')?.params.target).toBe('PageValues');
    expect(exported.cells.find((cell) => cell.kind === 'encode')?.params.exclude).toEqual(['Revenue']);

    // An edit after the export, which the import must undo.
    const train = workbench.cell('train-mlp');
    const exportedEpochs = await train.locator('[data-param=epochs]').inputValue();
    await workbench.setParam(train, 'epochs', '1');
    await workbench.waitForCell('train-mlp', ['stale']);

    await workbench.importNotebook(exportedPath);
    await page.getByRole('status').filter({ hasText: 'Opened notebook.json' }).waitFor();
    expect(await train.locator('[data-param=epochs]').inputValue()).toBe(exportedEpochs);
    await expect.poll(() => workbench.cellStates()).toEqual(cellsAfterRun);
    await workbench.runAll();
    // The imported cells match the saved results, so wait for the re-run to reach training before waiting for the end.
    await workbench.waitForCell('train-mlp', ['running']);
    await workbench.waitForAllDone();
    expect((await workbench.metrics()).r2Text).toBe(trained.r2Text);

    // The hurdle model: a classifier of P(PageValues > 0) and a network for the amount, each scored on its own.
    await workbench.setParam(train, 'model', 'hurdle');
    await workbench.waitForCell('train-mlp', ['stale']);
    // Cells below Evaluate (the purchase classifier) may still be finishing the previous run.
    await expect.poll(() => page.getByTestId('run-all').isEnabled(), { timeout: 300_000 }).toBe(true);
    await workbench.runAll();
    await workbench.waitForCell('train-mlp', ['running']);
    await workbench.waitForAllDone();
    const hurdle = await workbench.metrics();
    const classifierAuc = Number(await page.getByTestId('metric-classifier-auc').innerText());
    const amountR2 = Number(await page.getByTestId('metric-amount-r2').innerText());
    await train.getByTestId('train-facts-amount').waitFor();
    expect(classifierAuc).toBeGreaterThan(0.7);
    expect(Number.isFinite(amountR2)).toBe(true);
    expect(hurdle.r2).toBeGreaterThan(hurdle.baselineR2);
    console.info(`hurdle: test R² ${hurdle.r2Text}, classifier ROC AUC ${classifierAuc}, amount R² on positive test rows ${amountR2}`);
  },
);
