import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

export interface PredictionPoint {
  actual: number;
  predicted: number;
}

/**
 * Test rows as points with the y = x line (perfect predictions). `log1p` uses symlog axes
 * (sign(v)·log(1 + |v|)): a zero-inflated, heavy-tailed target is unreadable on linear axes.
 */
export function predictedVsActualSpec(points: readonly PredictionPoint[], options: { target: string; log1p: boolean }): TopLevelSpec {
  let low = 0;
  let high = 0;
  for (const point of points) {
    low = Math.min(low, point.actual, point.predicted);
    high = Math.max(high, point.actual, point.predicted);
  }
  const scale = options.log1p ? { type: 'symlog' as const, constant: 1 } : { zero: false };
  const x = { field: 'actual', type: 'quantitative' as const, title: `Actual ${options.target}`, scale };
  const y = { field: 'predicted', type: 'quantitative' as const, title: `Predicted ${options.target}`, scale };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: CHART_HEIGHT + 80,
    layer: [
      {
        data: { values: points.map((point) => ({ actual: point.actual, predicted: point.predicted })) },
        mark: { type: 'point', filled: true, size: 14, opacity: 0.35, tooltip: true },
        encoding: { x, y },
      },
      {
        data: { values: [{ actual: low, predicted: low }, { actual: high, predicted: high }] },
        mark: { type: 'line', color: 'gray', strokeDash: [4, 4] },
        encoding: { x, y },
      },
    ],
  };
}
