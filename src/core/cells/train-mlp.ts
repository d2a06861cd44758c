import { CellError, type CellKind } from './types';

// Placeholder until this kind is implemented.
export const trainMlpCell: CellKind = {
  kind: 'train-mlp',
  label: 'train-mlp',
  description: '',
  inputs: [],
  output: null,
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
