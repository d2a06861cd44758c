import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

export interface LossPoint {
  epoch: number;
  train: number;
  validation: number;
}

/** The dataset a live loss curve's rows are streamed into while training runs. */
export const LIVE_LOSS_DATA = 'loss';

/** The chart's long form: one row per epoch and series. */
export function lossCurveRows(points: readonly LossPoint[]): { epoch: number; series: string; loss: number }[] {
  return points.flatMap((point) => [
    { epoch: point.epoch, series: 'train', loss: point.train },
    { epoch: point.epoch, series: 'validation', loss: point.validation },
  ]);
}

/**
 * Training and validation loss per epoch, with a rule at the best epoch once known. Drawn from
 * the saved history, or with `points` null from rows streamed into `LIVE_LOSS_DATA` while
 * training runs.
 */
export function lossCurveSpec(points: readonly LossPoint[] | null, bestEpoch: number | null, lossTitle = 'MSE (standardised target)'): TopLevelSpec {
  const lines = {
    mark: { type: 'line' as const, point: points !== null && points.length <= 30, tooltip: true },
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
    data: points ? { values: lossCurveRows(points) } : { name: LIVE_LOSS_DATA },
    layer: bestEpoch === null ? [lines] : [lines, bestRule],
  };
}
