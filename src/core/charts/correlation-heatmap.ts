import type { TopLevelSpec } from 'vega-lite';
import type { CorrelationMatrix } from '../data/profile/correlation-matrix';
import { VEGA_LITE_SCHEMA } from './spec-base';

const CELL_SIZE = 22;
/** Above this many columns the numbers no longer fit in their squares; the tooltip still has them. */
const LABELLED_MAX_COLUMNS = 12;

/**
 * Pearson r of every pair of numeric columns as coloured squares, red for negative and blue for
 * positive on a fixed [-1, 1] scale, so colours compare across datasets. Undefined pairs are left blank.
 */
export function correlationHeatmapSpec(matrix: CorrelationMatrix): TopLevelSpec {
  const values = matrix.columns.flatMap((row, a) =>
    matrix.columns.flatMap((column, b) => {
      const r = matrix.values[a][b];
      return r === null ? [] : [{ row, column, r }];
    }),
  );
  const order = matrix.columns;
  const x = { field: 'column', type: 'nominal' as const, sort: order, title: null, axis: { labelAngle: -45, labelLimit: 120 } };
  const y = { field: 'row', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 160 } };
  const squares = {
    mark: { type: 'rect' as const, tooltip: true },
    encoding: {
      x,
      y,
      color: { field: 'r', type: 'quantitative' as const, title: 'r', scale: { domain: [-1, 1], scheme: 'redblue' } },
      tooltip: [
        { field: 'row', type: 'nominal' as const, title: 'column' },
        { field: 'column', type: 'nominal' as const, title: 'with' },
        { field: 'r', type: 'quantitative' as const, format: '.3f' },
      ],
    },
  };
  const labels = {
    mark: { type: 'text' as const, fontSize: 9 },
    encoding: { x, y, text: { field: 'r', type: 'quantitative' as const, format: '.2f' } },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Correlation between numeric columns (Pearson)',
    width: { step: CELL_SIZE },
    height: { step: CELL_SIZE },
    data: { values },
    layer: order.length <= LABELLED_MAX_COLUMNS ? [squares, labels] : [squares],
  };
}
