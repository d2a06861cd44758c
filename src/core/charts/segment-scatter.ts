import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

export interface ScatterPoints {
  x: readonly number[];
  y: readonly number[];
  /** Each point's segment, an index into the names. */
  segment: readonly number[];
}

const HEIGHT = 320;

const componentTitle = (index: number, ratio: number | undefined) =>
  ratio === undefined ? `PC${index + 1} (none: one feature)` : `PC${index + 1} (${(100 * ratio).toFixed(1)}% of variance)`;

/** The rows on the first two principal components, coloured by segment in segment order. */
export function segmentScatterSpec(points: ScatterPoints, names: readonly string[], explainedVarianceRatio: readonly number[]): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: HEIGHT,
    data: { values: points.x.map((x, i) => ({ pc1: x, pc2: points.y[i], segment: names[points.segment[i]] })) },
    mark: { type: 'circle', size: 14, opacity: 0.55, tooltip: true },
    encoding: {
      x: { field: 'pc1', type: 'quantitative', title: componentTitle(0, explainedVarianceRatio[0]), scale: { zero: false } },
      y: { field: 'pc2', type: 'quantitative', title: componentTitle(1, explainedVarianceRatio[1]), scale: { zero: false } },
      color: { field: 'segment', type: 'nominal', title: 'Segment', scale: { domain: [...names] } },
      tooltip: [
        { field: 'segment', type: 'nominal' },
        { field: 'pc1', type: 'quantitative', format: '.3f' },
        { field: 'pc2', type: 'quantitative', format: '.3f' },
      ],
    },
  };
}
