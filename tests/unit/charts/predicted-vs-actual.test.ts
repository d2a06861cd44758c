import { describe, expect, it } from 'vitest';
import { predictedVsActualSpec } from '../../../src/core/charts/predicted-vs-actual';

type Layer = { data: { values: { actual: number; predicted: number }[] }; encoding: { x: { scale: Record<string, unknown> } } };

describe('predictedVsActualSpec', () => {
  const points = [
    { actual: 0, predicted: 3 },
    { actual: 120, predicted: 40 },
    { actual: 5, predicted: -2 },
  ];

  it('draws the y = x line across the whole range of both axes', () => {
    const spec = predictedVsActualSpec(points, { target: 'value', log1p: false }) as unknown as { layer: Layer[] };
    expect(spec.layer[0].data.values).toHaveLength(3);
    expect(spec.layer[1].data.values).toEqual([
      { actual: -2, predicted: -2 },
      { actual: 120, predicted: 120 },
    ]);
  });

  it('uses symlog (log 1 + x) scales when asked', () => {
    const linear = predictedVsActualSpec(points, { target: 'value', log1p: false }) as unknown as { layer: Layer[] };
    const log = predictedVsActualSpec(points, { target: 'value', log1p: true }) as unknown as { layer: Layer[] };
    expect(linear.layer[0].encoding.x.scale.type).toBeUndefined();
    expect(log.layer[0].encoding.x.scale).toEqual({ type: 'symlog', constant: 1 });
  });
});
