import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCell, PREVIEW_ROWS } from '../../../src/core/cells/load';
import { validateParams } from '../../../src/core/cells/params';
import { csvDataset, dataRunContext } from './run-context';

const REAL_DATA = fileURLToPath(new URL('../../../../shared/data/online_shoppers_intention.csv', import.meta.url));

describe('load cell', () => {
  it('produces a table artifact with the target and a summary', async () => {
    const output = await loadCell.run({ dataset: csvDataset('a,purchaseValue\nx,0\ny,12.5\n') }, loadCell.defaults(), dataRunContext());
    expect(output.artifact?.kind).toBe('table');
    expect(output.summary).toEqual({ rows: 2, columns: 2, target: 'purchaseValue' });
    expect(output.outputColumns).toEqual([
      { name: 'a', type: 'categorical' },
      { name: 'purchaseValue', type: 'number' },
    ]);
    expect(output.view.warnings).toEqual([]);
  });

  it('succeeds without the target column, warns and lists the numeric columns', async () => {
    const output = await loadCell.run({ dataset: csvDataset('hits,name,pages\n1,a,2\n') }, { target: 'purchaseValue' }, dataRunContext());
    expect(output.artifact).toMatchObject({ target: null });
    expect(output.view.target).toBeNull();
    expect(output.view.warnings).toEqual(['The target column “purchaseValue” is not in this file. Numeric columns to pick from: hits, pages.']);
  });

  it('counts missing cells per column and previews the first rows', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i % 3 === 0 ? '' : 'v'}`).join('\n');
    const output = await loadCell.run({ dataset: csvDataset(`n,label\n${rows}\n`) }, { target: 'n' }, dataRunContext());
    expect(output.view.columns.map((column) => column.missing)).toEqual([0, 10]);
    expect(output.view.preview).toHaveLength(PREVIEW_ROWS);
    expect(output.view.preview[1]).toEqual([1, 'v']);
    expect(output.view.preview[0]).toEqual([0, null]);
  });

  it('reports renamed columns', async () => {
    const output = await loadCell.run({ dataset: csvDataset('x,x,\n1,2,3\n') }, { target: '' }, dataRunContext());
    expect(output.view.warnings.slice(0, 2)).toEqual(['Column 2 “x” renamed to x_2.', 'Column 3 has no name: called it column_3.']);
  });

  it('fails with a clear message on an empty file', async () => {
    await expect(loadCell.run({ dataset: csvDataset('', 'empty.csv') }, loadCell.defaults(), dataRunContext())).rejects.toThrow('empty.csv is empty');
  });

  it('accepts an empty target and rejects a non-text one', () => {
    expect(validateParams(loadCell, { target: '' })).toEqual([]);
    expect(validateParams(loadCell, { target: 3 })[0].path).toBe('target');
  });

  it('reads the real shoppers file with the expected types', async () => {
    const output = await loadCell.run({ dataset: { name: 'online_shoppers_intention.csv', bytes: readFileSync(REAL_DATA) } }, { target: 'PageValues' }, dataRunContext());
    const types = Object.fromEntries(output.outputColumns!.map((column) => [column.name, column.type]));
    expect(output.summary).toEqual({ rows: 12_330, columns: 18, target: 'PageValues' });
    expect(types).toMatchObject({
      Month: 'categorical',
      VisitorType: 'categorical',
      Weekend: 'boolean',
      Revenue: 'boolean',
      PageValues: 'number',
      BounceRates: 'number',
      ProductRelated_Duration: 'number',
    });
    expect(output.view.columns.every((column) => column.missing === 0)).toBe(true);
  });
});
