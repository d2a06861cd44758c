import { CellError, type CellKind } from './types';

// Placeholder until this kind is implemented.
export const encodeCell: CellKind = {
  kind: 'encode',
  label: 'encode',
  description: '',
  inputs: [],
  output: null,
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
