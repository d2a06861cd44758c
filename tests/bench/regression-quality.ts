/**
 * Real-data regression quality, side by side with scikit-learn on the same held-out rows:
 * PageValues from the shoppers sessions, with and without Revenue, five seeds each. The workbench
 * runs the template's regression cells with the MLP and with the hurdle model (Evaluate's ridge
 * baseline comes with each run); scikit-learn fits its MLP, a hurdle model, ridge and gradient
 * boosting (HistGradientBoostingRegressor) as reference columns.
 * Writes tests/bench/results/regression-quality.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNotebook } from '../../src/cli/run-notebook';
import { REFERENCE_PYTHON, SEEDS, SHOPPERS_DATA, stats, testRowsBySeed } from './shoppers-splits';

const TEMPLATE = 'notebooks/purchase-value.json';
const SETTINGS = { without_revenue: ['Revenue'], with_revenue: [] as string[] };

const MODELS = ['mlp', 'hurdle'] as const;
/** Cells up to Evaluate: the template's later cells answer other questions. */
const REGRESSION_CELLS = ['load', 'clean', 'eda', 'encode', 'train-mlp', 'evaluate'];

interface WorkbenchRuns {
  backend: string | null;
  r2: number[];
  /** Evaluate's ridge baseline on the same split. */
  ridgeR2: number[];
  trainSeconds: number[];
  /** Hurdle model only: ROC AUC of P(target > 0) and R² of the amount on positive test rows. */
  classifierAuc?: number[];
  amountR2?: number[];
}

async function workbenchScores(exclude: string[], model: (typeof MODELS)[number]): Promise<WorkbenchRuns> {
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
  template.cells = template.cells.filter((cell: { kind: string }) => REGRESSION_CELLS.includes(cell.kind));
  const notebookPath = join(tmpdir(), 'regression-quality-notebook.json');
  const runs: WorkbenchRuns = { backend: null, r2: [], ridgeR2: [], trainSeconds: [], ...(model === 'hurdle' ? { classifierAuc: [], amountR2: [] } : {}) };
  for (const seed of SEEDS) {
    for (const cell of template.cells) {
      if (cell.kind === 'encode') cell.params = { ...cell.params, seed };
      if (cell.kind === 'train-mlp') cell.params = { ...cell.params, seed, model };
    }
    writeFileSync(notebookPath, JSON.stringify(template));
    const run = await runNotebook({ notebookPath, dataPath: SHOPPERS_DATA, target: 'PageValues', exclude, json: true });
    runs.backend = run.backend;
    const evaluation = run.records.find((record) => record.kind === 'evaluate')!.summary!;
    runs.r2.push(evaluation.r2 as number);
    runs.ridgeR2.push(evaluation.ridge_r2 as number);
    runs.trainSeconds.push(run.records.find((record) => record.kind === 'train-mlp')!.summary!.seconds as number);
    runs.classifierAuc?.push(evaluation.classifier_auc as number);
    runs.amountR2?.push(evaluation.amount_r2 as number);
  }
  return runs;
}

function referenceScores(testRows: Record<number, number[]>) {
  const splitsPath = join(tmpdir(), 'regression-quality-splits.json');
  writeFileSync(splitsPath, JSON.stringify(testRows));
  try {
    const output = execFileSync(REFERENCE_PYTHON, ['tests/bench/sklearn_reference.py', SHOPPERS_DATA, splitsPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output) as Record<string, Record<string, { r2: number[]; fit_seconds: number[] }>> & { version: string };
  } catch (error) {
    console.error(`scikit-learn reference not run (${(error as Error).message.split('\n')[0]}); install Debian's python3-sklearn`);
    return null;
  }
}

const testRows = await testRowsBySeed('PageValues');
const reference = referenceScores(testRows);
const results: Record<string, unknown> = { date: new Date().toISOString(), data: SHOPPERS_DATA, seeds: SEEDS, scikitLearn: reference?.version ?? null };
const summary = (values: number[]) => `${stats(values).mean.toFixed(3)} ± ${stats(values).sd.toFixed(3)}  [${values.map((value) => value.toFixed(3)).join(', ')}]`;
for (const [setting, exclude] of Object.entries(SETTINGS)) {
  const mlp = await workbenchScores(exclude, 'mlp');
  const hurdle = await workbenchScores(exclude, 'hurdle');
  const theirs = reference?.[setting] ?? null;
  results[setting] = {
    workbench: {
      backend: mlp.backend,
      mlp: { ...mlp, ...stats(mlp.r2) },
      hurdle: { ...hurdle, ...stats(hurdle.r2), classifierAucMean: stats(hurdle.classifierAuc!).mean, amountR2Mean: stats(hurdle.amountR2!).mean },
      ridge: { r2: mlp.ridgeR2, ...stats(mlp.ridgeR2) },
    },
    scikitLearn: theirs && Object.fromEntries(Object.entries(theirs).map(([name, runs]) => [name, { r2: runs.r2, fitSeconds: runs.fit_seconds, ...stats(runs.r2) }])),
  };
  console.log(`${setting} (R² on the same test rows, mean ± sd over ${SEEDS.length} seeds):`);
  console.log(`  workbench MLP          ${summary(mlp.r2)}  (${mlp.backend})`);
  console.log(`  workbench hurdle       ${summary(hurdle.r2)}  classifier AUC ${stats(hurdle.classifierAuc!).mean.toFixed(3)}, amount R² ${stats(hurdle.amountR2!).mean.toFixed(3)}`);
  console.log(`  workbench ridge        ${summary(mlp.ridgeR2)}`);
  for (const [name, runs] of Object.entries(theirs ?? {})) console.log(`  scikit-learn ${name.padEnd(9)} ${summary(runs.r2)}`);
}
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/regression-quality.json', `${JSON.stringify(results, null, 2)}\n`);
