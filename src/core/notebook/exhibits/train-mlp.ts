import { lossCurveSpec } from '../../charts/loss-curve';
import { keptEpochText, trainedParts, type TrainedPart, type TrainMlpView } from '../../cells/train-mlp';
import { figure } from './figure';
import type { Exhibit, ExhibitsOf } from './types';

function partExhibits(name: string, part: TrainedPart, maxEpochs: number): Exhibit[] {
  const prefix = name ? `${name}: ` : '';
  return [
    { type: 'chart', title: `${prefix}Training and validation loss per epoch`, spec: lossCurveSpec(part.history, part.bestEpoch, part.lossLabel) },
    { type: 'text', text: `${prefix}Best epoch ${keptEpochText(part, maxEpochs)}; best validation loss ${figure(part.bestValidationLoss)} (${part.lossLabel})` },
  ];
}

export const trainMlpExhibits: ExhibitsOf<TrainMlpView> = (view) => [
  ...trainedParts(view).flatMap(({ name, part }) => partExhibits(name, part, view.maxEpochs)),
  { type: 'text', text: `${view.parameterCount} parameters; ${figure(view.seconds)} s on ${view.backend}` },
];
