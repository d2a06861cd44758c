import { lossCurveSpec } from '../../charts/loss-curve';
import type { TrainMlpView } from '../../cells/train-mlp';
import { figure } from './figure';
import type { ExhibitsOf } from './types';

export const trainMlpExhibits: ExhibitsOf<TrainMlpView> = (view) => [
  { type: 'chart', title: 'Training and validation loss per epoch', spec: lossCurveSpec(view.history, view.bestEpoch) },
  {
    type: 'text',
    text: `Best epoch ${view.bestEpoch} of ${view.epochsRun}${view.stoppedEarly ? ` (stopped early, max ${view.maxEpochs})` : ''}; best validation loss ${figure(view.bestValidationLoss)}; ${view.parameterCount} parameters; ${figure(view.seconds)} s on ${view.backend}`,
  },
];
