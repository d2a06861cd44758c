import { describe, expect, it } from 'vitest';
import { calibrationSpec } from '../../../src/core/charts/calibration-plot';
import { confusionMatrixSpec } from '../../../src/core/charts/confusion-matrix';
import { precisionRecallSpec } from '../../../src/core/charts/pr-curve';
import { rocCurveSpec } from '../../../src/core/charts/roc-curve';

const valuesOf = (spec: Record<string, any>, layer: number) => spec.layer[layer].data.values as Record<string, number>[];

describe('classification charts', () => {
  it('draws the ROC curve over the chance diagonal with the current operating point', () => {
    const curve = [
      { falsePositiveRate: 0, truePositiveRate: 0 },
      { falsePositiveRate: 0.2, truePositiveRate: 0.7 },
      { falsePositiveRate: 1, truePositiveRate: 1 },
    ];
    const spec = rocCurveSpec(curve, { falsePositiveRate: 0.2, truePositiveRate: 0.7, threshold: 0.4 }, 0.85) as Record<string, any>;
    expect(spec.title.text).toContain('0.850');
    expect(valuesOf(spec, 0)).toEqual([{ falsePositiveRate: 0, truePositiveRate: 0 }, { falsePositiveRate: 1, truePositiveRate: 1 }]);
    expect(valuesOf(spec, 1)).toEqual(curve);
    expect(valuesOf(spec, 2)).toEqual([{ falsePositiveRate: 0.2, truePositiveRate: 0.7, threshold: 0.4 }]);
    expect(() => JSON.stringify(spec)).not.toThrow();
  });

  it('draws precision–recall as steps with the positive rate as the chance line', () => {
    const spec = precisionRecallSpec(
      [
        { recall: 0, precision: 1 },
        { recall: 0.5, precision: 0.8 },
        { recall: 1, precision: 0.3 },
      ],
      { recall: 0.5, precision: 0.8, threshold: 0.6 },
      { averagePrecision: 0.7, positiveRate: 0.15 },
    ) as Record<string, any>;
    expect(valuesOf(spec, 0).map((point) => point.precision)).toEqual([0.15, 0.15]);
    expect(spec.layer[1].mark.interpolate).toBe('step-before');
    expect(valuesOf(spec, 1).map((point) => point.step)).toEqual([0, 1, 2]);
  });

  it('plots calibration bins with their row counts against the diagonal', () => {
    const spec = calibrationSpec([{ lower: 0, upper: 0.1, rows: 90, meanPredicted: 0.04, observedRate: 0.05 }]) as Record<string, any>;
    expect(valuesOf(spec, 1)[0]).toMatchObject({ rows: 90, meanPredicted: 0.04, observedRate: 0.05 });
    expect(spec.layer[1].layer[1].encoding.size.field).toBe('rows');
  });

  it('lays the confusion matrix out as actual by predicted with each count once', () => {
    const spec = confusionMatrixSpec({ threshold: 0.5, truePositives: 30, falsePositives: 10, trueNegatives: 150, falseNegatives: 10 }) as Record<string, any>;
    const cells = spec.data.values as { actual: string; predicted: string; rows: number; share: number }[];
    expect(cells).toContainEqual({ actual: 'positive', predicted: 'negative', rows: 10, share: 0.05 });
    expect(cells).toContainEqual({ actual: 'negative', predicted: 'negative', rows: 150, share: 0.75 });
    expect(cells.reduce((sum, cell) => sum + cell.rows, 0)).toBe(200);
  });
});
