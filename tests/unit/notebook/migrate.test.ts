import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanCell } from '../../../src/core/cells/clean';
import { validateParams } from '../../../src/core/cells/params';
import { SCHEMA_VERSION } from '../../../src/core/notebook/document';
import { DocumentError, MAX_CELLS, MAX_DEPTH, migrate } from '../../../src/core/notebook/migrate';

const validDocument = () => ({
  schemaVersion: SCHEMA_VERSION,
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
      schemaVersion: SCHEMA_VERSION,
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
    const text = `{"schemaVersion":${SCHEMA_VERSION},"id":"x","title":"t","__proto__":{"polluted":true},
      "cells":[{"id":"a","kind":"load","params":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"target":"y"}}]}`;
    const doc = migrate(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc.cells[0].params)).toBe(Object.prototype);
    expect(Object.keys(doc.cells[0].params)).toEqual(['target']);
    expect((doc as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a constructor key at the top level from reaching Object', () => {
    const text = `{"schemaVersion":${SCHEMA_VERSION},"id":"x","title":"t","constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},"cells":[]}`;
    const doc = migrate(JSON.parse(text)) as unknown as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(doc, 'constructor')).toBe(false);
    expect(doc.constructor).toBe(Object);
  });

  it(`opens a notebook of ${MAX_CELLS} cells and refuses one cell more, counting them`, () => {
    const cells = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `c${i}`, kind: 'markdown', params: { text: '' } }));
    expect(migrate({ ...validDocument(), cells: cells(MAX_CELLS) }).cells).toHaveLength(MAX_CELLS);
    expect(problemsOf({ ...validDocument(), cells: cells(MAX_CELLS + 1) })).toEqual([`cells: 1,001 cells, more than the 1,000 a notebook may hold`]);
    expect(problemsOf({ ...validDocument(), cells: cells(20_000) })).toEqual([`cells: 20,000 cells, more than the 1,000 a notebook may hold`]);
  });

  it('refuses parameters nested deeper than any notebook needs, instead of overflowing the stack', () => {
    // Built by JSON.parse, as an imported file would be: a recursive builder would overflow first.
    const nested = (levels: number): unknown => JSON.parse(`${'{"inner":'.repeat(levels)}1${'}'.repeat(levels)}`);
    const withParams = (params: unknown) => ({ ...validDocument(), cells: [{ id: 'a', kind: 'load', params }] });
    const refusal = [`document: nested more than ${MAX_DEPTH} levels deep`];
    // The document, its cells list and a cell are the first three levels; params the fourth.
    expect(() => migrate(withParams(nested(MAX_DEPTH - 3)))).not.toThrow();
    expect(problemsOf(withParams(nested(MAX_DEPTH - 2)))).toEqual(refusal);
    expect(problemsOf(withParams(nested(100_000)))).toEqual(refusal);
  });

  it('copies params, so editing the result leaves the input alone', () => {
    const input = validDocument();
    const doc = migrate(input);
    doc.cells[0].params.target = 'other';
    expect(input.cells[0].params.target).toBe('purchaseValue');
  });

  describe('from version 1', () => {
    const v1 = (cleanParams?: Record<string, unknown>) => ({
      schemaVersion: 1,
      id: 'old',
      title: 'Saved before Clean had steps',
      cells: [
        { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
        { id: 'clean', kind: 'clean', ...(cleanParams ? { params: cleanParams } : {}) },
      ],
    });
    const stepsOf = (doc: ReturnType<typeof migrate>) => doc.cells[1].params.steps as Record<string, unknown>[];

    it('turns the old Clean options into the same steps, in the order version 1 ran them', () => {
      const doc = migrate(v1({ junkTokens: ['(not set)', 'NA'], fillBlanksAsZero: true, dropConstant: true, maxMissingShare: 0.5, fillTargetWithZero: true }));
      expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
      expect(doc.cells[1].params).toEqual({
        steps: [
          { op: 'junk-tokens', enabled: true, tokens: ['(not set)', 'NA'], emptyText: false, columns: [] },
          { op: 'retype', enabled: true },
          { op: 'blanks-as-zero', enabled: true, columns: [] },
          { op: 'drop-constant', enabled: true },
          { op: 'drop-mostly-missing', enabled: true, maxMissingShare: 0.5 },
          { op: 'fill-target', enabled: true },
        ],
      });
    });

    it('keeps an option that was off as a step switched off', () => {
      const steps = stepsOf(migrate(v1({ fillBlanksAsZero: false, dropConstant: false, fillTargetWithZero: false })));
      expect(steps.filter((step) => step.enabled === false).map((step) => step.op)).toEqual(['blanks-as-zero', 'drop-constant', 'fill-target']);
    });

    it('gives omitted options their version-1 defaults, not today\'s', () => {
      for (const doc of [migrate(v1({})), migrate(v1())]) {
        const [junk, , , , dropMissing] = stepsOf(doc);
        expect(junk.tokens).toEqual(['not available in demo dataset', '(not set)', '(not provided)', 'unknown.unknown', 'N/A', 'n/a', 'NULL', 'null']);
        expect(dropMissing.maxMissingShare).toBe(0.95);
        expect(stepsOf(doc).every((step) => step.enabled === true)).toBe(true);
      }
    });

    it('passes a bad old value on to the step, where parameter checks name it', () => {
      const steps = stepsOf(migrate(v1({ maxMissingShare: 1.5 })));
      expect(steps[4]).toEqual({ op: 'drop-mostly-missing', enabled: true, maxMissingShare: 1.5 });
    });

    it('opens the version-1 template with Clean steps that pass their parameter checks', () => {
      const fixture = JSON.parse(readFileSync(new URL('../../../notebooks/fixtures/purchase-value-v1.json', import.meta.url), 'utf8'));
      const clean = migrate(fixture).cells.find((cell) => cell.kind === 'clean')!;
      expect(validateParams(cleanCell, clean.params)).toEqual([]);
      expect((clean.params.steps as { op: string }[]).map((step) => step.op)).toEqual(['junk-tokens', 'retype', 'blanks-as-zero', 'drop-constant', 'drop-mostly-missing', 'fill-target']);
    });

    it('leaves other cells alone', () => {
      expect(migrate(v1()).cells[0]).toEqual({ id: 'load', kind: 'load', params: { target: 'purchaseValue' } });
    });
  });
});
