import { describe, expect, it } from 'vitest';
import { correlationHeatmapSpec } from '../../../src/core/charts/correlation-heatmap';

describe('correlationHeatmapSpec', () => {
  const matrix = {
    columns: ['a', 'b'],
    values: [
      [1, -0.5],
      [-0.5, null],
    ],
    omitted: [],
  };

  it('draws one square per defined pair on a fixed [-1, 1] colour scale', () => {
    const spec = correlationHeatmapSpec(matrix) as Record<string, any>;
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(spec.data.values).toEqual([
      { row: 'a', column: 'a', r: 1 },
      { row: 'a', column: 'b', r: -0.5 },
      { row: 'b', column: 'a', r: -0.5 },
    ]);
    const squares = spec.layer[0];
    expect(squares.mark.type).toBe('rect');
    expect(squares.encoding.color.scale.domain).toEqual([-1, 1]);
    expect(squares.encoding.x.sort).toEqual(['a', 'b']);
    expect(squares.encoding.y.sort).toEqual(['a', 'b']);
  });

  it('labels squares with r on small matrices only', () => {
    expect((correlationHeatmapSpec(matrix) as Record<string, any>).layer.map((layer: any) => layer.mark.type)).toEqual(['rect', 'text']);
    const names = Array.from({ length: 13 }, (_, i) => `c${i}`);
    const large = { columns: names, values: names.map(() => names.map(() => 0.1)), omitted: [] };
    expect((correlationHeatmapSpec(large) as Record<string, any>).layer).toHaveLength(1);
  });
});
