import { CellError, type CellKind } from './types';

// Placeholder until this kind is implemented.
export const evaluateCell: CellKind = {
  kind: 'evaluate',
  label: 'evaluate',
  description: '',
  inputs: [],
  output: null,
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
