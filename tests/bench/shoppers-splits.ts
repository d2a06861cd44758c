import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { encodeCell } from '../../src/core/cells/encode';
import { asNumber } from '../../src/core/data/numeric-values';
import { readDataset } from '../../src/core/data/read-dataset';
import { mean, standardDeviation } from '../../src/core/data/stats';
import { splitRows } from '../../src/core/encode/split';

export const SHOPPERS_DATA = '../shared/data/online_shoppers_intention.csv';
export const SEEDS = [1, 2, 3, 4, 5];
/**
 * The issue's reference figures come from one split, scikit-learn's train_test_split (20% held
 * out, stratified on target > 0, random_state 42), with the models' seeds varied: these seeds.
 */
export const REFERENCE_MODEL_SEEDS = [0, 1, 2, 3, 4];
/** The column that carries the reference split into the workbench's Encode cell. */
export const SPLIT_COLUMN = 'split';
/** Debian's Python, which has scikit-learn; the one on PATH may not. */
export const REFERENCE_PYTHON = process.env.REFERENCE_PYTHON ?? '/usr/bin/python3';

/** Mean and sample standard deviation over seeds, as the results files report them. */
export function stats(values: number[]): { mean: number; sd: number } {
  return { mean: mean(values) ?? NaN, sd: standardDeviation(values) ?? NaN };
}

/**
 * The test rows the template's Encode cell holds out of the shoppers file for each seed, with
 * `target` as its target: the same split function, so scikit-learn is scored on the same rows.
 */
export async function testRowsBySeed(target: string): Promise<Record<number, number[]>> {
  const { table } = await readDataset({ name: 'shoppers.csv', bytes: readFileSync(SHOPPERS_DATA) });
  const values = Array.from(table.array(target) as ArrayLike<unknown>, (value) => {
    const number = asNumber(value);
    if (number === null) throw new Error(`the bench assumes every row has a ${target}`);
    return number;
  });
  const defaults = encodeCell.defaults();
  return Object.fromEntries(
    SEEDS.map((seed) => [seed, Array.from(splitRows(values, { testFraction: defaults.testFraction, validationFraction: defaults.validationFraction, strategy: defaults.split, seed }).test)]),
  );
}

/**
 * The reference split for `target`: its test rows as scikit-learn draws them, and a copy of the
 * shoppers file with a column naming each row's part (`test` or `train`), so the workbench's
 * Encode cell keeps the same split.
 */
export function referenceSplit(target: string): { testRows: number[]; dataPath: string } {
  const output = execFileSync(REFERENCE_PYTHON, ['tests/bench/sklearn_split.py', SHOPPERS_DATA, target], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const testRows = JSON.parse(output) as number[];
  const text = readFileSync(SHOPPERS_DATA, 'utf8');
  // Without quoted fields, each line is one record.
  if (text.includes('"')) throw new Error(`the bench assumes ${SHOPPERS_DATA} has no quoted fields`);
  const lines = text.trimEnd().split(/\r?\n/);
  if (lines[0].split(',').includes(SPLIT_COLUMN)) throw new Error(`${SHOPPERS_DATA} already has a '${SPLIT_COLUMN}' column`);
  const test = new Set(testRows);
  const marked = lines.map((line, index) => `${line},${index === 0 ? SPLIT_COLUMN : test.has(index - 1) ? 'test' : 'train'}`);
  const dataPath = join(tmpdir(), `shoppers-${target}-reference-split.csv`);
  writeFileSync(dataPath, `${marked.join('\n')}\n`);
  return { testRows, dataPath };
}

/** How a bench holds rows out, for the workbench and for scikit-learn alike. */
export interface SplitProtocol {
  name: 'randomSplits' | 'referenceSplit';
  description: string;
  /** The file the workbench reads; scikit-learn always reads the original shoppers file. */
  dataPath: string;
  /** Each run's seed (Encode's and the model's) with the rows it must hold out. */
  testRows: Record<number, number[]>;
  encodeParams: Record<string, unknown>;
}

/**
 * The two protocols the quality benches report: the Encode cell's own stratified split for five
 * seeds, and the reference split with five model seeds.
 */
export async function splitProtocols(target: string): Promise<[SplitProtocol, SplitProtocol]> {
  const reference = referenceSplit(target);
  return [
    {
      name: 'randomSplits',
      description: `the Encode cell's stratified split (80/20, validation 10% of the rest) for seeds ${SEEDS.join(', ')}; each run's models use the same seed`,
      dataPath: SHOPPERS_DATA,
      testRows: await testRowsBySeed(target),
      encodeParams: {},
    },
    {
      name: 'referenceSplit',
      description: `scikit-learn's train_test_split(test_size=0.2, stratify=${target} > 0, random_state=42), as the issue's figures; the workbench draws its validation rows (10%) from the training part; model seeds ${REFERENCE_MODEL_SEEDS.join(', ')}`,
      dataPath: reference.dataPath,
      testRows: Object.fromEntries(REFERENCE_MODEL_SEEDS.map((seed) => [seed, reference.testRows])),
      encodeParams: { split: 'column', splitColumn: SPLIT_COLUMN },
    },
  ];
}

/**
 * The shipped template cut to the cells of `kinds`, each kind's `params` laid over its saved
 * ones, written to a temporary file named `name`; returns the file's path.
 */
export function templateNotebook(kinds: readonly string[], params: Record<string, Record<string, unknown>>, name: string): string {
  const notebook = JSON.parse(readFileSync('notebooks/purchase-value.json', 'utf8'));
  notebook.cells = notebook.cells
    .filter((cell: { kind: string }) => kinds.includes(cell.kind))
    .map((cell: { kind: string; params: Record<string, unknown> }) => ({ ...cell, params: { ...cell.params, ...params[cell.kind] } }));
  const path = join(tmpdir(), name);
  writeFileSync(path, JSON.stringify(notebook));
  return path;
}

/**
 * Runs a scikit-learn script (DATA SPLITS [...]) on the protocol's held-out rows, the JSON keys
 * being the models' seeds, and parses the one JSON object it prints; null, saying why on stderr,
 * where it cannot run.
 */
export function scikitLearnScores<T>(script: string, protocol: SplitProtocol, extraArgs: string[] = []): T | null {
  const splitsPath = join(tmpdir(), `${basename(script, '.py')}-${protocol.name}-splits.json`);
  writeFileSync(splitsPath, JSON.stringify(protocol.testRows));
  try {
    return JSON.parse(execFileSync(REFERENCE_PYTHON, [script, SHOPPERS_DATA, splitsPath, ...extraArgs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as T;
  } catch (error) {
    console.error(`scikit-learn reference not run (${(error as Error).message.split('\n')[0]}); install Debian's python3-sklearn`);
    return null;
  }
}
