/**
 * The Load cell's reader on the generated wide sessions CSV in Node, for quick before/after
 * comparisons of the parser (the browser bench, `ingest.ts`, gives the figures that count).
 * `npx tsx tests/bench/ingest/read-node.ts [rows] [repeats]`; run with `node --cpu-prof` to profile.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDataset } from '../../../src/core/data/read-dataset';
import { repoRoot } from '../../e2e/harness/paths';
import { wideSessionsFile } from './bench-file';

const SEED = 20240501;
const MB = 1e6;
const rows = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 1);

const path = await wideSessionsFile(resolve(repoRoot, 'tests/bench/tmp'), rows, SEED);
const bytes = new Uint8Array(readFileSync(path));
for (let repeat = 0; repeat < repeats; repeat++) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { table } = await readDataset({ name: 'sessions.csv', bytes });
  const seconds = (performance.now() - started) / 1000;
  // CPU time (this thread and V8's helper threads) is steadier than wall time on a shared machine.
  const cpu = process.cpuUsage(cpuBefore);
  const heap = process.memoryUsage();
  console.log(
    `${table.numRows()} rows × ${table.numCols()} columns: ${seconds.toFixed(2)} s, ${(bytes.length / MB / seconds).toFixed(1)} MB/s, ` +
      `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, ` +
      `heap ${(heap.heapUsed / MB).toFixed(0)} MB, array buffers ${(heap.arrayBuffers / MB).toFixed(0)} MB`,
  );
}
