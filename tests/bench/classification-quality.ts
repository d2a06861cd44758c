/**
 * Real-data classification quality, side by side with scikit-learn on the same held-out rows:
 * Revenue from the shoppers sessions (PageValues kept as a feature), logistic regression and the
 * MLP classifier in the workbench; logistic regression, an MLP and gradient boosting in
 * scikit-learn. Two protocols:
 * - random splits: the Encode cell's stratified split for five seeds, the models seeded alike;
 * - the reference split: the one split the issue's reference figures come from (train_test_split,
 *   random_state 42), carried into Encode by a split column, with five model seeds.
 * Writes tests/bench/results/classification-quality.json: the random splits' figures at the top
 * level, the reference split's under `referenceSplit`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNotebook } from '../../src/cli/run-notebook';
import { REFERENCE_MODEL_SEEDS, REFERENCE_PYTHON, SEEDS, SHOPPERS_DATA, SPLIT_COLUMN, referenceSplit, stats, testRowsBySeed } from './shoppers-splits';

const TEMPLATE = 'notebooks/purchase-value.json';
const TARGET = 'Revenue';
const MODELS = ['logistic', 'mlp'] as const;
/** The template up to Encode, then its Classify cell: the regression and scoring cells play no part here. */
const CLASSIFICATION_CELLS = ['load', 'clean', 'eda', 'encode', 'classify'];

interface Protocol {
  name: 'randomSplits' | 'referenceSplit';
  description: string;
  /** The file the workbench reads; scikit-learn always reads the original shoppers file. */
  dataPath: string;
  /** Each run's seed (Encode's and Classify's) with the rows it must hold out. */
  testRows: Record<number, number[]>;
  encodeParams: Record<string, unknown>;
}

function classificationNotebook(encode: Record<string, unknown>, classify: Record<string, unknown>): string {
  const notebook = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
  notebook.cells = notebook.cells.filter((cell: { kind: string }) => CLASSIFICATION_CELLS.includes(cell.kind));
  for (const cell of notebook.cells) {
    if (cell.kind === 'encode') cell.params = { ...cell.params, ...encode };
    if (cell.kind === 'classify') cell.params = { ...cell.params, ...classify };
  }
  const path = join(tmpdir(), 'classification-quality-notebook.json');
  writeFileSync(path, JSON.stringify(notebook));
  return path;
}

async function workbenchScores(protocol: Protocol, model: (typeof MODELS)[number]) {
  const rocAuc: number[] = [];
  const averagePrecision: number[] = [];
  const seconds: number[] = [];
  let backend: string | null = null;
  for (const [seedText, testRows] of Object.entries(protocol.testRows)) {
    const seed = Number(seedText);
    const notebookPath = classificationNotebook({ ...protocol.encodeParams, seed }, { seed, model });
    const run = await runNotebook({ notebookPath, dataPath: protocol.dataPath, target: TARGET, exclude: [], json: true });
    const record = run.records.find((entry) => entry.kind === 'classify')!;
    const summary = record.summary!;
    if (summary.test_rows !== testRows.length) throw new Error(`${protocol.name} seed ${seed}: the notebook held out ${summary.test_rows} rows, the reference ${testRows.length}`);
    if (model === 'mlp') backend = run.backend;
    rocAuc.push(summary.roc_auc as number);
    averagePrecision.push(summary.average_precision as number);
    seconds.push(record.ms / 1000);
  }
  return { backend, rocAuc, averagePrecision, seconds };
}

type ReferenceScores = { roc_auc: number[]; average_precision: number[]; fit_seconds: number[] };

/** The script takes each key of the splits file as its models' random_state. */
function referenceScores(protocol: Protocol) {
  const splitsPath = join(tmpdir(), 'classification-quality-splits.json');
  writeFileSync(splitsPath, JSON.stringify(protocol.testRows));
  try {
    const output = execFileSync(REFERENCE_PYTHON, ['tests/bench/sklearn_classification.py', SHOPPERS_DATA, splitsPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output) as Record<'logistic' | 'mlp' | 'gradient_boosting', ReferenceScores> & { version: string };
  } catch (error) {
    console.error(`scikit-learn reference not run (${(error as Error).message.split('\n')[0]}); install Debian's python3-sklearn`);
    return null;
  }
}

const line = (name: string, values: number[]) => `${name.padEnd(28)} ROC AUC ${stats(values).mean.toFixed(4)} ± ${stats(values).sd.toFixed(4)}  [${values.map((value) => value.toFixed(4)).join(', ')}]`;

/** One protocol's figures, in the shape the results file keeps for each. */
async function protocolResults(protocol: Protocol): Promise<Record<string, unknown>> {
  const reference = referenceScores(protocol);
  const results: Record<string, unknown> = { protocol: protocol.description, seeds: Object.keys(protocol.testRows).map(Number), scikitLearn: reference?.version ?? null };
  console.log(`${protocol.name}: ${protocol.description}`);
  for (const model of MODELS) {
    const ours = await workbenchScores(protocol, model);
    const theirs = reference?.[model];
    results[model] = {
      workbench: { ...ours, rocAucMean: stats(ours.rocAuc).mean, rocAucSd: stats(ours.rocAuc).sd, averagePrecisionMean: stats(ours.averagePrecision).mean },
      scikitLearn: theirs ? { rocAuc: theirs.roc_auc, averagePrecision: theirs.average_precision, fitSeconds: theirs.fit_seconds, rocAucMean: stats(theirs.roc_auc).mean, rocAucSd: stats(theirs.roc_auc).sd, averagePrecisionMean: stats(theirs.average_precision).mean } : null,
    };
    console.log(`  ${model}:`);
    console.log(`    ${line('workbench', ours.rocAuc)}  (${ours.backend ?? 'plain JS'})`);
    if (theirs) console.log(`    ${line('scikit-learn', theirs.roc_auc)}`);
  }
  if (reference) {
    const boosting = reference.gradient_boosting;
    results.gradient_boosting = { scikitLearn: { rocAuc: boosting.roc_auc, averagePrecision: boosting.average_precision, fitSeconds: boosting.fit_seconds, rocAucMean: stats(boosting.roc_auc).mean, rocAucSd: stats(boosting.roc_auc).sd } };
    console.log(`  gradient boosting:\n    ${line('scikit-learn (reference)', boosting.roc_auc)}`);
  }
  return results;
}

const reference = referenceSplit(TARGET);
const randomSplits: Protocol = {
  name: 'randomSplits',
  description: `the Encode cell's stratified split (80/20, validation 10% of the rest) for seeds ${SEEDS.join(', ')}; each run's models use the same seed`,
  dataPath: SHOPPERS_DATA,
  testRows: await testRowsBySeed(TARGET),
  encodeParams: {},
};
const referenceProtocol: Protocol = {
  name: 'referenceSplit',
  description: `scikit-learn's train_test_split(test_size=0.2, stratify=${TARGET} > 0, random_state=42), as the issue's figures; the workbench draws its validation rows (10%) from the training part; model seeds ${REFERENCE_MODEL_SEEDS.join(', ')}`,
  dataPath: reference.dataPath,
  testRows: Object.fromEntries(REFERENCE_MODEL_SEEDS.map((seed) => [seed, reference.testRows])),
  encodeParams: { split: 'column', splitColumn: SPLIT_COLUMN },
};
const results = { date: new Date().toISOString(), data: SHOPPERS_DATA, target: TARGET, ...(await protocolResults(randomSplits)), referenceSplit: await protocolResults(referenceProtocol) };
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/classification-quality.json', `${JSON.stringify(results, null, 2)}\n`);
