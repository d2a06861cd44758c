import { describe, expect, it } from 'vitest';
import { suggestSteps } from '../../../../src/core/data/clean/suggest';
import { tableArtifact } from '../table-fixture';

const rows = 30;
const repeat = <T>(make: (row: number) => T) => Array.from({ length: rows }, (_, row) => make(row));

describe('suggestSteps', () => {
  const data = tableArtifact(
    {
      sessionKey: ['categorical', repeat((row) => `s-${row}`)],
      bounces: ['number', repeat((row) => (row % 3 === 0 ? null : 1))],
      revenue: ['categorical', repeat((row) => (row === 4 ? 'n/a' : String(row * 2)))],
      medium: ['categorical', repeat((row) => (row % 5 === 0 ? 'N/A' : row % 2 ? 'organic' : 'cpc'))],
      social: ['categorical', repeat(() => 'Not Socially Engaged')],
      value: ['number', repeat((row) => (row % 7 === 0 ? null : row))],
    },
    'value',
  );
  const suggestions = suggestSteps(data);
  const byOp = (op: string) => suggestions.find((suggestion) => suggestion.step.op === op);

  it('suggests placeholders per column, with the tokens found', () => {
    expect(byOp('junk-tokens')?.step).toMatchObject({ tokens: ['n/a', 'N/A'], columns: ['revenue', 'medium'], emptyText: false });
    expect(byOp('junk-tokens')?.report.valuesChanged).toBe(7);
  });

  it('suggests reading numbers stored as text, and filling 1-or-blank columns with 0', () => {
    expect(byOp('type-fix')?.step).toMatchObject({ columns: ['revenue'], to: 'number' });
    expect(byOp('type-fix')?.report.changes[0].detail).toBe('categorical → number; 1 value unreadable → missing (“n/a” ×1)');
    expect(byOp('blanks-as-zero')?.step).toMatchObject({ columns: ['bounces'] });
    expect(byOp('blanks-as-zero')?.report.valuesChanged).toBe(10);
  });

  it('suggests dropping constant and identifier-like columns, with what would go', () => {
    // A 1-or-blank column is constant too; while its fill is suggested, the constant ones are named instead.
    expect(byOp('drop-columns')?.step).toMatchObject({ columns: ['social'] });
    expect(byOp('drop-columns')?.reason).toBe('Constant: social');
    const filled = tableArtifact({ bounces: ['number', [1, 0, 1, 0]], social: ['categorical', ['a', 'a', 'a', 'a']], id: ['number', [1, 2, 3, 4]] });
    expect(suggestSteps(filled).find((suggestion) => suggestion.step.op === 'drop-constant')?.report.columnsDropped).toEqual(['social']);
    // revenue looks like an identifier only while its numbers are text.
    const identifiers = suggestions.find((suggestion) => suggestion.reason.startsWith('Identifier-like'));
    expect(identifiers?.step).toMatchObject({ op: 'drop-columns', columns: ['sessionKey'] });
    const ids = tableArtifact({ sessionKey: ['categorical', repeat((row) => `s-${row}`)], hits: ['number', repeat((row) => row)] });
    expect(suggestSteps(ids).find((suggestion) => suggestion.step.op === 'drop-identifiers')?.report.columnsDropped).toEqual(['sessionKey']);
  });

  it('applies nothing: the table is left as it was', () => {
    expect(data.table.array('medium')).toContain('N/A');
    expect(data.columns.map((column) => column.name)).toEqual(['sessionKey', 'bounces', 'revenue', 'medium', 'social', 'value']);
  });

  it('suggests dropping duplicate rows only where there are some', () => {
    expect(byOp('drop-duplicates')).toBeUndefined();
    const copies = tableArtifact({ a: ['number', [1, 1, 2]], b: ['categorical', ['x', 'x', 'y']] });
    expect(suggestSteps(copies).find((suggestion) => suggestion.step.op === 'drop-duplicates')?.reason).toBe('1 row repeat an earlier row');
  });

  it('suggests nothing for a clean table', () => {
    const clean = tableArtifact({ hits: ['number', repeat((row) => row)], channel: ['categorical', repeat((row) => (row % 2 ? 'Direct' : 'Organic'))] });
    expect(suggestSteps(clean)).toEqual([]);
  });
});
