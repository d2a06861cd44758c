import type { TopLevelSpec } from 'vega-lite';
import type { ScanPoint } from '../segment/choose-k';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

const INERTIA_COLOUR = '#4c78a8';
const SILHOUETTE_COLOUR = '#f58518';

/**
 * Inertia (left axis) and silhouette (right axis) by k, with a dashed rule at the chosen k: the
 * elbow is where inertia stops falling steeply; a higher silhouette means better-separated segments.
 */
export function elbowSpec(scan: readonly ScanPoint[], chosenK: number): TopLevelSpec {
  const x = { field: 'k', type: 'quantitative' as const, title: 'k (segments)', axis: { tickMinStep: 1 }, scale: { zero: false } };
  const tooltip = [
    { field: 'k', type: 'quantitative' as const },
    { field: 'inertia', type: 'quantitative' as const, format: ',.1f' },
    { field: 'silhouette', type: 'quantitative' as const, format: '.3f' },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: scan.map((point) => ({ k: point.k, inertia: point.inertia, silhouette: point.silhouette })) },
    layer: [
      {
        mark: { type: 'line', point: true, color: INERTIA_COLOUR, tooltip: true },
        encoding: { x, y: { field: 'inertia', type: 'quantitative', title: 'Inertia', scale: { zero: false }, axis: { titleColor: INERTIA_COLOUR } }, tooltip },
      },
      {
        transform: [{ filter: 'datum.silhouette != null' }],
        mark: { type: 'line', point: true, color: SILHOUETTE_COLOUR, tooltip: true },
        encoding: { x, y: { field: 'silhouette', type: 'quantitative', title: 'Silhouette', scale: { zero: false }, axis: { titleColor: SILHOUETTE_COLOUR, orient: 'right' } }, tooltip },
      },
      {
        data: { values: [{ k: chosenK }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' },
        encoding: { x: { field: 'k', type: 'quantitative' }, tooltip: [{ field: 'k', type: 'quantitative', title: 'chosen k' }] },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
