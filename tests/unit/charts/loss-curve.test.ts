import { describe, expect, it } from 'vitest';
import { LIVE_LOSS_DATA, lossCurveRows, lossCurveSpec } from '../../../src/core/charts/loss-curve';

const points = [
  { epoch: 1, train: 0.9, validation: 1.0 },
  { epoch: 2, train: 0.7, validation: 0.8 },
];

describe('lossCurveSpec', () => {
  it('folds train and validation into one long series per epoch', () => {
    const spec = lossCurveSpec(points, null) as { data: { values: unknown[] }; layer: unknown[] };
    expect(spec.data.values).toEqual([
      { epoch: 1, series: 'train', loss: 0.9 },
      { epoch: 1, series: 'validation', loss: 1.0 },
      { epoch: 2, series: 'train', loss: 0.7 },
      { epoch: 2, series: 'validation', loss: 0.8 },
    ]);
    expect(spec.layer).toHaveLength(1);
  });

  it('marks the best epoch with a rule once training is done', () => {
    const spec = lossCurveSpec(points, 2) as { layer: { mark: { type: string }; data?: { values: unknown[] } }[] };
    expect(spec.layer[1].mark.type).toBe('rule');
    expect(spec.layer[1].data?.values).toEqual([{ epoch: 2 }]);
  });

  it('reads a live curve from the named dataset its rows are streamed into', () => {
    const spec = lossCurveSpec(null, null, 'Loss') as { data: { name?: string; values?: unknown[] }; layer: { mark: { point: boolean } }[] };
    expect(spec.data).toEqual({ name: LIVE_LOSS_DATA });
    expect(spec.layer).toHaveLength(1);
    expect(spec.layer[0].mark.point).toBe(false);
    expect(lossCurveRows(points)).toEqual((lossCurveSpec(points, null) as { data: { values: unknown[] } }).data.values);
  });
});
