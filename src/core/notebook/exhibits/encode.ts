import type { EncodeView } from '../../cells/encode';
import type { ExhibitsOf } from './types';

export const encodeExhibits: ExhibitsOf<EncodeView> = (view) => [
  { type: 'text', text: `${view.shape.rows} rows × ${view.shape.columns} features, target ${view.target} (${view.targetTransform}), ${view.split} split` },
  {
    type: 'table',
    caption: 'Split',
    columns: ['part', 'rows', 'target mean', 'zero targets', 'target max'],
    rows: view.parts.map((part) => [part.part, part.rows, part.targetMean, part.zeroShare, part.targetMax]),
  },
  { type: 'table', caption: 'Features', columns: ['feature', 'column', 'encoding'], rows: view.features.map((feature) => [feature.name, feature.column, feature.encoding]) },
];
