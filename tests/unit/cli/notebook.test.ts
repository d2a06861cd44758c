import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runner, type Outcome } from './run-cli';

const realData = '../shared/data/online_shoppers_intention.csv';
const template = 'notebooks/purchase-value.json';

const scratch = mkdtempSync(join(tmpdir(), 'notebook-cli-'));
function scratchFile(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** A bad input ends with exactly one `error:` line, no stack trace and a non-zero exit. */
function expectOneErrorLine(outcome: Outcome, fragment: string): void {
  expect(outcome.code).not.toBe(0);
  const lines = outcome.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toContain(fragment);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  expect(outcome.stdout).toBe('');
}

describe('notebook runner', () => {
  it('reports a missing data file', async () => {
    expectOneErrorLine(await runner('run', template, '--data', join(scratch, 'absent.csv')), 'cannot read data file');
  });

  it('reports a notebook that is not JSON', async () => {
    expectOneErrorLine(await runner('run', scratchFile('broken.json', '{"cells": ['), '--data', realData), 'is not valid JSON');
  });

  it('reports schema problems with their path', async () => {
    const path = scratchFile('bad-schema.json', JSON.stringify({ schemaVersion: 1, id: 'x', title: 't', cells: [{ id: 'a' }] }));
    expectOneErrorLine(await runner('run', path, '--data', realData), 'cells[0].kind');
  });

  it('rejects an unknown option', async () => {
    expectOneErrorLine(await runner('run', template, '--data', realData, '--fast'), "unknown option '--fast'");
  });

  it('reports the cell that failed', async () => {
    expectOneErrorLine(await runner('run', template, '--data', realData, '--target', 'PageValues', '--exclude', 'NoSuchColumn'), "cell 4 (encode): Excluded column 'NoSuchColumn'");
  });

  it(
    'runs every cell on the real sessions and beats the mean baseline',
    async () => {
      const outcome = await runner('run', template, '--data', realData, '--target', 'PageValues', '--exclude', 'Revenue', '--json');
      expect(outcome.stderr).not.toContain('error:');
      expect(outcome.code).toBe(0);
      const report = JSON.parse(outcome.stdout);
      expect(report.cells.map((cell: { kind: string }) => cell.kind)).toEqual(['load', 'clean', 'eda', 'encode', 'train-mlp', 'evaluate', 'classify', 'score']);
      expect(report.cells.every((cell: { status: string }) => cell.status === 'done')).toBe(true);
      expect(report.backend).toBe('wasm');
      expect(report.rows).toBe(12330);
      expect(report.columns).toBe(18);
      expect(report.metrics.r2).toBeGreaterThan(report.metrics.baseline_r2 + 0.02);
      expect(report.metrics.rmse).toBeGreaterThan(0);
    },
    90_000,
  );

  it(
    'prints one line per cell without --json',
    async () => {
      const outcome = await runner('run', template, '--data', realData, '--target', 'PageValues', '--exclude', 'Revenue');
      const lines = outcome.stdout.trim().split('\n');
      expect(lines).toHaveLength(8);
      expect(lines[5]).toMatch(/^evaluate\s+done\s+\d+ ms\s+r2=/);
      expect(lines[6]).toMatch(/^classify\s+done\s+\d+ ms\s/);
      expect(lines[7]).toMatch(/^score\s+done\s+\d+ ms\s+rows=12330 column=predicted_PageValues/);
    },
    90_000,
  );
});
