import type { EdaView } from '../../cells/eda';
import { cellOfType } from './figure';
import type { Exhibit, ExhibitsOf } from './types';

export const edaExhibits: ExhibitsOf<EdaView> = (view) => {
  const exhibits: Exhibit[] = [];
  if (view.targetMessage) exhibits.push({ type: 'text', text: view.targetMessage });
  for (const chart of view.charts) exhibits.push({ type: 'chart', title: chart.title, spec: chart.spec });
  if (view.matrix) exhibits.push({ type: 'chart', title: 'Correlation between numeric columns', spec: view.matrix.spec });
  exhibits.push({
    type: 'table',
    caption: `${view.columns.length} columns, ${view.rows} rows`,
    columns: ['column', 'type', 'count', 'missing', 'distinct', 'min', 'mean', 'max'],
    rows: view.columns.map((column) => [column.name, column.type, column.count, column.missing, column.distinct, ...[column.min, column.mean, column.max].map((value) => cellOfType(value, column.type))]),
  });
  return exhibits;
};
