import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

export interface PrecisionRecall {
  recall: number;
  precision: number;
}

/**
 * The precision–recall curve as steps (average precision is the area under the steps), the
 * positive rate as the line a random ranking follows, and the current threshold's point.
 */
export function precisionRecallSpec(curve: readonly PrecisionRecall[], current: PrecisionRecall & { threshold: number }, options: { averagePrecision: number; positiveRate: number }): TopLevelSpec {
  const x = { field: 'recall', type: 'quantitative' as const, title: 'Recall', scale: { domain: [0, 1] } };
  const y = { field: 'precision', type: 'quantitative' as const, title: 'Precision', scale: { domain: [0, 1] } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: { text: `Precision–recall (average precision ${options.averagePrecision.toFixed(3)})`, fontSize: 12 },
    layer: [
      {
        data: { values: [{ recall: 0, precision: options.positiveRate }, { recall: 1, precision: options.positiveRate }] },
        mark: { type: 'line', color: 'gray', strokeDash: [4, 4] },
        encoding: { x, y },
      },
      {
        data: { values: curve.map(({ recall, precision }, step) => ({ recall, precision, step })) },
        mark: { type: 'line', interpolate: 'step-before' },
        encoding: { x, y, order: { field: 'step', type: 'quantitative' } },
      },
      {
        data: { values: [{ ...current }] },
        mark: { type: 'point', filled: true, size: 80, color: '#d62728', tooltip: true },
        encoding: { x, y, tooltip: [{ field: 'threshold', type: 'quantitative', format: '.3f' }, { ...x, format: '.3f' }, { ...y, format: '.3f' }] },
      },
    ],
  };
}
