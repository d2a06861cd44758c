import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

export interface LossPoint {
  epoch: number;
  train: number;
  validation: number;
}

/**
 * Training and validation loss per epoch, with a rule at the best epoch once known. Drawn live
 * from progress points while training runs, then from the saved history.
 */
export function lossCurveSpec(points: readonly LossPoint[], bestEpoch: number | null, lossTitle = 'MSE (standardised target)'): TopLevelSpec {
  const values = points.flatMap((point) => [
    { epoch: point.epoch, series: 'train', loss: point.train },
    { epoch: point.epoch, series: 'validation', loss: point.validation },
  ]);
  const lines = {
    mark: { type: 'line' as const, point: points.length <= 30, tooltip: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative' as const, title: 'Epoch', axis: { tickMinStep: 1 } },
      y: { field: 'loss', type: 'quantitative' as const, title: lossTitle, scale: { zero: false } },
      color: { field: 'series', type: 'nominal' as const, title: null, scale: { domain: ['train', 'validation'] } },
      tooltip: [
        { field: 'series', type: 'nominal' as const },
        { field: 'epoch', type: 'quantitative' as const },
        { field: 'loss', type: 'quantitative' as const, format: '.4f' },
      ],
    },
  };
  const bestRule = {
    data: { values: [{ epoch: bestEpoch }] },
    mark: { type: 'rule' as const, strokeDash: [4, 4], color: 'gray' },
    encoding: { x: { field: 'epoch', type: 'quantitative' as const }, tooltip: [{ field: 'epoch', type: 'quantitative' as const, title: 'best epoch' }] },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: bestEpoch === null ? [lines] : [lines, bestRule],
  };
}
