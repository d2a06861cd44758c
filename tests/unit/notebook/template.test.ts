import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../src/core/cells/params';
import { getCellKind } from '../../../src/core/cells/registry';
import { DocumentError, migrate } from '../../../src/core/notebook/migrate';
import { instantiateTemplate } from '../../../src/core/notebook/template';

const template = JSON.parse(readFileSync(new URL('../../../notebooks/purchase-value.json', import.meta.url), 'utf8'));

describe('instantiateTemplate', () => {
  it('keeps the title and the cells in order', () => {
    const doc = instantiateTemplate(template);
    expect(doc.title).toBe(template.title);
    expect(doc.cells.map((cell) => cell.kind)).toEqual(['load', 'clean', 'eda', 'encode', 'train-mlp', 'evaluate', 'classify', 'score']);
  });

  it('gives the notebook and every cell fresh ids, different each time', () => {
    const first = instantiateTemplate(template);
    const second = instantiateTemplate(template);
    const templateIds = template.cells.map((cell: { id: string }) => cell.id);
    expect(first.id).not.toBe(template.id);
    expect(first.id).not.toBe(second.id);
    for (const [index, cell] of first.cells.entries()) {
      expect(templateIds).not.toContain(cell.id);
      expect(cell.id).not.toBe(second.cells[index].id);
    }
    expect(new Set(first.cells.map((cell) => cell.id)).size).toBe(first.cells.length);
  });

  it("writes out every parameter of each kind: the template's values over the kind's defaults", () => {
    const doc = instantiateTemplate(template);
    doc.cells.forEach((cell, index) => {
      const kind = getCellKind(cell.kind)!;
      expect(Object.keys(cell.params).sort()).toEqual(kind.fields.map((field) => field.key).sort());
      expect(cell.params).toEqual(resolveParams(kind, template.cells[index].params));
    });
    // The shipped template departs from the defaults in one place: Encode log-transforms skewed columns.
    expect(doc.cells.find((cell) => cell.kind === 'encode')!.params).toEqual({ ...resolveParams(getCellKind('encode')!, {}), logSkewed: true });
  });

  it('keeps saved parameter values over the defaults', () => {
    const doc = instantiateTemplate({ ...template, cells: [{ id: 'x', kind: 'markdown', params: { text: 'Read me' } }] });
    expect(doc.cells[0].params).toEqual({ text: 'Read me' });
  });

  it('keeps the params of a kind it does not know as they are', () => {
    const doc = instantiateTemplate({ ...template, cells: [{ id: 'x', kind: 'future-kind', params: { depth: 3 } }] });
    expect(doc.cells[0].params).toEqual({ depth: 3 });
  });

  it('produces a document that migrate() reads back unchanged', () => {
    const doc = instantiateTemplate(template);
    expect(migrate(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('refuses a template that is not a notebook', () => {
    expect(() => instantiateTemplate({ cells: [] })).toThrow(DocumentError);
  });
});
