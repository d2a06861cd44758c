/**
 * Ingest throughput, peak tab memory and main-thread long tasks for the wide sessions CSV (52
 * columns) at 100k and 1M rows, each parser in a fresh headless Chromium: the workbench's reader,
 * arquero's loadCSV, papaparse and udsv in a worker, and DuckDB-WASM's read_csv to Arrow.
 * Writes tests/bench/results/ingest.json and prints a markdown table.
 * INGEST_ROWS=100000 (comma-separated) limits the sizes; INGEST_PARSERS=duckdb,udsv the parsers.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../../e2e/harness/chromium';
import { serveStaticSite } from '../../e2e/harness/static-server';
import { repoRoot } from '../../e2e/harness/paths';
import { wideSessionsFile } from './bench-file';
import { PARSERS, type IngestRun, type ParserName } from './page/protocol';
import { samplePeak, rendererBytes } from './renderer-memory';

const SEED = 20240501;
const ROW_COUNTS = (process.env.INGEST_ROWS ?? '100000,1000000').split(',').map(Number);
const CHOSEN_PARSERS = (process.env.INGEST_PARSERS?.split(',') ?? PARSERS) as ParserName[];
/** A parser still going after this long is recorded as timed out, so the bench always ends. */
const RUN_LIMIT_MS = Number(process.env.INGEST_LIMIT_S ?? 240) * 1000;
const MEMORY_SAMPLE_MS = 100;
const MB = 1e6;

const tmpDir = resolve(repoRoot, 'tests/bench/tmp');
const siteDir = resolve(tmpDir, 'ingest-site');
const resultsPath = resolve(repoRoot, 'tests/bench/results/ingest.json');

type Outcome = (IngestRun & { ok: true; mbPerSecond: number }) | { ok: false; parser: ParserName; error: string };
interface Measured {
  rows: number;
  fileBytes: number;
  outcome: Outcome;
  /** Renderer RSS with the page loaded and idle, before the load starts. */
  idleBytes: number;
  peakBytes: number;
}

async function buildPage(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve(repoRoot, 'tests/bench/ingest/page'),
    base: './',
    worker: { format: 'es' },
    build: { outDir: siteDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1 << 16 },
  });
}

/** The browser's own process id, asked of Chromium itself: other Chromiums may be running beside it. */
async function browserProcessId(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  const main = processInfo.find((process) => process.type === 'browser');
  if (!main) throw new Error('Chromium did not report its browser process');
  return main.id;
}

async function measure(siteUrl: string, filePath: string, rows: number, parser: ParserName): Promise<Measured> {
  const browser = await launchChromium();
  try {
    const browserPid = await browserProcessId(browser);
    const page = await browser.newPage();
    const crashed = new Promise<never>((_, reject) => page.on('crash', () => reject(new Error('the tab crashed'))));
    await page.goto(`${siteUrl}index.html`);
    await page.setInputFiles('#file', filePath);
    await page.waitForFunction(() => typeof window.ingest === 'function');
    const idleBytes = rendererBytes(browserPid);
    const sampler = samplePeak(browserPid, MEMORY_SAMPLE_MS);
    const fileBytes = statSync(filePath).size;
    let outcome: Outcome;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still running after ${RUN_LIMIT_MS / 1000} s`)), RUN_LIMIT_MS)));
      const run = await Promise.race([page.evaluate((name) => window.ingest(name), parser), crashed, timeout]);
      if (run.parsed.rows !== rows) throw new Error(`read ${run.parsed.rows} rows, expected ${rows}`);
      outcome = { ok: true, ...run, mbPerSecond: fileBytes / MB / run.seconds };
    } catch (error) {
      outcome = { ok: false, parser, error: (error as Error).message.split('\n')[0] };
    } finally {
      clearTimeout(timer);
    }
    return { rows, fileBytes, outcome, idleBytes, peakBytes: sampler.stop() };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

function markdownRow({ rows, fileBytes, outcome, idleBytes, peakBytes }: Measured): string {
  const size = `${rows.toLocaleString('en')} (${(fileBytes / MB).toFixed(0)} MB)`;
  const memory = `${((peakBytes - idleBytes) / MB).toFixed(0)} MB (peak ${(peakBytes / MB).toFixed(0)})`;
  if (!outcome.ok) return `| ${size} | ${outcome.parser} | failed: ${outcome.error} | | ${memory} | |`;
  const parse = outcome.parseSeconds === null ? '' : ` (parse ${(fileBytes / MB / outcome.parseSeconds).toFixed(0)} MB/s)`;
  const tasks = `${outcome.longTasks.count}, longest ${outcome.longTasks.longestMs.toFixed(0)} ms`;
  return `| ${size} | ${outcome.parser} | ${outcome.mbPerSecond.toFixed(1)} MB/s${parse} | ${outcome.seconds.toFixed(2)} s | ${memory} | ${tasks} |`;
}

mkdirSync(tmpDir, { recursive: true });
const files = new Map<number, string>();
for (const rows of ROW_COUNTS) {
  console.log(`writing the ${rows.toLocaleString('en')}-row file...`);
  files.set(rows, await wideSessionsFile(tmpDir, rows, SEED));
}
console.log('building the bench page...');
await buildPage();
// A bench page, not the site: the site's policies are written for the site's own files.
const site = await serveStaticSite(siteDir, { siteHeaders: false });
const measured: Measured[] = [];
try {
  for (const rows of ROW_COUNTS) {
    let checksum: number | null = null;
    for (const parser of CHOSEN_PARSERS) {
      const result = await measure(site.url, files.get(rows)!, rows, parser);
      // Every parser must have read the same numbers, or its speed means nothing.
      if (result.outcome.ok) {
        checksum ??= result.outcome.parsed.checksum;
        if (result.outcome.parsed.checksum !== checksum) result.outcome = { ok: false, parser, error: `checksum ${result.outcome.parsed.checksum} differs from ${checksum}` };
      }
      console.log(markdownRow(result));
      measured.push(result);
    }
  }
} finally {
  await site.close();
}

mkdirSync(resolve(resultsPath, '..'), { recursive: true });
writeFileSync(
  resultsPath,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: 'headless Chromium (Debian), 2 CPU cores, no GPU',
      file: `wide sessions CSV, 52 columns, seed ${SEED}`,
      throughput: 'file bytes / seconds from the start of the load until the columns are usable in JS (DuckDB: after instantiation, through the fetch to an Arrow table on the main thread)',
      memory: `renderer processes' VmRSS from /proc, sampled every ${MEMORY_SAMPLE_MS} ms; idle = page loaded before the load`,
      longTasks: 'PerformanceObserver longtask entries (over 50 ms) on the main thread that started during the load',
      runs: measured,
    },
    null,
    2,
  ) + '\n',
);
console.log('\n| rows | parser | throughput | time | tab memory added | main-thread long tasks |\n|---|---|---|---|---|---|');
for (const result of measured) console.log(markdownRow(result));
console.log(`\nwritten ${resultsPath}`);
