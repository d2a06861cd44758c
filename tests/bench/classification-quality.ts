/**
 * Real-data classification quality, side by side with scikit-learn on the same held-out rows:
 * Revenue from the shoppers sessions (PageValues kept as a feature), logistic regression and the
 * MLP classifier, five seeds each. Writes tests/bench/results/classification-quality.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNotebook } from '../../src/cli/run-notebook';
import { REFERENCE_PYTHON, SEEDS, SHOPPERS_DATA, stats, testRowsBySeed } from './shoppers-splits';

const TEMPLATE = 'notebooks/purchase-value.json';
const TARGET = 'Revenue';
const MODELS = ['logistic', 'mlp'] as const;
/** The template up to Encode, then its Classify cell: the regression and scoring cells play no part here. */
const CLASSIFICATION_CELLS = ['load', 'clean', 'eda', 'encode', 'classify'];

async function workbenchScores(model: (typeof MODELS)[number], testRows: Record<number, number[]>) {
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
  template.cells = template.cells.filter((cell: { kind: string }) => CLASSIFICATION_CELLS.includes(cell.kind));
  const notebookPath = join(tmpdir(), 'classification-quality-notebook.json');
  const rocAuc: number[] = [];
  const averagePrecision: number[] = [];
  const seconds: number[] = [];
  let backend: string | null = null;
  for (const seed of SEEDS) {
    for (const cell of template.cells) {
      if (cell.kind === 'encode') cell.params = { ...cell.params, seed };
      if (cell.kind === 'classify') cell.params = { ...cell.params, seed, model };
    }
    writeFileSync(notebookPath, JSON.stringify(template));
    const run = await runNotebook({ notebookPath, dataPath: SHOPPERS_DATA, target: TARGET, exclude: [], json: true });
    const record = run.records.find((entry) => entry.kind === 'classify')!;
    const summary = record.summary!;
    if (summary.test_rows !== testRows[seed].length) throw new Error(`seed ${seed}: the notebook held out ${summary.test_rows} rows, the reference ${testRows[seed].length}`);
    if (model === 'mlp') backend = run.backend;
    rocAuc.push(summary.roc_auc as number);
    averagePrecision.push(summary.average_precision as number);
    seconds.push(record.ms / 1000);
  }
  return { backend, rocAuc, averagePrecision, seconds };
}

type ReferenceScores = { roc_auc: number[]; average_precision: number[]; fit_seconds: number[] };

function referenceScores(testRows: Record<number, number[]>) {
  const splitsPath = join(tmpdir(), 'classification-quality-splits.json');
  writeFileSync(splitsPath, JSON.stringify(testRows));
  try {
    const output = execFileSync(REFERENCE_PYTHON, ['tests/bench/sklearn_classification.py', SHOPPERS_DATA, splitsPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output) as Record<'logistic' | 'mlp' | 'gradient_boosting', ReferenceScores> & { version: string };
  } catch (error) {
    console.error(`scikit-learn reference not run (${(error as Error).message.split('\n')[0]}); install Debian's python3-sklearn`);
    return null;
  }
}

const line = (name: string, values: number[]) => `${name.padEnd(28)} ROC AUC ${stats(values).mean.toFixed(4)} ± ${stats(values).sd.toFixed(4)}  [${values.map((value) => value.toFixed(4)).join(', ')}]`;

const testRows = await testRowsBySeed(TARGET);
const reference = referenceScores(testRows);
const results: Record<string, unknown> = { date: new Date().toISOString(), data: SHOPPERS_DATA, target: TARGET, seeds: SEEDS, scikitLearn: reference?.version ?? null };
for (const model of MODELS) {
  const ours = await workbenchScores(model, testRows);
  const theirs = reference?.[model];
  results[model] = {
    workbench: { ...ours, rocAucMean: stats(ours.rocAuc).mean, rocAucSd: stats(ours.rocAuc).sd, averagePrecisionMean: stats(ours.averagePrecision).mean },
    scikitLearn: theirs ? { rocAuc: theirs.roc_auc, averagePrecision: theirs.average_precision, fitSeconds: theirs.fit_seconds, rocAucMean: stats(theirs.roc_auc).mean, rocAucSd: stats(theirs.roc_auc).sd, averagePrecisionMean: stats(theirs.average_precision).mean } : null,
  };
  console.log(`${model}:`);
  console.log(`  ${line('workbench', ours.rocAuc)}  (${ours.backend ?? 'plain JS'})`);
  if (theirs) console.log(`  ${line('scikit-learn', theirs.roc_auc)}`);
}
if (reference) {
  const boosting = reference.gradient_boosting;
  results.gradient_boosting = { scikitLearn: { rocAuc: boosting.roc_auc, averagePrecision: boosting.average_precision, fitSeconds: boosting.fit_seconds, rocAucMean: stats(boosting.roc_auc).mean, rocAucSd: stats(boosting.roc_auc).sd } };
  console.log(`gradient boosting:\n  ${line('scikit-learn (reference)', boosting.roc_auc)}`);
}
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/classification-quality.json', `${JSON.stringify(results, null, 2)}\n`);
