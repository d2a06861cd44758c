import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../../../src/cli/run-notebook';
import type { ScoreView } from '../../../src/core/cells/score';
import { generateSessionsCsv } from '../../../src/core/sample/sessions';
import { EVERY_ENCODER } from '../../fixtures/encode-params';
import { runner } from './run-cli';

const scratch = mkdtempSync(join(tmpdir(), 'score-cli-'));
const dataPath = join(scratch, 'sessions.csv');
writeFileSync(dataPath, generateSessionsCsv(3000, 11));
const newSessionsPath = join(scratch, 'new-sessions.csv');
writeFileSync(newSessionsPath, generateSessionsCsv(700, 12));

type Cell = { id: string; kind: string; params: Record<string, unknown> };

function notebook(name: string, cells: Cell[]): string {
  const path = join(scratch, `${name}.json`);
  writeFileSync(path, JSON.stringify({ schemaVersion: 2, id: name, title: name, cells }));
  return path;
}

const load: Cell = { id: 'load', kind: 'load', params: { target: 'purchaseValue' } };
/** Every kind of encoder, a log1p target and an embedding: all must travel with the model. */
const encode: Cell = { id: 'encode', kind: 'encode', params: EVERY_ENCODER };
const train = (params: Record<string, unknown>): Cell => ({
  id: 'train',
  kind: 'train-mlp',
  params: { layers: [{ op: 'dense', units: 16, activation: 'relu', dropout: 0, batchNorm: true }], epochs: 4, seed: 3, ...params },
});
const score: Cell = { id: 'score', kind: 'score', params: {} };

const scoreView = (run: Awaited<ReturnType<typeof runNotebook>>) => run.records.find((record) => record.kind === 'score')!.view as ScoreView;

/** Equal to float32 rounding: within 1e-5 of the larger magnitude (or of 1). */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected)));
}

function expectSameScores(imported: ScoreView, trained: ScoreView): void {
  expect(imported.rows).toBe(trained.rows);
  for (const key of ['mean', 'min', 'p50', 'p90', 'p99', 'max', 'aboveZero'] as const) expectClose(imported.spread[key], trained.spread[key]);
  expect(imported.top.columns).toEqual(trained.top.columns);
  imported.top.rows.forEach((row, index) => {
    row.forEach((value, column) => {
      const expected = trained.top.rows[index][column];
      if (typeof value === 'number' && typeof expected === 'number') expectClose(value, expected);
      else expect(value).toEqual(expected);
    });
  });
}

async function trainAndExport(name: string, trainParams: Record<string, unknown>) {
  const modelPath = join(scratch, `${name}.json`);
  const run = await runNotebook({ notebookPath: notebook(`${name}-train`, [load, encode, train(trainParams), score]), dataPath, target: null, exclude: null, json: true, saveModelPath: modelPath });
  return { modelPath, trained: scoreView(run) };
}

describe('scoring with a model saved by the runner', () => {
  it(
    'scores the same sessions the same way after export, in a notebook that never trained',
    async () => {
      const { modelPath, trained } = await trainAndExport('spend', {});
      const manifest = JSON.parse(readFileSync(modelPath, 'utf8'));
      expect(manifest.format).toBe('layers-model');
      expect(manifest.weightsManifest[0].paths).toEqual(['spend.weights.bin']);
      const run = await runNotebook({ notebookPath: notebook('spend-score', [load, score]), dataPath, target: null, exclude: null, json: true, modelPath });
      const imported = scoreView(run);
      expect(imported.source.kind).toBe('kept');
      expect(imported.includesTrainingRows).toBe(false);
      expectSameScores(imported, trained);
      expect(trained.spread.mean).toBeGreaterThan(0);
    },
    120_000,
  );

  it(
    'carries a hurdle model whole: the probability column as well as the amount',
    async () => {
      const { modelPath, trained } = await trainAndExport('hurdle', { model: 'hurdle' });
      const run = await runNotebook({ notebookPath: notebook('hurdle-score', [load, score]), dataPath, target: null, exclude: null, json: true, modelPath });
      const imported = scoreView(run);
      expect(imported.probabilityColumn).toBe('p_purchaseValue_above_0');
      expect(imported.top.columns.slice(0, 2).map((column) => column.name)).toEqual(['predicted_purchaseValue', 'p_purchaseValue_above_0']);
      expectSameScores(imported, trained);
    },
    120_000,
  );

  it(
    'scores a file of new sessions it has never seen',
    async () => {
      const { modelPath } = await trainAndExport('fresh', {});
      const run = await runNotebook({ notebookPath: notebook('fresh-score', [load, score]), dataPath: newSessionsPath, target: null, exclude: null, json: true, modelPath });
      expect(scoreView(run).rows).toBe(700);
    },
    120_000,
  );

  it('stops with a message when --model is not a TF.js model', async () => {
    const notModel = join(scratch, 'not-a-model.json');
    writeFileSync(notModel, JSON.stringify({ cells: [] }));
    const outcome = await runner('run', notebook('bad-model', [load, score]), '--data', dataPath, '--model', notModel);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('is not a TF.js model.json: it has no weightsManifest');
  });

  it('stops with a message when --model is given to a notebook without a Score cell', async () => {
    const { modelPath } = await trainAndExport('unused', {});
    const outcome = await runner('run', notebook('no-score', [load]), '--data', dataPath, '--model', modelPath);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('--model given, but the notebook has no Score cell');
  }, 120_000);

  it('stops with a message when --save-model is given to a notebook that trains nothing', async () => {
    const outcome = await runner('run', notebook('no-train', [load]), '--data', dataPath, '--save-model', join(scratch, 'never.json'));
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('--save-model given, but the notebook has no Train MLP cell that trained a model');
  });
});
