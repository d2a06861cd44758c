/**
 * Real-data regression quality, side by side with scikit-learn on the same held-out rows:
 * PageValues from the shoppers sessions, with and without Revenue, under two protocols:
 * - random splits: the Encode cell's stratified split for five seeds, the models seeded alike;
 * - the reference split: the one split the scikit-learn figures come from
 *   (train_test_split, random_state 42), carried into Encode by a split column, with five model
 *   seeds.
 * The workbench runs the template's regression cells as they ship (its Encode cell log-transforms
 * skewed columns): the MLP and the hurdle model; Evaluate's ridge baseline comes with each run. The MLP and the hurdle model run again
 * without the log transforms. scikit-learn fits its MLP, hurdle models (MLP and gradient-boosting
 * parts), ridge and gradient boosting on standard-scaled inputs, and its MLP and MLP hurdle again
 * with log1p on the columns the workbench transformed.
 * Writes tests/bench/results/regression-quality.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runNotebook } from '../../src/cli/run-notebook';
import type { EncodeView } from '../../src/core/cells/encode';
import type { SkewSuggestion } from '../../src/core/encode/skew';
import { SHOPPERS_DATA, scikitLearnScores, splitProtocols, stats, templateNotebook, type SplitProtocol } from './shoppers-splits';

const TARGET = 'PageValues';
const SETTINGS = { without_revenue: ['Revenue'], with_revenue: [] as string[] };
/** Cells up to Evaluate: the template's later cells answer other questions. */
const REGRESSION_CELLS = ['load', 'clean', 'eda', 'encode', 'train-mlp', 'evaluate'];

interface Variant {
  name: string;
  description: string;
  encode: Record<string, unknown>;
  train: Record<string, unknown>;
}

const untransformed = { logSkewed: false };

const VARIANTS: Variant[] = [
  { name: 'mlp', description: 'the template as it ships: skewed columns log-transformed, Train MLP', encode: {}, train: { model: 'mlp' } },
  { name: 'hurdle', description: 'the template with the hurdle model', encode: {}, train: { model: 'hurdle' } },
  { name: 'mlp_untransformed', description: 'the MLP without the log transforms', encode: untransformed, train: { model: 'mlp' } },
  { name: 'hurdle_untransformed', description: 'the hurdle model without the log transforms', encode: untransformed, train: { model: 'hurdle' } },
];

interface WorkbenchRuns {
  backend: string | null;
  r2: number[];
  /** Evaluate's ridge baseline on the same split. */
  ridgeR2: number[];
  trainSeconds: number[];
  /** The columns Encode log-transformed for their skew, in each run. */
  logTransformed: Pick<SkewSuggestion, 'column' | 'transform'>[][];
  /** Hurdle models only: ROC AUC of P(target > 0) and R² of the amount on positive test rows. */
  classifierAuc: number[];
  amountR2: number[];
}

async function workbenchScores(protocol: SplitProtocol, exclude: string[], variant: Variant): Promise<WorkbenchRuns> {
  const runs: WorkbenchRuns = { backend: null, r2: [], ridgeR2: [], trainSeconds: [], logTransformed: [], classifierAuc: [], amountR2: [] };
  for (const [seedText, testRows] of Object.entries(protocol.testRows)) {
    const seed = Number(seedText);
    const notebookPath = templateNotebook(REGRESSION_CELLS, { encode: { ...protocol.encodeParams, ...variant.encode, seed }, 'train-mlp': { ...variant.train, seed } }, 'regression-quality-notebook.json');
    const run = await runNotebook({ notebookPath, dataPath: protocol.dataPath, target: TARGET, exclude, json: true });
    const encodeRecord = run.records.find((record) => record.kind === 'encode')!;
    const encoded = encodeRecord.summary!;
    if (encoded.test_rows !== testRows.length) throw new Error(`${protocol.name} seed ${seed}: the notebook held out ${encoded.test_rows} rows, scikit-learn ${testRows.length}`);
    const evaluation = run.records.find((record) => record.kind === 'evaluate')!.summary!;
    runs.backend = run.backend;
    runs.r2.push(evaluation.r2 as number);
    runs.ridgeR2.push(evaluation.ridge_r2 as number);
    runs.trainSeconds.push(run.records.find((record) => record.kind === 'train-mlp')!.summary!.seconds as number);
    runs.logTransformed.push((encodeRecord.view as EncodeView).logged.map(({ column, transform }) => ({ column, transform })));
    if (evaluation.classifier_auc !== undefined) {
      runs.classifierAuc.push(evaluation.classifier_auc as number);
      runs.amountR2.push(evaluation.amount_r2 as number);
    }
  }
  return runs;
}

type ReferenceRuns = Record<string, Record<string, { r2: number[]; fit_seconds: number[] }>> & { version: string };

const summary = (values: number[]) => `${stats(values).mean.toFixed(3)} ± ${stats(values).sd.toFixed(3)}  [${values.map((value) => value.toFixed(3)).join(', ')}]`;

/** The columns the template's Encode cell log-transformed in a run, for scikit-learn's log1p inputs. */
function log1pColumnsOf(runs: WorkbenchRuns): string[] {
  const transformed = runs.logTransformed[0];
  const signed = transformed.filter((item) => item.transform !== 'log1p');
  if (signed.length > 0) throw new Error(`scikit-learn's runs take log1p only, but Encode used signed-log on ${signed.map((item) => item.column).join(', ')}`);
  return transformed.map((item) => item.column);
}

const results: Record<string, unknown> = { date: new Date().toISOString(), data: SHOPPERS_DATA, target: TARGET, variants: Object.fromEntries(VARIANTS.map((variant) => [variant.name, variant.description])) };
for (const protocol of await splitProtocols(TARGET)) {
  const byProtocol: Record<string, unknown> = { description: protocol.description, seeds: Object.keys(protocol.testRows).map(Number) };
  for (const [setting, exclude] of Object.entries(SETTINGS)) {
    console.log(`${protocol.name}, ${setting} (R² on the same test rows, mean ± sd over ${Object.keys(protocol.testRows).length} seeds):`);
    const workbench: Record<string, unknown> = {};
    let log1pColumns: string[] = [];
    for (const variant of VARIANTS) {
      const runs = await workbenchScores(protocol, exclude, variant);
      if (variant.name === 'mlp') log1pColumns = log1pColumnsOf(runs);
      const parts = runs.classifierAuc.length > 0 ? { classifierAucMean: stats(runs.classifierAuc).mean, amountR2Mean: stats(runs.amountR2).mean } : {};
      workbench[variant.name] = { ...runs, ...stats(runs.r2), ...parts };
      const partsNote = runs.classifierAuc.length > 0 ? `  classifier AUC ${stats(runs.classifierAuc).mean.toFixed(3)}, amount R² ${stats(runs.amountR2).mean.toFixed(3)}` : '';
      console.log(`  workbench ${variant.name.padEnd(20)} ${summary(runs.r2)}${partsNote}`);
      if (variant.name === 'mlp') {
        workbench.ridge = { r2: runs.ridgeR2, ...stats(runs.ridgeR2) };
        console.log(`  workbench ${'ridge'.padEnd(20)} ${summary(runs.ridgeR2)}`);
      }
    }
    const reference = scikitLearnScores<ReferenceRuns>('tests/bench/sklearn_reference.py', protocol, [JSON.stringify(log1pColumns)]);
    const theirs = reference?.[setting] ?? null;
    results.scikitLearn ??= reference?.version ?? null;
    for (const [name, runs] of Object.entries(theirs ?? {})) console.log(`  scikit-learn ${name.padEnd(24)} ${summary(runs.r2)}`);
    byProtocol[setting] = {
      workbench,
      scikitLearn: theirs && Object.fromEntries(Object.entries(theirs).map(([name, runs]) => [name, { r2: runs.r2, fitSeconds: runs.fit_seconds, ...stats(runs.r2) }])),
    };
  }
  results[protocol.name] = byProtocol;
}
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/regression-quality.json', `${JSON.stringify(results, null, 2)}\n`);
