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
import { mkdirSync, writeFileSync } from 'node:fs';
import { runNotebook } from '../../src/cli/run-notebook';
import { SHOPPERS_DATA, scikitLearnScores, splitProtocols, stats, templateNotebook, type SplitProtocol } from './shoppers-splits';

const TARGET = 'Revenue';
const MODELS = ['logistic', 'mlp'] as const;
/** The template up to Encode, then its Classify cell: the regression and scoring cells play no part here. */
const CLASSIFICATION_CELLS = ['load', 'clean', 'eda', 'encode', 'classify'];

async function workbenchScores(protocol: SplitProtocol, model: (typeof MODELS)[number]) {
  const rocAuc: number[] = [];
  const averagePrecision: number[] = [];
  const seconds: number[] = [];
  let backend: string | null = null;
  for (const [seedText, testRows] of Object.entries(protocol.testRows)) {
    const seed = Number(seedText);
    const notebookPath = templateNotebook(CLASSIFICATION_CELLS, { encode: { ...protocol.encodeParams, seed }, classify: { seed, model } }, 'classification-quality-notebook.json');
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

const line = (name: string, values: number[]) => `${name.padEnd(28)} ROC AUC ${stats(values).mean.toFixed(4)} ± ${stats(values).sd.toFixed(4)}  [${values.map((value) => value.toFixed(4)).join(', ')}]`;

/** One protocol's figures, in the shape the results file keeps for each. */
async function protocolResults(protocol: SplitProtocol): Promise<Record<string, unknown>> {
  const reference = scikitLearnScores<Record<'logistic' | 'mlp' | 'gradient_boosting', ReferenceScores> & { version: string }>('tests/bench/sklearn_classification.py', protocol);
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

const [randomSplits, referenceProtocol] = await splitProtocols(TARGET);
const results = { date: new Date().toISOString(), data: SHOPPERS_DATA, target: TARGET, ...(await protocolResults(randomSplits)), referenceSplit: await protocolResults(referenceProtocol) };
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/classification-quality.json', `${JSON.stringify(results, null, 2)}\n`);
