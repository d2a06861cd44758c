/**
 * Explore-cell speed on the wide generated sessions: 200,000 rows × 52 columns, read by the Load
 * cell, then the whole Explore cell and its two heavy parts (column profiles, correlation matrix)
 * timed separately, median of three runs each. Writes tests/bench/results/profile.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { edaCell } from '../../src/core/cells/eda';
import { loadCell } from '../../src/core/cells/load';
import type { RunContext, TableArtifact } from '../../src/core/cells/types';
import type { CellValue } from '../../src/core/data/infer-type';
import { profileTable } from '../../src/core/data/profile';
import { chooseMatrixColumns, correlationMatrix } from '../../src/core/data/profile/correlation-matrix';
import { wideSessionsCsvChunks } from '../../src/core/sample/wide-sessions';

const ROWS = 200_000;
const SEED = 7;
const RUNS = 3;
const RESULT = 'tests/bench/results/profile.json';

const context: RunContext = {
  signal: new AbortController().signal,
  progress: () => {},
  yieldToHost: async () => {},
  ml: () => Promise.reject(new Error('the Explore cell does not train')),
  memoryBudgetBytes: Number.POSITIVE_INFINITY,
  keptModel: () => Promise.reject(new Error('the Explore cell scores nothing')),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return Math.round(median(times));
}

const bytes = Buffer.from([...wideSessionsCsvChunks(ROWS, SEED)].join(''));
const loaded = await loadCell.run({ dataset: { name: 'wide-sessions.csv', bytes } }, { ...loadCell.defaults(), target: 'totals.transactionRevenue' }, context);
const data = loaded.artifact as TableArtifact;
console.log(`${data.table.numRows().toLocaleString('en-US')} rows × ${data.columns.length} columns, ${(bytes.length / 2 ** 20).toFixed(1)} MB of CSV`);

const profileMs = await timed(() => profileTable(data.table, data.columns));
const profiles = profileTable(data.table, data.columns);
const chosen = chooseMatrixColumns(profiles, 20);
const matrixMs = await timed(() => correlationMatrix(chosen.columns.map((name) => ({ name, values: data.table.array(name) as ArrayLike<CellValue> }))));
let viewBytes = 0;
const cellMs = await timed(async () => {
  viewBytes = JSON.stringify((await edaCell.run({ table: data }, edaCell.defaults(), context)).view).length;
});

const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
  rows: data.table.numRows(),
  columns: data.columns.length,
  csvMegabytes: Number((bytes.length / 2 ** 20).toFixed(1)),
  runs: RUNS,
  medianMs: { profiles: profileMs, correlationMatrix: matrixMs, exploreCell: cellMs },
  correlationMatrixColumns: chosen.columns.length,
  viewKilobytes: Number((viewBytes / 1024).toFixed(1)),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync(RESULT, `${JSON.stringify(result, null, 2)}\n`);
