import type { LoadView } from '../../cells/load';
import { cellOfType } from './figure';
import type { ExhibitsOf } from './types';

export const loadExhibits: ExhibitsOf<LoadView> = (view) => {
  const previewColumns = view.columns.slice(0, view.preview[0]?.length ?? 0);
  return [
    { type: 'text', text: [`${view.fileName}: ${view.rows} rows × ${view.columns.length} columns (${view.format})`, ...view.warnings].join('\n') },
    {
      type: 'table',
      caption: 'Column types and missing values',
      columns: ['column', 'type', 'missing'],
      rows: view.columns.map((column) => [column.name, column.type, column.missing]),
    },
    {
      type: 'table',
      caption: `First ${view.preview.length} rows`,
      columns: previewColumns.map((column) => column.name),
      rows: view.preview.map((row) => row.map((value, index) => cellOfType(value, previewColumns[index].type))),
    },
  ];
};
