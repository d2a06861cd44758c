import { CellError, type CellKind } from './types';

// Placeholder until this kind is implemented.
export const cleanCell: CellKind = {
  kind: 'clean',
  label: 'clean',
  description: '',
  inputs: [],
  output: null,
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
