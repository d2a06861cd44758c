import { calibrationSpec } from '../../charts/calibration-plot';
import type { ClassifyView } from '../../cells/classify';
import { figure } from './figure';
import type { ExhibitsOf } from './types';

/** At the threshold the run chose; the workbench's slider moves it, a file shows where it stood. */
export const classifyExhibits: ExhibitsOf<ClassifyView> = (view) => [
  {
    type: 'table',
    caption: `Test rows (${view.test.rows}), class ${view.positiveClass}, threshold ${figure(view.threshold)}`,
    columns: ['ROC AUC', 'average precision', 'positive rate', 'accuracy', 'precision', 'recall', 'F1'],
    rows: [[view.test.rocAuc, view.test.averagePrecision, view.test.positiveRate, view.test.accuracy, view.test.precision, view.test.recall, view.test.f1]],
  },
  { type: 'chart', title: 'Reliability of the predicted probabilities on test rows', spec: calibrationSpec(view.test.calibration) },
];
