import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../../../src/cli/run-notebook';
import { generateSessionsCsv } from '../../../src/core/sample/sessions';
import { EVERY_ENCODER } from '../../fixtures/encode-params';

const scratch = mkdtempSync(join(tmpdir(), 'encode-reproducible-'));
const sessionsCsv = generateSessionsCsv(3000, 11);
const dataPath = join(scratch, 'sessions.csv');
writeFileSync(dataPath, sessionsCsv);

/** Load, then Encode with every step it offers switched on, then any further cells. */
function notebook(encodeParams: Record<string, unknown>, name: string, after: { id: string; kind: string; params: Record<string, unknown> }[] = []): string {
  const path = join(scratch, `${name}.json`);
  const doc = {
    schemaVersion: 1,
    id: name,
    title: name,
    cells: [
      { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
      {
        id: 'encode',
        kind: 'encode',
        params: {
          split: 'group',
          groupColumn: 'fullVisitorId',
          ...EVERY_ENCODER,
          ...encodeParams,
        },
      },
      ...after,
    ],
  };
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

async function encodeSummary(notebookPath: string, data = dataPath) {
  const run = await runNotebook({ notebookPath, dataPath: data, target: null, exclude: null, json: true });
  const encode = run.records.find((record) => record.kind === 'encode')!;
  return encode.summary!;
}

describe('a shared notebook reproduces its feature matrix', () => {
  it('gives the same shape and checksum on the same file, and another checksum for another seed', async () => {
    const path = notebook({ seed: 4 }, 'grouped');
    const first = await encodeSummary(path);
    const second = await encodeSummary(path);
    const reseeded = await encodeSummary(notebook({ seed: 5 }, 'grouped-reseeded'));
    expect(first.feature_checksum).toMatch(/^[0-9a-f]{14}$/);
    expect(second).toEqual(first);
    expect(Number(first.train_rows) + Number(first.validation_rows) + Number(first.test_rows)).toBe(3000);
    expect(reseeded.feature_checksum).not.toBe(first.feature_checksum);
    expect(reseeded.features).toBe(first.features);
  }, 60_000);

  it('reproduces a time split too', async () => {
    const path = notebook({ split: 'time', timeColumn: 'visitStartTime' }, 'timed');
    const first = await encodeSummary(path);
    expect(await encodeSummary(path)).toEqual(first);
    expect(first.test_rows).toBe(600);
  }, 60_000);

  it('trains and evaluates on those features, embeddings included, with the log1p target mapped back', async () => {
    const path = notebook({}, 'trained', [
      { id: 'train', kind: 'train-mlp', params: { epochs: 3, hiddenLayers: [16] } },
      { id: 'evaluate', kind: 'evaluate', params: {} },
    ]);
    const run = await runNotebook({ notebookPath: path, dataPath, target: null, exclude: null, json: true });
    expect(run.records.map((record) => record.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(run.records[1].summary!.embedded_columns).toBe(1);
    const evaluation = run.records[3].summary!;
    expect(Number.isFinite(evaluation.rmse)).toBe(true);
    expect(evaluation.smearing_factor).toBeGreaterThan(1);
  }, 90_000);

  it('names the parameter and the column when the file lacks one the notebook uses', async () => {
    const renamed = join(scratch, 'no-country.csv');
    writeFileSync(renamed, sessionsCsv.replace('geoNetwork.country', 'geoNetwork.nation'));
    await expect(runNotebook({ notebookPath: notebook({}, 'grouped'), dataPath: renamed, target: null, exclude: null, json: true })).rejects.toThrow(
      "cell 2 (encode): Target-encoded column 'geoNetwork.country' is not in the table (parameter targetEncodeColumns)",
    );
  }, 60_000);
});
