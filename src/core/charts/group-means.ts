import type { TopLevelSpec } from 'vega-lite';
import type { GroupMean } from '../data/group-means';
import { CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

const BAR_STEP = 18;

/** Horizontal bars of the mean target per level, in the order given (most frequent first). */
export function groupMeansSpec(groups: readonly GroupMean[], options: { column: string; target: string }): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: `Mean ${options.target} by ${options.column}`,
    width: CHART_WIDTH,
    height: { step: BAR_STEP },
    data: { values: groups.map((group) => ({ level: group.level, mean: group.mean, count: group.count })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'level', type: 'nominal', sort: null, title: options.column },
      x: { field: 'mean', type: 'quantitative', title: `mean ${options.target}` },
      tooltip: [
        { field: 'level', type: 'nominal', title: options.column },
        { field: 'mean', type: 'quantitative', title: `mean ${options.target}`, format: ',.4~g' },
        { field: 'count', type: 'quantitative', title: 'sessions', format: ',' },
      ],
    },
  };
}
