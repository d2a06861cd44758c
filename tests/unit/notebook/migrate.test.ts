import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/notebook/document';
import { DocumentError, migrate } from '../../../src/core/notebook/migrate';

const validDocument = () => ({
  schemaVersion: 1,
  id: 'nb-1',
  title: 'Purchase value',
  cells: [
    { id: 'a', kind: 'load', params: { target: 'purchaseValue' } },
    { id: 'b', kind: 'markdown', title: 'Why', params: { text: 'hello' } },
  ],
});

function problemsOf(input: unknown): string[] {
  try {
    migrate(input);
  } catch (error) {
    if (error instanceof DocumentError) return error.problems;
    throw error;
  }
  throw new Error('expected a DocumentError');
}

describe('migrate', () => {
  it('reads a valid current document unchanged', () => {
    expect(migrate(validDocument())).toEqual(validDocument());
  });

  it('gives a cell without params an empty params object', () => {
    const doc = { ...validDocument(), cells: [{ id: 'a', kind: 'load' }] };
    expect(migrate(doc).cells[0].params).toEqual({});
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual(['document: expected a JSON object']);
    expect(problemsOf(null)).toEqual(['document: expected a JSON object']);
  });

  it('refuses a missing or non-integer schemaVersion', () => {
    expect(problemsOf({ ...validDocument(), schemaVersion: undefined })).toEqual(['schemaVersion: expected a positive integer']);
    expect(problemsOf({ ...validDocument(), schemaVersion: 1.5 })).toEqual(['schemaVersion: expected a positive integer']);
  });

  it('refuses a document saved by a newer version, naming both versions', () => {
    const [problem] = problemsOf({ ...validDocument(), schemaVersion: SCHEMA_VERSION + 1 });
    expect(problem).toMatch(/^schemaVersion: /);
    expect(problem).toContain(`(${SCHEMA_VERSION + 1})`);
    expect(problem).toContain(`up to ${SCHEMA_VERSION}`);
  });

  it('reports every problem with its path', () => {
    const problems = problemsOf({
      schemaVersion: 1,
      id: '',
      title: 7,
      cells: [{ id: 'a', kind: 'load', params: [] }, 'cell', { id: 'c', kind: '' }, { id: 'a', kind: 'clean', title: 3 }],
    });
    expect(problems).toEqual([
      'id: expected a non-empty string',
      'title: expected a string',
      'cells[0].params: expected an object',
      'cells[1]: expected an object',
      'cells[2].kind: expected a non-empty string',
      'cells[3].title: expected a string',
      "cells[3].id: duplicate id 'a'",
    ]);
  });

  it('reports cells that are not a list', () => {
    expect(problemsOf({ ...validDocument(), cells: {} })).toEqual(['cells: expected a list']);
  });

  it('keeps __proto__ and constructor keys from reaching any prototype', () => {
    const text = `{"schemaVersion":1,"id":"x","title":"t","__proto__":{"polluted":true},
      "cells":[{"id":"a","kind":"load","params":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"target":"y"}}]}`;
    const doc = migrate(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc.cells[0].params)).toBe(Object.prototype);
    expect(Object.keys(doc.cells[0].params)).toEqual(['target']);
    expect((doc as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies params, so editing the result leaves the input alone', () => {
    const input = validDocument();
    const doc = migrate(input);
    doc.cells[0].params.target = 'other';
    expect(input.cells[0].params.target).toBe('purchaseValue');
  });
});
