import { CellError, type CellKind } from './types';

export interface RegressionScores {
  r2: number | null;
  rmse: number;
  mae: number;
}

export interface EvaluateView {
  target: string;
  testRows: number;
  model: RegressionScores;
  baseline: RegressionScores;
  validationR2: number | null;
  clampedPredictions: number;
  /** A sample of test rows for the predicted-vs-actual chart. */
  points: { actual: number; predicted: number }[];
}

// Placeholder until this kind is implemented.
export const evaluateCell: CellKind<Record<string, unknown>, EvaluateView> = {
  kind: 'evaluate',
  label: 'Evaluate',
  description: '',
  inputs: ['model'],
  output: null,
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
