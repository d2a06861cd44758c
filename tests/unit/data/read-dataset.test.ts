import { gzipSync } from 'node:zlib';
import { table as arqueroTable, toArrowIPC } from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { CellError, type ProgressUpdate } from '../../../src/core/cells/types';
import { readDataset, DEFAULT_READ_OPTIONS, type ReadOptions } from '../../../src/core/data/read-dataset';

const file = (text: string, name = 'data.csv') => ({ name, bytes: new TextEncoder().encode(text) });
const read = (text: string, name?: string, options: Partial<ReadOptions> = {}) => readDataset(file(text, name), { ...DEFAULT_READ_OPTIONS, ...options });
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

const parquetBytes = () =>
  new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'visits', data: [1, 2, 3], type: 'INT32' },
        { name: 'value', data: [0.5, null, 12.25], type: 'DOUBLE' },
        { name: 'channel', data: ['Direct', 'Referral', 'Direct'], type: 'STRING' },
        { name: 'bounced', data: [true, false, true], type: 'BOOLEAN' },
      ],
    }),
  );

describe('readDataset: delimited text', () => {
  it('reads a semicolon file with a BOM and CRLF into typed columns', async () => {
    const { table, columns, delimiter, format } = await read('\uFEFFname;amount;paid\r\na;1,5;TRUE\r\nb;2;FALSE\r\n');
    expect(format).toBe('delimited');
    expect(delimiter).toBe(';');
    expect(columns.map((column) => column.type)).toEqual(['categorical', 'categorical', 'boolean']);
    expect(table.array('paid')).toEqual([true, false]);
    expect(table.columnNames()).toEqual(['name', 'amount', 'paid']);
  });

  it('reads a TSV file', async () => {
    const { table, columns } = await read('x\ty\n1\t2\n3\t4\n', 'data.tsv');
    expect(columns).toEqual([
      { name: 'x', type: 'number' },
      { name: 'y', type: 'number' },
    ]);
    expect(table.array('y')).toEqual([2, 4]);
  });

  it('keeps quoted delimiters, quotes and line breaks inside one field', async () => {
    const { table } = await read('id,note\r\n1,"a, ""b""\r\nc"\r\n2,plain\r\n');
    expect(table.array('note')).toEqual(['a, "b"\r\nc', 'plain']);
  });

  it('renames duplicate and empty headers and keeps every column', async () => {
    const { table, renamed } = await read('a,a,\n1,2,3\n');
    expect(table.columnNames()).toEqual(['a', 'a_2', 'column_3']);
    expect(table.array('a_2')).toEqual([2]);
    expect(renamed.map((change) => change.to)).toEqual(['a_2', 'column_3']);
  });

  it('keeps columns whose names look like integers in file order', async () => {
    expect((await read('b,2019,1\n1,2,3\n')).table.columnNames()).toEqual(['b', '2019', '1']);
  });

  it.each([
    ['', /empty/],
    [' \n \n', /empty/],
    ['a,b\n', /header but no data rows/],
  ])('refuses %j', async (text, message) => {
    await expect(read(text)).rejects.toThrow(message);
  });

  it('stops on ragged rows, naming their count and first lines', async () => {
    const attempt = read('a,b\n1,2\n3\n4,5\n6,7,8\n');
    await expect(attempt).rejects.toThrow(CellError);
    await expect(attempt).rejects.toThrow(/2 rows do not have the header's 2 fields, first at lines 3 \(1 field\), 5 \(3 fields\)/);
  });

  it('skips ragged rows when asked and reports them', async () => {
    const { table, skipped } = await read('a,b\n1,2\n3\n4,5\n6,7,8\n', 'data.csv', { raggedRows: 'skip' });
    expect(table.array('a')).toEqual([1, 4]);
    expect(skipped).toEqual({ count: 2, first: [{ line: 3, fields: 1 }, { line: 5, fields: 3 }] });
  });

  it('refuses binary data', async () => {
    await expect(readDataset({ name: 'model.bin', bytes: new Uint8Array([1, 0, 2, 0]) })).rejects.toThrow(/model\.bin looks like a binary file/);
  });

  it('reads a Latin-1 file without mojibake and names the encoding', async () => {
    const { table, decoding } = await readDataset({ name: 'cities.csv', bytes: latin1('city,visits\nZürich,3\nSão Paulo,4\n') });
    expect(decoding).toEqual({ encoding: 'latin-1', replaced: 0 });
    expect(table.array('city')).toEqual(['Zürich', 'São Paulo']);
  });

  it('reads inf, NaN and 1e400 as missing numbers, never as NaN or Infinity', async () => {
    const { table, columns } = await read('x,y\ninf,1\nNaN,2\n1e400,3\n-inf,4\n2.5,5\n');
    expect(columns[0]).toEqual({ name: 'x', type: 'number' });
    expect(table.array('x')).toEqual([null, null, null, null, 2.5]);
  });

  it('reads a single data row', async () => {
    const { table } = await read('a,b\n1,x\n');
    expect(table.numRows()).toBe(1);
    expect(table.objects()).toEqual([{ a: 1, b: 'x' }]);
  });

  it('reads 2,000 columns', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `c${i}`);
    const { table } = await read(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`);
    expect(table.numCols()).toBe(2000);
    expect(table.get('c1999', 0)).toBe(1999);
  });

  it('keeps HTML in column names as text and renames __proto__ without touching any prototype', async () => {
    const { table, renamed } = await read('<img src=x onerror=alert(1)>,__proto__,constructor\n1,2,3\n');
    expect(table.columnNames()).toEqual(['<img src=x onerror=alert(1)>', '__proto___2', 'constructor']);
    expect(table.array('__proto___2')).toEqual([2]);
    expect(table.array('constructor')).toEqual([3]);
    expect(renamed).toEqual([{ position: 2, from: '__proto__', to: '__proto___2', why: 'reserved' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('readDataset: type overrides', () => {
  it('reads a column as the chosen type and counts values that do not fit', async () => {
    const { table, columns, overrides } = await read('code,n\n1,x\n2,y\n10,z\nabc,w\n', 'data.csv', { columnTypes: { n: 'categorical', code: 'number' } });
    expect(columns).toEqual([
      { name: 'code', type: 'number' },
      { name: 'n', type: 'categorical' },
    ]);
    expect(table.array('code')).toEqual([1, 2, 10, null]);
    expect(overrides).toEqual([{ name: 'code', inferred: 'categorical', chosen: 'number', unreadable: 1 }]);
  });

  it('reads digits as text when asked, keeping leading zeros', async () => {
    const { table } = await read('zip\n01234\n98765\n', 'data.csv', { columnTypes: { zip: 'identifier' } });
    expect(table.array('zip')).toEqual(['01234', '98765']);
  });

  it('reads 0/1 as booleans when asked', async () => {
    const { table } = await read('flag,n\n0,1\n1,2\n,3\n1,4\n', 'data.csv', { columnTypes: { flag: 'boolean' } });
    expect(table.array('flag')).toEqual([false, true, null, true]);
  });

  it('lists overrides for columns the file lacks', async () => {
    expect((await read('a\n1\n', 'data.csv', { columnTypes: { gone: 'number' } })).unknownOverrides).toEqual(['gone']);
  });
});

describe('readDataset: other formats', () => {
  it('reads a JSON array of records, keeping typed values and filling absent fields as missing', async () => {
    const { table, columns, format } = await read('[{"visits": 3, "paid": true, "when": "2020-01-02"}, {"visits": 5, "paid": false, "extra": {"a": 1}}]', 'rows.json');
    expect(format).toBe('json');
    expect(columns.map((column) => [column.name, column.type])).toEqual([
      ['visits', 'number'],
      ['paid', 'boolean'],
      ['when', 'timestamp'],
      ['extra', 'categorical'],
    ]);
    expect(table.array('visits')).toEqual([3, 5]);
    expect(table.array('when')).toEqual([Date.UTC(2020, 0, 2), null]);
    expect(table.array('extra')).toEqual([null, '{"a":1}']);
  });

  it('reads JSON lines', async () => {
    const { table, format } = await read('{"a": 1, "b": "x"}\n\n{"a": 2.5, "b": null}\n', 'rows.ndjson');
    expect(format).toBe('ndjson');
    expect(table.objects()).toEqual([
      { a: 1, b: 'x' },
      { a: 2.5, b: null },
    ]);
  });

  it.each([
    ['{"rows": []}', /rows\.json holds an object, not an array of records/],
    ['[1, 2]', /item 1 of the array is a number, not a record/],
    ['[{"a": 1},', /rows\.json is not valid JSON/],
    ['[]', /header but no data rows|no columns/],
  ])('refuses JSON that is not an array of records: %s', async (text, message) => {
    await expect(read(text, 'rows.json')).rejects.toThrow(message);
  });

  it('names the bad line of a JSON lines file', async () => {
    await expect(read('{"a": 1}\n{"a": \n', 'rows.jsonl')).rejects.toThrow(/rows\.jsonl line 2 is not valid JSON/);
  });

  it('keeps __proto__ in JSON records as data, renamed', async () => {
    const { table } = await read('[{"__proto__": 7, "a": 1}]', 'rows.json');
    expect(table.columnNames()).toEqual(['__proto___2', 'a']);
    expect(table.array('__proto___2')).toEqual([7]);
  });

  it('reads a Parquet file with its types', async () => {
    const { table, columns, format } = await readDataset({ name: 'sessions.parquet', bytes: parquetBytes() });
    expect(format).toBe('parquet');
    expect(columns.map((column) => column.type)).toEqual(['number', 'number', 'categorical', 'boolean']);
    expect(table.array('visits')).toEqual([1, 2, 3]);
    expect(table.array('value')).toEqual([0.5, null, 12.25]);
    expect(table.array('channel')).toEqual(['Direct', 'Referral', 'Direct']);
    expect(table.array('bounced')).toEqual([true, false, true]);
  });

  it('recognises Parquet by its magic bytes whatever the file is called', async () => {
    expect((await readDataset({ name: 'export.csv', bytes: parquetBytes() })).format).toBe('parquet');
  });

  it('refuses a corrupt Parquet file with a clear message', async () => {
    const bytes = parquetBytes();
    const corrupt = bytes.slice();
    corrupt.fill(0xab, 4, corrupt.length - 8);
    await expect(readDataset({ name: 'broken.parquet', bytes: corrupt })).rejects.toThrow(/broken\.parquet could not be read as Parquet/);
    await expect(readDataset({ name: 'cut.parquet', bytes: bytes.subarray(0, 40) })).rejects.toThrow(/cut\.parquet could not be read as Parquet/);
  });

  it('reads an Arrow IPC file', async () => {
    const source = arqueroTable({ channel: ['a', 'b'], amount: [1.5, null], day: [new Date(Date.UTC(2021, 4, 6)), new Date(Date.UTC(2021, 4, 7))] });
    const { table, columns, format } = await readDataset({ name: 'data.arrow', bytes: toArrowIPC(source, { format: 'file' }) });
    expect(format).toBe('arrow');
    expect(columns.map((column) => column.type)).toEqual(['categorical', 'number', 'timestamp']);
    expect(table.array('amount')).toEqual([1.5, null]);
    expect(table.array('day')).toEqual([Date.UTC(2021, 4, 6), Date.UTC(2021, 4, 7)]);
  });

  it('reads an Arrow IPC stream, gzip-compressed', async () => {
    const source = arqueroTable({ visits: [3, 4], paid: [true, false] });
    const { table, format } = await readDataset({ name: 'export.bin', bytes: gzipSync(toArrowIPC(source, { format: 'stream' })) });
    expect(format).toBe('arrow');
    expect(table.objects()).toEqual([
      { visits: 3, paid: true },
      { visits: 4, paid: false },
    ]);
  });

  it('reads Parquet timestamps as epoch milliseconds', async () => {
    const days = [new Date(Date.UTC(2021, 0, 1, 12)), new Date(Date.UTC(2021, 0, 2))];
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'startedAt', data: days, type: 'TIMESTAMP' }] }));
    const { table, columns } = await readDataset({ name: 't.parquet', bytes });
    expect(columns).toEqual([{ name: 'startedAt', type: 'timestamp' }]);
    expect(table.array('startedAt')).toEqual(days.map((day) => day.getTime()));
  });

  it('refuses a damaged Arrow file', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('ARROW1'), 0, 0, 9, 9, 9]);
    await expect(readDataset({ name: 'bad.arrow', bytes })).rejects.toThrow(/bad\.arrow could not be read as Arrow/);
  });

  it.each([
    ['data.csv.gz', 'a,b\n1,x\n2,y\n'],
    ['data.json.gz', '[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]'],
    ['data.ndjson.gz', '{"a": 1, "b": "x"}\n{"a": 2, "b": "y"}\n'],
  ])('reads gzip-compressed %s', async (name, text) => {
    const { table, compressed } = await readDataset({ name, bytes: gzipSync(text) });
    expect(compressed).toBe(true);
    expect(table.objects()).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });

  it('reads gzip-compressed Parquet', async () => {
    const { table } = await readDataset({ name: 'sessions.parquet.gz', bytes: gzipSync(parquetBytes()) });
    expect(table.array('visits')).toEqual([1, 2, 3]);
  });

  it('refuses a gzip file cut short', async () => {
    const bytes = gzipSync('a,b\n'.repeat(1000));
    await expect(readDataset({ name: 'cut.csv.gz', bytes: bytes.subarray(0, bytes.length / 2) })).rejects.toThrow(/cut\.csv\.gz looks gzip-compressed but could not be decompressed/);
  });
});

describe('reading progress', () => {
  it('shows the first rows as written before the rows are read, then bytes and rows', async () => {
    const text = `city,visits\n${Array.from({ length: 100 }, (_, row) => `"Town, ${row}",${row}`).join('\n')}\n`;
    const updates: ProgressUpdate[] = [];
    await readDataset(file(text), DEFAULT_READ_OPTIONS, { progress: (update) => updates.push(update) });
    expect(updates[0].preview?.header).toEqual(['city', 'visits']);
    expect(updates[0].preview?.rows.slice(0, 2)).toEqual([
      ['Town, 0', '0'],
      ['Town, 1', '1'],
    ]);
    expect(updates[0].preview?.rows).toHaveLength(20);
    expect(updates.at(-1)).toMatchObject({ fraction: 1, message: expect.stringMatching(/100 rows$/) });
    expect(updates.slice(1).every((update) => update.preview === undefined)).toBe(true);
  });

  it('says why the file is read again when a column turns out not to be numbers', async () => {
    const text = `n\n${Array.from({ length: 50 }, (_, row) => (row === 49 ? 'many' : String(row))).join('\n')}\n`;
    const updates: ProgressUpdate[] = [];
    await readDataset(file(text), DEFAULT_READ_OPTIONS, { progress: (update) => updates.push(update) });
    expect(updates.at(-1)?.message).toMatch(/^Reading 1 column again as text/);
  });
});
