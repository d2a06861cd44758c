import { CellError, type CellKind } from './types';

export interface LossPoint {
  epoch: number;
  train: number;
  validation: number;
}

export interface TrainMlpView {
  history: LossPoint[];
  bestEpoch: number;
  epochsRun: number;
  maxEpochs: number;
  stoppedEarly: boolean;
  backend: string;
  parameterCount: number;
  seconds: number;
  samplesPerSecond: number;
}

// Placeholder until this kind is implemented.
export const trainMlpCell: CellKind<Record<string, unknown>, TrainMlpView> = {
  kind: 'train-mlp',
  label: 'Train MLP',
  description: '',
  inputs: ['features'],
  output: 'model',
  fields: [],
  defaults: () => ({}),
  run: async () => {
    throw new CellError('not implemented');
  },
};
