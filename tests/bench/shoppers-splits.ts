import { readFileSync } from 'node:fs';
import { encodeCell } from '../../src/core/cells/encode';
import { asNumber } from '../../src/core/data/numeric-values';
import { readDataset } from '../../src/core/data/read-dataset';
import { mean, standardDeviation } from '../../src/core/data/stats';
import { splitRows } from '../../src/core/encode/split';

export const SHOPPERS_DATA = '../shared/data/online_shoppers_intention.csv';
export const SEEDS = [1, 2, 3, 4, 5];
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
