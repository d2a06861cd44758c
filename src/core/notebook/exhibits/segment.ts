import { elbowSpec } from '../../charts/elbow';
import { segmentScatterSpec } from '../../charts/segment-scatter';
import type { SegmentView } from '../../cells/segment';
import { figure } from './figure';
import type { ExhibitsOf } from './types';

export const segmentExhibits: ExhibitsOf<SegmentView> = (view) => [
  { type: 'text', text: `${view.k} segments of ${view.rowsUsed} rows by ${view.features.join(', ')}; silhouette ${view.silhouette === null ? 'undefined' : figure(view.silhouette)}` },
  { type: 'chart', title: 'Inertia and silhouette by number of segments', spec: elbowSpec(view.scan, view.k) },
  { type: 'chart', title: 'Segments on the first two principal components', spec: segmentScatterSpec(view.scatter, view.names, view.explainedVarianceRatio) },
];
