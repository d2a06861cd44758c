import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runner } from './run-cli';

const realData = '../shared/data/online_shoppers_intention.csv';
const scratch = mkdtempSync(join(tmpdir(), 'classify-cli-'));

/** The shipped template's data cells, then a Classify cell with `params`: no regression cells. */
function classifyNotebook(name: string, params: Record<string, unknown>, keep: (kind: string) => boolean = () => true): string {
  const template = JSON.parse(readFileSync('notebooks/purchase-value.json', 'utf8'));
  template.cells = template.cells.filter((cell: { kind: string }) => ['load', 'clean', 'encode'].includes(cell.kind) && keep(cell.kind));
  template.cells.push({ id: 'classify', kind: 'classify', params });
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(template));
  return path;
}

/** `classify   done   812 ms  roc_auc=0.9123 average_precision=0.6612 …` → its figures. */
function classifyFigures(stdout: string): Record<string, number> {
  const line = stdout.split('\n').find((text) => text.startsWith('classify'));
  expect(line, stdout).toBeDefined();
  expect(line).toMatch(/^classify\s+done/);
  return Object.fromEntries([...line!.matchAll(/(\w+)=([-\d.e]+)/g)].map(([, key, value]) => [key, Number(value)]));
}

describe('notebook runner with a Classify cell', () => {
  it(
    'predicts Revenue on the real sessions well above chance',
    async () => {
      const notebook = classifyNotebook('revenue.json', { model: 'logistic', imbalance: 'class-weights' });
      const outcome = await runner('run', notebook, '--data', realData, '--target', 'Revenue');
      expect(outcome.stderr).not.toContain('error:');
      expect(outcome.code).toBe(0);
      const figures = classifyFigures(outcome.stdout);
      expect(figures.roc_auc).toBeGreaterThan(0.88);
      // About 15% of sessions buy: a ranking by chance scores that as average precision.
      expect(figures.average_precision).toBeGreaterThan(0.5);
      expect(figures.f1).toBeGreaterThan(0.5);
      expect(figures.threshold).toBeGreaterThan(0);
      expect(figures.threshold).toBeLessThan(1);
    },
    90_000,
  );

  it('names the cell and the missing input when no Encode cell comes before it', async () => {
    const notebook = classifyNotebook('no-encode.json', { model: 'logistic' }, (kind) => kind !== 'encode');
    const outcome = await runner('run', notebook, '--data', realData, '--target', 'Revenue');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim()).toBe('error: cell 3 (classify): No earlier cell produces a features: add one above this Classify cell');
    expect(outcome.stdout).toBe('');
  }, 60_000);
});
