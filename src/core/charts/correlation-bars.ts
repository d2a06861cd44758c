import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

export interface FeatureCorrelation {
  column: string;
  pearson: number | null;
  spearman: number | null;
}

const BAR_STEP = 12;

/**
 * Pearson and Spearman correlation of each numeric column with the target, side by side:
 * on a zero-inflated, heavy-tailed target the rank correlation is often the more honest one.
 */
export function correlationBarsSpec(correlations: readonly FeatureCorrelation[], target: string): TopLevelSpec {
  const values = correlations.flatMap((row) => [
    ...(row.pearson === null ? [] : [{ column: row.column, method: 'Pearson', correlation: row.pearson }]),
    ...(row.spearman === null ? [] : [{ column: row.column, method: 'Spearman', correlation: row.spearman }]),
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: `Correlation with ${target}`,
    width: CHART_WIDTH,
    height: { step: BAR_STEP },
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'column', type: 'nominal', sort: correlations.map((row) => row.column), title: null },
      yOffset: { field: 'method', type: 'nominal' },
      x: { field: 'correlation', type: 'quantitative', scale: { domain: [-1, 1] }, title: 'correlation' },
      color: { field: 'method', type: 'nominal', title: null },
      tooltip: [
        { field: 'column', type: 'nominal' },
        { field: 'method', type: 'nominal' },
        { field: 'correlation', type: 'quantitative', format: '.3f' },
      ],
    },
  };
}
