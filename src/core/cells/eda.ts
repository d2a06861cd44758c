import { CellError, type CellKind } from './types';

// Placeholder until this kind is implemented.
export const edaCell: CellKind = {
  kind: 'eda',
  label: 'eda',
  description: '',
  inputs: [],
  output: null,
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
