// `npm test`: installs what is missing, builds the site, runs the unit and the browser tests,
// and ends with one line `N passed, N failed` (also written to tests/reports/summary.txt).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = join(repoRoot, 'tests/reports');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const binary = (name) => join(repoRoot, 'node_modules/.bin', name);

/** Streams a command's output; resolves with its exit status (127 when it could not start). */
function runCommand(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * npm keeps a copy of what it installed in node_modules/.package-lock.json; the install is stale when a
 * package the lockfile requires is missing there or at another version. Optional packages for other
 * platforms are never installed, so their absence does not count.
 */
function installedPackagesDiffer() {
  const lock = readJson(join(repoRoot, 'package-lock.json'));
  const installed = readJson(join(repoRoot, 'node_modules/.package-lock.json'));
  if (!lock || !installed) return true;
  return Object.entries(lock.packages ?? {}).some(([path, locked]) => {
    if (path === '') return false;
    const present = installed.packages?.[path];
    return present ? present.version !== locked.version : !locked.optional;
  });
}

async function ensureDependencies() {
  if (!installedPackagesDiffer()) return 0;
  return runCommand('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Chromium for the browser tests, and Jupyter's validator and renderer for the exported notebook: one apt-get run for what is missing. */
async function ensureSystemPackages() {
  const missing = [
    ...(existsSync(chromiumPath) ? [] : ['chromium']),
    ...(existsSync('/usr/bin/jupyter-nbconvert') ? [] : ['jupyter-nbconvert', 'python3-nbformat']),
  ];
  if (missing.length === 0) return 0;
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const updated = await runCommand('apt-get', ['update'], env);
  return updated === 0 ? runCommand('apt-get', ['install', '-y', ...missing], env) : updated;
}

/** Counts from vitest's JSON report; a file that failed to load (no test inside it failed) counts as one failure. */
function countVitestReport(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

async function runVitest(name, configArgs) {
  const reportPath = join(reportsDir, `${name}.json`);
  const status = await runCommand(binary('vitest'), [
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
  ]);
  const report = readJson(reportPath);
  const counts = { tests: true, ...(report ? countVitestReport(report) : { passed: 0, failed: 0, skipped: 0 }) };
  // Errors outside any test (unhandled rejections, a broken config) fail the run without failing a test.
  if (status !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `vitest exited with status ${status}` };
  return counts;
}

function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function timed(name, action) {
  const started = Date.now();
  const outcome = await action();
  return { name, ms: Date.now() - started, ...outcome };
}

/** A setup step passes silently; a failed one counts as one failure. */
function stepOutcome(status, what) {
  return status === 0 ? { passed: 0, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0, note: `${what} failed (status ${status})` };
}

async function main() {
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const results = [];

  const install = await timed('install', async () => stepOutcome(await ensureDependencies(), 'npm ci'));
  results.push(install);
  if (install.failed === 0) {
    const tools = await timed('system tools', async () => stepOutcome(await ensureSystemPackages(), 'installing chromium and jupyter'));
    const build = await timed('build', async () => stepOutcome(await runCommand(binary('vite'), ['build']), 'vite build'));
    results.push(tools, build, await timed('unit tests', () => runVitest('unit', ['tests/unit'])));
    results.push(
      tools.failed === 0 && build.failed === 0
        ? await timed('browser tests', () => runVitest('e2e', ['--config', 'tests/e2e/vitest.config.ts']))
        : { name: 'browser tests', ms: 0, passed: 0, failed: 1, skipped: 0, note: 'not run: no built site or no system tools' },
    );
  }

  const total = results.reduce(
    (sum, result) => ({ passed: sum.passed + result.passed, failed: sum.failed + result.failed, skipped: sum.skipped + result.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log('\nSummary');
  for (const result of results) {
    const detail = [result.tests ? formatCounts(result) : result.note ? '' : 'ok', result.note].filter(Boolean).join('; ');
    console.log(`  ${result.name.padEnd(14)} ${detail.padEnd(48)} ${formatSeconds(result.ms)}`);
  }
  const line = formatCounts(total);
  writeFileSync(join(reportsDir, 'summary.json'), `${JSON.stringify({ ...total, steps: results }, null, 2)}\n`);
  writeFileSync(join(reportsDir, 'summary.txt'), `${line}\n`);
  console.log(line);
  return total.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
