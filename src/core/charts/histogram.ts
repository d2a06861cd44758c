import type { TopLevelSpec } from 'vega-lite';
import type { HistogramBin } from '../data/histogram';
import { CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './spec-base';

/** Bars over pre-computed bins: the cell ships bin edges and counts, never raw rows. */
export function histogramSpec(bins: readonly HistogramBin[], options: { title: string; valueTitle: string }): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: bins.map((bin) => ({ start: bin.start, end: bin.end, count: bin.count })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: options.valueTitle },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'Sessions' },
      tooltip: [
        { field: 'start', type: 'quantitative', title: 'from', format: ',.4~g' },
        { field: 'end', type: 'quantitative', title: 'to', format: ',.4~g' },
        { field: 'count', type: 'quantitative', title: 'sessions', format: ',' },
      ],
    },
  };
}
