import type { AggregateView } from '../../cells/aggregate';
import type { ExhibitsOf } from './types';

export const aggregateExhibits: ExhibitsOf<AggregateView> = (view) => {
  const previewColumns = view.columns.slice(0, view.preview[0]?.length ?? 0);
  return [
    { type: 'text', text: [`${view.rowsIn} rows → ${view.groups} groups by ${view.groupBy}`, ...view.warnings, ...view.notes].join('\n') },
    { type: 'table', caption: 'Features built', columns: ['feature', 'from', 'type'], rows: view.features.map((feature) => [feature.name, feature.origin, feature.type]) },
    { type: 'table', caption: `First ${view.preview.length} groups`, columns: previewColumns.map((column) => column.name), rows: view.preview },
  ];
};
