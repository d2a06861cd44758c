import { CellError, type CellKind } from './types';

export interface SplitPartStats {
  part: 'train' | 'validation' | 'test';
  rows: number;
  targetMean: number | null;
  zeroShare: number | null;
}

export interface FeatureDescription {
  name: string;
  column: string;
  encoding: string;
}

export interface SkippedColumn {
  column: string;
  reason: string;
}

export interface EncodeView {
  target: string;
  parts: SplitPartStats[];
  features: FeatureDescription[];
  shape: { rows: number; columns: number };
  skipped: SkippedColumn[];
}

// Placeholder until this kind is implemented.
export const encodeCell: CellKind<Record<string, unknown>, EncodeView> = {
  kind: 'encode',
  label: 'Encode',
  description: '',
  inputs: ['table'],
  output: 'features',
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
