import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCell, PREVIEW_COLUMNS, PREVIEW_ROWS, type LoadParams } from '../../../src/core/cells/load';
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

describe('load cell reading options', () => {
  const run = (text: string, params: Partial<LoadParams>, name?: string) => loadCell.run({ dataset: csvDataset(text, name) }, { ...loadCell.defaults(), target: '', ...params }, dataRunContext());

  it('defaults to auto encoding, stopping on ragged rows and no type overrides', () => {
    expect(loadCell.defaults()).toEqual({
      target: 'purchaseValue',
      encoding: 'auto',
      raggedRows: 'stop',
      columnTypes: {},
      rows: 'auto',
      rowCount: 100_000,
      sampleSeed: 1,
    });
  });

  it('fails on ragged rows by default and names the choice that skips them', async () => {
    await expect(run('a,b\n1,2\n3\n', {})).rejects.toThrow(/1 row does not have the header's 2 fields, first at line 3 \(1 field\).*set “Rows with the wrong field count” to skip/);
  });

  it('skips ragged rows when asked and says how many, where', async () => {
    const output = await run('a,b\n1,2\n3\n4,5\n', { raggedRows: 'skip' });
    expect(output.summary.rows).toBe(2);
    expect(output.view.skipped).toEqual({ count: 1, first: [{ line: 3, fields: 1 }] });
    expect(output.view.warnings[0]).toBe('Skipped 1 row with the wrong field count, first at line 3 (1 field).');
  });

  it('notes a Latin-1 file in the view', async () => {
    const bytes = Uint8Array.from('city,n\nZürich,1\n', (char) => char.charCodeAt(0));
    const output = await loadCell.run({ dataset: { name: 'c.csv', bytes } }, { ...loadCell.defaults(), target: 'n' }, dataRunContext());
    expect(output.view.encodingNote).toMatch(/^Decoded as Latin-1/);
    expect(output.view.preview[0]).toEqual(['Zürich', 1]);
  });

  it('applies type overrides and shows them in the output columns', async () => {
    const output = await run('code,v\n1,a\nx,b\n', { columnTypes: { code: 'number' } });
    expect(output.outputColumns?.[0]).toEqual({ name: 'code', type: 'number' });
    expect(output.view.overrides).toEqual([{ name: 'code', inferred: 'categorical', chosen: 'number', unreadable: 1 }]);
    expect(output.view.warnings).toContain('1 value of “code” could not be read as number and are missing.');
  });

  it('names the format it read', async () => {
    expect((await run('a\tb\n1\t2\n', {})).view.format).toBe('tab-separated text');
    expect((await run('[{"a": 1}]', {}, 'rows.json')).view.format).toBe('JSON');
  });

  it('warns about a reserved column name', async () => {
    const output = await run('__proto__,b\n1,2\n', {});
    expect(output.view.warnings[0]).toBe('Column 1 “__proto__” is a reserved name: renamed to __proto___2.');
  });

  it('validates the reading options', () => {
    expect(validateParams(loadCell, { encoding: 'utf-16' })[0].path).toBe('encoding');
    expect(validateParams(loadCell, { raggedRows: 'ignore' })[0].path).toBe('raggedRows');
    expect(validateParams(loadCell, { columnTypes: { a: 'float' } })[0]).toEqual({ path: 'columnTypes', message: 'Column types: “a”: expected one of number, boolean, timestamp, categorical, text, identifier' });
    expect(validateParams(loadCell, { columnTypes: ['number'] })[0].path).toBe('columnTypes');
    expect(validateParams(loadCell, { columnTypes: { a: 'number' }, encoding: 'latin-1', raggedRows: 'skip' })).toEqual([]);
  });
});

describe('load cell on a wide file', () => {
  it('reads 2,000 columns and previews the first ones only', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `c${i}`);
    const text = `${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`;
    const output = await loadCell.run({ dataset: csvDataset(text) }, { ...loadCell.defaults(), target: 'c5' }, dataRunContext());
    expect(output.summary).toEqual({ rows: 1, columns: 2000, target: 'c5' });
    expect(output.view.columns).toHaveLength(2000);
    expect(output.view.preview[0]).toEqual(Array.from({ length: PREVIEW_COLUMNS }, (_, i) => i));
  });
});

describe('load cell on damaged UTF-8', () => {
  it('says how many byte sequences were replaced', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('city,n\nZürich,1\nSão Paulo,3\nx'), 0xff, ...new TextEncoder().encode(',2\n')]);
    const output = await loadCell.run({ dataset: { name: 'c.csv', bytes } }, { ...loadCell.defaults(), target: 'n' }, dataRunContext());
    expect(output.view.encodingNote).toBe('1 byte sequence is not valid UTF-8 and is shown as �; the rest of the file is UTF-8.');
    expect(output.view.preview.map((row) => row[0])).toEqual(['Zürich', 'São Paulo', 'x\uFFFD']);
  });
});

describe('load cell row selection', () => {
  const csv = `id,value\n${Array.from({ length: 5000 }, (_, row) => `${row},${row % 7}`).join('\n')}\n`;
  // Nearly all distinct, so read as an identifier (text): compared as numbers.
  const ids = ({ artifact }: Awaited<ReturnType<typeof loadCell.run>>) =>
    Array.from(artifact?.kind === 'table' ? (artifact.table.array('id') as ArrayLike<string>) : [], Number);

  it('reads every row when the file fits the memory budget, and says nothing about rows', async () => {
    const output = await loadCell.run({ dataset: csvDataset(csv) }, { target: 'value' }, dataRunContext());
    expect(output.summary.rows).toBe(5000);
    expect(output.view.rowsNote).toBeNull();
  });

  it('keeps the first N rows', async () => {
    const output = await loadCell.run({ dataset: csvDataset(csv) }, { target: 'value', rows: 'first', rowCount: 120 }, dataRunContext());
    expect(ids(output)).toEqual(Array.from({ length: 120 }, (_, row) => row));
    expect(output.view.rowsNote?.text).toMatch(/^The first 120 rows/);
  });

  it('keeps the same seeded sample of about N rows every time, and another with another seed', async () => {
    const params: LoadParams = { target: 'value', rows: 'sample', rowCount: 1000, sampleSeed: 7 };
    const first = ids(await loadCell.run({ dataset: csvDataset(csv) }, params, dataRunContext()));
    const again = ids(await loadCell.run({ dataset: csvDataset(csv) }, params, dataRunContext()));
    const other = ids(await loadCell.run({ dataset: csvDataset(csv) }, { ...params, sampleSeed: 8 }, dataRunContext()));
    expect(first).toEqual(again);
    expect(other).not.toEqual(first);
    expect(first.length).toBeGreaterThan(850);
    expect(first.length).toBeLessThan(1150);
    // Spread over the whole file, in file order.
    expect(first.at(-1)).toBeGreaterThan(4500);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
  });

  it('samples a share of the rows when the whole file would not fit the budget, and says so', async () => {
    const ctx = { ...dataRunContext(), memoryBudgetBytes: 40_000 };
    const output = await loadCell.run({ dataset: csvDataset(csv) }, { target: 'value' }, ctx);
    const kept = output.summary.rows as number;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(5000);
    expect(output.view.rowsNote).toMatchObject({ overBudget: true, kept });
    expect(output.view.rowsNote?.text).toMatch(/more than this tab can spare .*A seeded random sample \(seed 1\): [\d,]+ rows of 5,000\./);
  });

  it('samples Parquet, JSON and the rest the same way', async () => {
    const json = JSON.stringify(Array.from({ length: 3000 }, (_, row) => ({ id: row, value: row % 5 })));
    const output = await loadCell.run({ dataset: { name: 'rows.json', bytes: new TextEncoder().encode(json) } }, { target: 'value', rows: 'first', rowCount: 10 }, dataRunContext());
    expect(ids(output)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(output.view.rowsNote?.text).toBe('The first 10 rows (of 3,000).');
  });
});

describe('load cell missing tokens', () => {
  it('records, per column, which texts were read as missing and how often', async () => {
    const csv = 'visits,channel,amount\n1,Direct,2.5\n,NA,inf\n3,,n/a\nNULL,Organic,\n5,Direct,1e400\n';
    const output = await loadCell.run({ dataset: csvDataset(csv) }, { target: 'amount' }, dataRunContext());
    expect(output.artifact?.kind === 'table' && output.artifact.missingTokens).toEqual({
      visits: { '': 1, NULL: 1 },
      channel: { NA: 1, '': 1 },
      amount: { inf: 1, 'n/a': 1, '': 1, '1e400': 1 },
    });
  });

  it('counts values a chosen type cannot read among the missing', async () => {
    const output = await loadCell.run({ dataset: csvDataset('n,code\n1,7\n2,x7\n3,\n') }, { target: 'n', columnTypes: { code: 'number' } }, dataRunContext());
    expect(output.artifact?.kind === 'table' && output.artifact.missingTokens.code).toEqual({ x7: 1, '': 1 });
  });
});
