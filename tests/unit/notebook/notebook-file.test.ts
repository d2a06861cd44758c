import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type NotebookDocument } from '../../../src/core/notebook/document';
import { DocumentError, migrate } from '../../../src/core/notebook/migrate';
import { extrasSize, notebookFileJson, readNotebookFile } from '../../../src/core/notebook/notebook-file';
import type { CellRecord } from '../../../src/core/runtime/record';

const doc: NotebookDocument = { schemaVersion: SCHEMA_VERSION, id: 'nb', title: 'T', cells: [{ id: 'load', kind: 'load', params: { target: 'y' } }] };
const record: CellRecord = { cellId: 'load', kind: 'load', stamp: 's', status: 'done', ms: 3, finishedAt: '2026-01-01T00:00:00.000Z', summary: { rows: 2 } };
const arrow = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
const dataset = { kind: 'columns', name: 'sessions.csv', datasetId: 'd', arrow };
const model = { name: 'Spend · Train MLP', files: { json: '{"format":"layers-model","weightsManifest":[]}', weights: Uint8Array.from([0, 1, 254, 255]) } };

describe('notebook files', () => {
  it('hold the document alone unless asked, exactly as migrate() reads it', () => {
    const value = JSON.parse(notebookFileJson(doc));
    expect(value).toEqual(doc);
    expect(readNotebookFile(value)).toEqual({ doc, readOnly: null, results: undefined, dataset: null, models: [] });
  });

  it('open a newer build\'s file read-only, keeping its own fields apart from the results and dataset it carries', () => {
    const newer = { ...doc, schemaVersion: SCHEMA_VERSION + 1, layout: 'wide' };
    const read = readNotebookFile(JSON.parse(notebookFileJson(newer, { results: [record], dataset, models: [model] })));
    expect(read.readOnly?.savedVersion).toBe(SCHEMA_VERSION + 1);
    expect(read.readOnly?.stored).toEqual(newer);
    expect(read.doc.cells).toEqual(doc.cells);
    expect(read.dataset).toEqual(dataset);
  });

  it('carry the results and the dataset (Arrow bytes as base64) and give them back as they were', () => {
    const value = JSON.parse(notebookFileJson(doc, { results: [record], dataset }));
    expect(typeof value.dataset.arrow).toBe('string');
    const read = readNotebookFile(value);
    expect(read.doc).toEqual(doc);
    expect(read.results).toEqual([record]);
    expect(read.dataset).toEqual(dataset);
    // An older reader sees a plain notebook.
    expect(migrate(value)).toEqual(doc);
  });

  it('carry the kept models as model.json text and base64 weights, and give them back byte for byte', () => {
    const value = JSON.parse(notebookFileJson(doc, { models: [model] }));
    expect(value.models).toEqual([{ name: model.name, json: model.files.json, weights: 'AAH+/w==' }]);
    expect(readNotebookFile(value).models).toEqual([model]);
    expect(migrate(value)).toEqual(doc);
  });

  it('name what is wrong with a model a file carries', () => {
    expect(() => readNotebookFile({ ...doc, models: {} })).toThrow(/models: expected a list/);
    expect(() => readNotebookFile({ ...doc, models: [{ name: 'm' }] })).toThrow(/models\[0\]: expected a name, a model.json text and its weights/);
    expect(() => readNotebookFile({ ...doc, models: [{ name: 'm', json: '{}', weights: '***' }] })).toThrow(/models\[0\]\.weights: expected base64 text/);
  });

  it('say what each part adds before it is made', () => {
    const sizes = extrasSize([record], arrow.length, model.files.weights.length);
    expect(sizes.dataset).toBe(JSON.parse(notebookFileJson(doc, { dataset })).dataset.arrow.length);
    expect(sizes.models).toBe(JSON.parse(notebookFileJson(doc, { models: [model] })).models[0].weights.length);
    expect(sizes.results).toBe(new TextEncoder().encode(JSON.stringify([record], null, 2)).length);
  });

  it('name what is wrong with a dataset that is not base64 columns', () => {
    expect(() => readNotebookFile({ ...doc, dataset: { name: 'x' } })).toThrow(DocumentError);
    expect(() => readNotebookFile({ ...doc, dataset: { arrow: '***' } })).toThrow(/dataset\.arrow: not base64/);
  });
});
