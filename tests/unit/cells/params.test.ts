import { describe, expect, it } from 'vitest';
import { validateParams } from '../../../src/core/cells/params';
import type { CellKind, OperationSpec } from '../../../src/core/cells/types';

const scale: OperationSpec = {
  op: 'scale',
  label: 'Scale',
  fields: [
    { key: 'factor', label: 'Factor', type: 'number', min: 0 },
    { key: 'columns', label: 'Columns', type: 'columns' },
  ],
  defaults: () => ({ factor: 1, columns: [] }),
};
const note: OperationSpec = { op: 'note', label: 'Note', fields: [{ key: 'text', label: 'Text', type: 'text' }], defaults: () => ({ text: '' }) };

const kind: CellKind = {
  kind: 'pipeline',
  label: 'Pipeline',
  description: '',
  inputs: [],
  output: null,
  fields: [{ key: 'steps', label: 'Steps', type: 'operations', operations: [scale, note] }],
  defaults: () => ({ steps: [] }),
  run: async () => ({ view: null, summary: {} }),
};

describe('validateParams, operations fields', () => {
  it('accepts items whose missing parameters take their operation’s defaults', () => {
    expect(validateParams(kind, { steps: [{ op: 'scale' }, { op: 'note', text: 'why' }, { op: 'scale', factor: 2, columns: ['a'] }] })).toEqual([]);
  });

  it('names the item, its operation and its field', () => {
    expect(validateParams(kind, { steps: [{ op: 'note' }, { op: 'scale', factor: -1 }] })).toEqual([{ path: 'steps', message: 'Steps: item 2 (Scale), Factor: must be at least 0' }]);
  });

  it('refuses an unknown operation, an item that is not an object, and a value that is not a list', () => {
    expect(validateParams(kind, { steps: [{ op: 'sort' }] })[0].message).toBe('Steps: item 1: expected one of scale, note');
    expect(validateParams(kind, { steps: [null] })[0].message).toBe('Steps: item 1: expected one of scale, note');
    expect(validateParams(kind, { steps: 'scale' })[0].message).toBe('Steps: expected a list of operations');
  });
});
