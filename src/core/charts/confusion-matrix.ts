import type { TopLevelSpec } from 'vega-lite';
import type { ConfusionCounts } from '../metrics/classification';
import { VEGA_LITE_SCHEMA } from './spec-base';

/** A 2 × 2 grid of row counts, actual class down, predicted across, shaded by the share of rows. */
export function confusionMatrixSpec(counts: ConfusionCounts): TopLevelSpec {
  const total = counts.truePositives + counts.falsePositives + counts.trueNegatives + counts.falseNegatives;
  const cells = [
    { actual: 'positive', predicted: 'positive', rows: counts.truePositives },
    { actual: 'positive', predicted: 'negative', rows: counts.falseNegatives },
    { actual: 'negative', predicted: 'positive', rows: counts.falsePositives },
    { actual: 'negative', predicted: 'negative', rows: counts.trueNegatives },
  ].map((cell) => ({ ...cell, share: total === 0 ? 0 : cell.rows / total }));
  const order = ['positive', 'negative'];
  const x = { field: 'predicted', type: 'nominal' as const, title: 'Predicted', sort: order, axis: { labelAngle: 0, orient: 'top' as const } };
  const y = { field: 'actual', type: 'nominal' as const, title: 'Actual', sort: order };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: 220,
    height: 140,
    data: { values: cells },
    layer: [
      { mark: { type: 'rect', tooltip: true }, encoding: { x, y, color: { field: 'share', type: 'quantitative', legend: null, scale: { scheme: 'blues', domain: [0, 1] } } } },
      {
        mark: { type: 'text', fontSize: 13 },
        encoding: { x, y, text: { field: 'rows', type: 'quantitative', format: ',' }, color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: 'black' } },
      },
    ],
  };
}
