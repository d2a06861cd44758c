import { predictedVsActualSpec } from '../../charts/predicted-vs-actual';
import type { EvaluateView } from '../../cells/evaluate';
import type { ExhibitsOf } from './types';

export const evaluateExhibits: ExhibitsOf<EvaluateView> = (view) => [
  {
    type: 'table',
    caption: `Test metrics (${view.testRows} held-out rows)`,
    columns: ['', 'R²', 'RMSE', 'MAE'],
    rows: [
      ['Model (test)', view.model.r2, view.model.rmse, view.model.mae],
      [`Baseline: training mean (${view.baseline.prediction})`, view.baseline.r2, view.baseline.rmse, view.baseline.mae],
    ],
  },
  {
    type: 'chart',
    title: 'Predicted against actual values on test rows',
    spec: predictedVsActualSpec(view.points, { target: view.target, log1p: true }),
  },
];
