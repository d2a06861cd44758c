import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/notebook/document';
import { DocumentError, migrate } from '../../../src/core/notebook/migrate';
import { editableCopy, readDocument } from '../../../src/core/notebook/read-document';

const NEWER = SCHEMA_VERSION + 1;

/** A document as a newer build might save it: a kind and a parameter this build has never seen, and a field of its own. */
const newerDocument = () => ({
  schemaVersion: NEWER,
  id: 'nb-new',
  title: 'From the future',
  layout: { columns: 2 },
  cells: [
    { id: 'load', kind: 'load', params: { target: 'purchaseValue', sampling: { every: 3 } } },
    { id: 'forecast', kind: 'forecast', title: 'Next week', params: { horizon: 7, nested: [{ a: 1 }] }, pinned: true },
    { id: 'note', kind: 'markdown', params: { text: 'hi' } },
  ],
});

describe('readDocument', () => {
  it('reads a current document as migrate() does, editable', () => {
    const doc = { schemaVersion: SCHEMA_VERSION, id: 'nb', title: 'T', cells: [{ id: 'a', kind: 'load', params: {} }] };
    expect(readDocument(doc)).toEqual({ document: migrate(doc), readOnly: null });
  });

  it('still migrates the shipped older fixtures, editable', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../../notebooks/fixtures/purchase-value-v1.json', import.meta.url), 'utf8'));
    const read = readDocument(fixture);
    expect(read.readOnly).toBeNull();
    expect(read.document).toEqual(migrate(fixture));
    expect(read.document.cells.find((cell) => cell.kind === 'clean')?.params.steps).toBeInstanceOf(Array);
  });

  it('opens a newer document read-only with a message naming both versions and what to do', () => {
    const { readOnly } = readDocument(newerDocument());
    expect(readOnly?.savedVersion).toBe(NEWER);
    expect(readOnly?.message).toContain(`newer version of the workbench (schema ${NEWER}; this one reads up to ${SCHEMA_VERSION})`);
    expect(readOnly?.message).toMatch(/read-only/);
    expect(readOnly?.message).toMatch(/reload the page/);
    expect(readOnly?.message).toMatch(/duplicate it/);
  });

  it('keeps a newer document\'s cells, unknown kinds and parameters as they stand', () => {
    const { document } = readDocument(newerDocument());
    expect(document.id).toBe('nb-new');
    expect(document.title).toBe('From the future');
    expect(document.cells).toEqual([
      { id: 'load', kind: 'load', params: { target: 'purchaseValue', sampling: { every: 3 } } },
      { id: 'forecast', kind: 'forecast', title: 'Next week', params: { horizon: 7, nested: [{ a: 1 }] } },
      { id: 'note', kind: 'markdown', params: { text: 'hi' } },
    ]);
  });

  it('leaves the given value untouched', () => {
    const input = newerDocument();
    readDocument(input);
    expect(input).toEqual(newerDocument());
  });

  it('shows a newer document whose cells this build would refuse, as long as cells is a list', () => {
    const input = { ...newerDocument(), title: 7, cells: [{ id: 'a', kind: 'load', params: [1] }, 'odd', { id: 'a', kind: 'eda' }] };
    const { document, readOnly } = readDocument(input);
    expect(readOnly).not.toBeNull();
    expect(document.title).toBe('Untitled notebook');
    expect(document.cells.map((cell) => cell.id)).toEqual(['a', 'cell-2', 'a-3']);
    expect(document.cells.map((cell) => cell.kind)).toEqual(['load', '(unreadable)', 'eda']);
    expect(document.cells[0].params).toEqual({});
  });

  it('refuses a newer document without a list of cells or an id, saying which', () => {
    expect(() => readDocument({ ...newerDocument(), cells: {} })).toThrow(new DocumentError(['cells: expected a list']));
    expect(() => readDocument({ ...newerDocument(), id: '' })).toThrow(/^id: expected a non-empty string$/);
  });

  it('still refuses what is no document at all', () => {
    expect(() => readDocument('text')).toThrow(DocumentError);
    expect(() => readDocument({ ...newerDocument(), schemaVersion: 'next' })).toThrow(/schemaVersion: expected a positive integer/);
  });
});

describe('editableCopy', () => {
  it('keeps the cells this build knows and names those it leaves out', () => {
    const { document } = readDocument(newerDocument());
    const copy = editableCopy(document);
    expect(copy.document.cells.map((cell) => cell.id)).toEqual(['load', 'note']);
    expect(copy.document.cells[0].params).toEqual({ target: 'purchaseValue', sampling: { every: 3 } });
    expect(copy.dropped).toEqual(['“Next week” (forecast)']);
    expect(copy.document.schemaVersion).toBe(SCHEMA_VERSION);
  });
});
