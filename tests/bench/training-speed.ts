/**
 * Samples per second of one training epoch of a 64 → 128 → 64 → 1 MLP (batch 512, Adam, 100k rows):
 * the workbench's trainer in Node (WASM) and in headless Chromium per backend, beside
 * scikit-learn's MLPRegressor on the same shape and batch, each also as a fraction of this CPU's
 * peak. CPU seconds are reported beside wall time: on a shared machine the wall clock counts the
 * time other processes held the cores. Writes tests/bench/results/training-speed.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../e2e/harness/chromium';
import { repoRoot } from '../e2e/harness/paths';
import { serveStaticSite } from '../e2e/harness/static-server';
import { FLOPS_PER_SAMPLE, PEAK_FLOPS, ROWS, type EpochSpeed } from './training-speed/epoch';

const EPOCHS = Number(process.env.SPEED_EPOCHS ?? 3);
const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;
const REFERENCE_PYTHON = process.env.REFERENCE_PYTHON ?? '/usr/bin/python3';
const siteDir = resolve(repoRoot, 'tests/bench/tmp/training-speed-site');
const TICKS_PER_SECOND = 100;

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const fractionOfPeak = (samplesPerSecond: number) => (samplesPerSecond * FLOPS_PER_SAMPLE) / PEAK_FLOPS;

/** User + system CPU seconds of a process and all its descendants (renderer, GPU process), from /proc. */
function treeCpuSeconds(rootPid: number): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name: state ppid ... utime (12th) stime (13th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
    ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
  }
  const inTree = (pid: number) => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at)) if (at === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, count] of ticks) if (inTree(pid)) total += count;
  return total / TICKS_PER_SECOND;
}

/** The browser's own process id, asked of Chromium itself: other Chromiums may be running beside it. */
async function browserProcessId(browser: Browser): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  return processInfo.find((process) => process.type === 'browser')?.id ?? null;
}

function nodeSpeed(): EpochSpeed {
  const output = execFileSync('node_modules/.bin/tsx', ['tests/bench/training-speed/node-epoch.ts', 'wasm', String(EPOCHS)], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

async function browserSpeed(siteUrl: string, backend: (typeof BACKENDS)[number]): Promise<(EpochSpeed & { ok: true }) | { ok: false; backend: string; error: string }> {
  // SwiftShader gives headless Chromium a software WebGL, as on a machine without a GPU.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}index.html`);
    await page.waitForFunction(() => typeof window.prepare === 'function');
    const started = await page.evaluate((name) => window.prepare(name), backend);
    if (started !== backend) throw new Error(`${backend} did not start (got ${started})`);
    const browserPid = await browserProcessId(browser);
    const cpuBefore = browserPid ? treeCpuSeconds(browserPid) : null;
    const speed = await page.evaluate((epochs) => window.measure(epochs), EPOCHS);
    // Every epoch of this call is warm (prepare trained one), so CPU time divides evenly.
    const cpuPerEpoch = browserPid && cpuBefore !== null ? (treeCpuSeconds(browserPid) - cpuBefore) / EPOCHS : null;
    return { ...speed, ok: true, epochCpuSeconds: cpuPerEpoch === null ? null : [cpuPerEpoch], samplesPerCpuSecond: cpuPerEpoch === null ? null : ROWS / cpuPerEpoch };
  } catch (error) {
    return { ok: false, backend, error: (error as Error).message.split('\n')[0] };
  } finally {
    await browser.close();
  }
}

function scikitLearnSpeed() {
  const output = execFileSync(REFERENCE_PYTHON, ['tests/bench/training-speed/sklearn_epoch.py'], { encoding: 'utf8' });
  const run = JSON.parse(output) as { version: string; epochSeconds: number[]; epochCpuSeconds: number[] };
  const samplesPerSecond = ROWS / mean(run.epochSeconds);
  return { ...run, samplesPerSecond, fractionOfPeak: fractionOfPeak(samplesPerSecond), samplesPerCpuSecond: ROWS / mean(run.epochCpuSeconds) };
}

await build({
  configFile: false,
  logLevel: 'warn',
  root: resolve(repoRoot, 'tests/bench/training-speed/page'),
  base: './',
  build: { outDir: siteDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1 << 16 },
});
// A bench page, not the site: it trains in the page itself, where the site's page policy would refuse to compile WebAssembly.
const site = await serveStaticSite(siteDir, { siteHeaders: false });
const browser: Record<string, unknown> = {};
try {
  for (const backend of BACKENDS) browser[backend] = await browserSpeed(site.url, backend);
} finally {
  await site.close();
}
const results = {
  date: new Date().toISOString(),
  shape: '64 → 128 → 64 → 1, ReLU, batch 512, Adam, MSE',
  rows: ROWS,
  flopsPerSample: FLOPS_PER_SAMPLE,
  peakFlops: PEAK_FLOPS,
  epochsTimed: EPOCHS - 1,
  node: nodeSpeed(),
  browser,
  scikitLearn: scikitLearnSpeed(),
};
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/training-speed.json', `${JSON.stringify(results, null, 2)}\n`);
const row = (name: string, speed: { samplesPerSecond: number; samplesPerCpuSecond: number | null } | { ok: false; error: string }) =>
  'error' in speed
    ? `${name.padEnd(22)} failed: ${speed.error}`
    : `${name.padEnd(22)} ${Math.round(speed.samplesPerSecond).toLocaleString().padStart(9)} samples/s (${(fractionOfPeak(speed.samplesPerSecond) * 100).toFixed(2)}% of peak)` +
      (speed.samplesPerCpuSecond ? `, ${Math.round(speed.samplesPerCpuSecond).toLocaleString()} per CPU-second` : '');
console.log(row('Node (wasm)', results.node));
for (const backend of BACKENDS) console.log(row(`Chromium (${backend})`, browser[backend] as EpochSpeed));
console.log(row('scikit-learn', results.scikitLearn));
