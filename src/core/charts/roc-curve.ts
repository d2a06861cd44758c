import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

export interface RatePoint {
  falsePositiveRate: number;
  truePositiveRate: number;
}

/** The ROC curve with the chance diagonal and the operating point of the current threshold. */
export function rocCurveSpec(curve: readonly RatePoint[], current: RatePoint & { threshold: number }, auc: number): TopLevelSpec {
  const x = { field: 'falsePositiveRate', type: 'quantitative' as const, title: 'False positive rate', scale: { domain: [0, 1] } };
  const y = { field: 'truePositiveRate', type: 'quantitative' as const, title: 'True positive rate (recall)', scale: { domain: [0, 1] } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: { text: `ROC curve (AUC ${auc.toFixed(3)})`, fontSize: 12 },
    layer: [
      {
        data: { values: [{ falsePositiveRate: 0, truePositiveRate: 0 }, { falsePositiveRate: 1, truePositiveRate: 1 }] },
        mark: { type: 'line', color: 'gray', strokeDash: [4, 4] },
        encoding: { x, y },
      },
      {
        data: { values: curve.map(({ falsePositiveRate, truePositiveRate }) => ({ falsePositiveRate, truePositiveRate })) },
        mark: { type: 'line', interpolate: 'linear' },
        encoding: { x, y, order: { field: 'falsePositiveRate', type: 'quantitative' } },
      },
      {
        data: { values: [{ ...current }] },
        mark: { type: 'point', filled: true, size: 80, color: '#d62728', tooltip: true },
        encoding: { x, y, tooltip: [{ field: 'threshold', type: 'quantitative', format: '.3f' }, { ...x, format: '.3f' }, { ...y, format: '.3f' }] },
      },
    ],
  };
}
