import type { CleanView } from '../../cells/clean';
import type { ExhibitsOf } from './types';

export const cleanExhibits: ExhibitsOf<CleanView> = (view) => [
  { type: 'text', text: `${view.rowsBefore} → ${view.rows} rows, ${view.columnsBefore} → ${view.columnsAfter} columns` },
  {
    type: 'table',
    caption: 'Steps, in the order they ran',
    columns: ['step', 'on', 'what changed', 'warnings'],
    rows: view.steps.map((step) => [step.label, step.enabled, step.line, step.report.warnings.join(' ')]),
  },
];
