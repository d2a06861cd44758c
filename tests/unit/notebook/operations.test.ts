import { describe, expect, it } from 'vitest';
import type { NotebookDocument } from '../../../src/core/notebook/document';
import { duplicateCell, insertCell, moveCell, removeCell, renameCell, updateCellParams } from '../../../src/core/notebook/operations';

const notebook = (): NotebookDocument => ({
  schemaVersion: 2,
  id: 'nb',
  title: 'Test',
  cells: [
    { id: 'a', kind: 'load', params: { target: 'y' } },
    { id: 'b', kind: 'clean', params: { junkTokens: ['(not set)'] } },
    { id: 'c', kind: 'eda', title: 'Look', params: {} },
  ],
});

const ids = (doc: NotebookDocument) => doc.cells.map((cell) => cell.id);

describe('insertCell', () => {
  it('inserts at the index with a fresh id', () => {
    const doc = insertCell(notebook(), { kind: 'markdown', params: { text: 'x' } }, 1);
    expect(doc.cells.map((cell) => cell.kind)).toEqual(['load', 'markdown', 'clean', 'eda']);
    expect(['a', 'b', 'c']).not.toContain(doc.cells[1].id);
  });

  it('appends by default and clamps an index past either end', () => {
    expect(insertCell(notebook(), { kind: 'markdown', params: {} }).cells[3].kind).toBe('markdown');
    expect(insertCell(notebook(), { kind: 'markdown', params: {} }, 99).cells[3].kind).toBe('markdown');
    expect(insertCell(notebook(), { kind: 'markdown', params: {} }, -5).cells[0].kind).toBe('markdown');
  });

  it('gives two inserted cells different ids', () => {
    const once = insertCell(notebook(), { kind: 'markdown', params: {} });
    const twice = insertCell(once, { kind: 'markdown', params: {} });
    expect(new Set(ids(twice)).size).toBe(5);
  });
});

describe('removeCell', () => {
  it('removes only the named cell and leaves the input document alone', () => {
    const original = notebook();
    expect(ids(removeCell(original, 'b'))).toEqual(['a', 'c']);
    expect(ids(original)).toEqual(['a', 'b', 'c']);
  });
});

describe('duplicateCell', () => {
  it('places a deep copy with a new id right after the original', () => {
    const doc = duplicateCell(notebook(), 'b');
    expect(doc.cells).toHaveLength(4);
    expect(doc.cells[2].kind).toBe('clean');
    expect(doc.cells[2].id).not.toBe('b');
    expect(doc.cells[2].params).toEqual({ junkTokens: ['(not set)'] });
    (doc.cells[2].params.junkTokens as string[]).push('other');
    expect(doc.cells[1].params.junkTokens).toEqual(['(not set)']);
  });

  it('keeps the title of the copied cell', () => {
    expect(duplicateCell(notebook(), 'c').cells[3].title).toBe('Look');
  });

  it('returns the same document for an unknown id', () => {
    const doc = notebook();
    expect(duplicateCell(doc, 'zzz')).toBe(doc);
  });
});

describe('moveCell', () => {
  it('moves a cell up and down by one place', () => {
    expect(ids(moveCell(notebook(), 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveCell(notebook(), 'b', 1))).toEqual(['a', 'c', 'b']);
  });

  it('clamps at the ends and returns the same document when nothing moves', () => {
    const doc = notebook();
    expect(moveCell(doc, 'a', -1)).toBe(doc);
    expect(moveCell(doc, 'c', 1)).toBe(doc);
    expect(ids(moveCell(doc, 'a', 10))).toEqual(['b', 'c', 'a']);
  });
});

describe('updateCellParams', () => {
  it('merges the given params into the named cell only', () => {
    const original = notebook();
    const doc = updateCellParams(original, 'a', { extra: 1 });
    expect(doc.cells[0].params).toEqual({ target: 'y', extra: 1 });
    expect(doc.cells[1]).toBe(original.cells[1]);
    expect(original.cells[0].params).toEqual({ target: 'y' });
  });
});

describe('renameCell', () => {
  it('sets a title, and an empty or blank title removes it', () => {
    expect(renameCell(notebook(), 'a', 'Read file').cells[0].title).toBe('Read file');
    const cleared = renameCell(notebook(), 'c', '  ');
    expect('title' in cleared.cells[2]).toBe(false);
  });
});
