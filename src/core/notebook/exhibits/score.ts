import { histogramSpec } from '../../charts/histogram';
import type { ScoreView } from '../../cells/score';
import { cellOfType, figure } from './figure';
import type { ExhibitsOf } from './types';

export const scoreExhibits: ExhibitsOf<ScoreView> = (view) => [
  {
    type: 'text',
    text: `Scored ${view.rows} rows into ${view.column}${view.probabilityColumn ? ` and ${view.probabilityColumn}` : ''}; mean ${figure(view.spread.mean)}, median ${figure(view.spread.p50)}, p99 ${figure(view.spread.p99)}, ${figure(100 * view.spread.aboveZero)}% above 0`,
  },
  { type: 'chart', title: `Predicted ${view.target}`, spec: histogramSpec(view.bins, { title: `Predicted ${view.target}`, valueTitle: view.column }) },
  {
    type: 'table',
    caption: 'Highest-scored rows',
    columns: view.top.columns.map((column) => column.name),
    rows: view.top.rows.map((row) => row.map((value, index) => cellOfType(value, view.top.columns[index].type))),
  },
];
