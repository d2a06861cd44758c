import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationBin } from '../metrics/classification';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

/**
 * Observed positive rate against mean predicted probability per bin, point size by rows: points
 * on the diagonal mean the probabilities can be read as rates. Reweighting or oversampling the
 * positives moves the points below it.
 */
export function calibrationSpec(bins: readonly CalibrationBin[]): TopLevelSpec {
  const x = { field: 'meanPredicted', type: 'quantitative' as const, title: 'Mean predicted probability', scale: { domain: [0, 1] } };
  const y = { field: 'observedRate', type: 'quantitative' as const, title: 'Observed positive rate', scale: { domain: [0, 1] } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: { text: 'Calibration (test rows)', fontSize: 12 },
    layer: [
      {
        data: { values: [{ meanPredicted: 0, observedRate: 0 }, { meanPredicted: 1, observedRate: 1 }] },
        mark: { type: 'line', color: 'gray', strokeDash: [4, 4] },
        encoding: { x, y },
      },
      {
        data: { values: bins.map((bin) => ({ ...bin })) },
        layer: [
          { mark: { type: 'line' }, encoding: { x, y } },
          {
            mark: { type: 'circle', opacity: 0.85, tooltip: true },
            encoding: {
              x,
              y,
              size: { field: 'rows', type: 'quantitative', title: 'Rows', scale: { type: 'sqrt', range: [20, 400] } },
              tooltip: [
                { field: 'lower', type: 'quantitative', title: 'from', format: '.1f' },
                { field: 'upper', type: 'quantitative', title: 'to', format: '.1f' },
                { field: 'rows', type: 'quantitative' },
                { ...x, format: '.3f' },
                { ...y, format: '.3f' },
              ],
            },
          },
        ],
      },
    ],
  };
}
