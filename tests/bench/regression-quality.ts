/**
 * Real-data regression quality, side by side with scikit-learn on the same held-out rows:
 * PageValues from the shoppers sessions, with and without Revenue, five seeds each.
 * Writes tests/bench/results/regression-quality.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNotebook } from '../../src/cli/run-notebook';
import { readDataset } from '../../src/core/data/read-dataset';
import { encodeCell } from '../../src/core/cells/encode';
import { splitRows } from '../../src/core/encode/split';

const DATA = '../shared/data/online_shoppers_intention.csv';
const TEMPLATE = 'notebooks/purchase-value.json';
const SEEDS = [1, 2, 3, 4, 5];
const SETTINGS = { without_revenue: ['Revenue'], with_revenue: [] as string[] };
const REFERENCE_PYTHON = process.env.REFERENCE_PYTHON ?? '/usr/bin/python3';

const stats = (values: number[]) => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd };
};

/** The test rows Encode holds out for a seed: the same split function on the same target. */
async function testRowsBySeed(): Promise<Record<number, number[]>> {
  const { table } = await readDataset({ name: 'shoppers.csv', bytes: readFileSync(DATA) });
  const target = Array.from(table.array('PageValues') as ArrayLike<number | null>, (value) => {
    if (value === null) throw new Error('the bench assumes every row has a PageValues');
    return value;
  });
  const defaults = encodeCell.defaults();
  return Object.fromEntries(
    SEEDS.map((seed) => [seed, Array.from(splitRows(target, { testFraction: defaults.testFraction, validationFraction: defaults.validationFraction, strategy: defaults.split, seed }).test)]),
  );
}

async function workbenchScores(exclude: string[]) {
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
  const notebookPath = join(tmpdir(), 'regression-quality-notebook.json');
  const r2: number[] = [];
  const trainSeconds: number[] = [];
  let backend: string | null = null;
  for (const seed of SEEDS) {
    for (const cell of template.cells) if (cell.kind === 'encode' || cell.kind === 'train-mlp') cell.params = { ...cell.params, seed };
    writeFileSync(notebookPath, JSON.stringify(template));
    const run = await runNotebook({ notebookPath, dataPath: DATA, target: 'PageValues', exclude, json: true });
    backend = run.backend;
    r2.push(run.records.find((record) => record.kind === 'evaluate')!.summary!.r2 as number);
    trainSeconds.push(run.records.find((record) => record.kind === 'train-mlp')!.summary!.seconds as number);
  }
  return { backend, r2, trainSeconds };
}

function referenceScores(testRows: Record<number, number[]>) {
  const splitsPath = join(tmpdir(), 'regression-quality-splits.json');
  writeFileSync(splitsPath, JSON.stringify(testRows));
  try {
    const output = execFileSync(REFERENCE_PYTHON, ['tests/bench/sklearn_reference.py', DATA, splitsPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output) as Record<string, { r2: number[]; fit_seconds: number[] }> & { version: string };
  } catch (error) {
    console.error(`scikit-learn reference not run (${(error as Error).message.split('\n')[0]}); install Debian's python3-sklearn`);
    return null;
  }
}

const testRows = await testRowsBySeed();
const reference = referenceScores(testRows);
const results: Record<string, unknown> = { date: new Date().toISOString(), data: DATA, seeds: SEEDS, scikitLearn: reference?.version ?? null };
for (const [setting, exclude] of Object.entries(SETTINGS)) {
  const ours = await workbenchScores(exclude);
  const theirs = reference?.[setting];
  results[setting] = {
    workbench: { ...ours, ...stats(ours.r2) },
    scikitLearn: theirs ? { r2: theirs.r2, fitSeconds: theirs.fit_seconds, ...stats(theirs.r2) } : null,
  };
  const line = (name: string, r2: number[]) => `${name} ${stats(r2).mean.toFixed(3)} ± ${stats(r2).sd.toFixed(3)}  [${r2.map((value) => value.toFixed(3)).join(', ')}]`;
  console.log(`${setting}:`);
  console.log(`  ${line('workbench   ', ours.r2)}  (${ours.backend})`);
  if (theirs) console.log(`  ${line('scikit-learn', theirs.r2)}`);
}
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/regression-quality.json', `${JSON.stringify(results, null, 2)}\n`);
