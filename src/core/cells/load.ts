import { CellError, type CellKind } from './types';

// Placeholder until this kind is implemented.
export const loadCell: CellKind = {
  kind: 'load',
  label: 'load',
  description: '',
  inputs: [],
  output: null,
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
