import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  bestF1Threshold,
  calibrationBins,
  confusionAt,
  countsAtThresholds,
  operatingPoints,
  precisionRecallCurve,
  rocAuc,
  rocCurve,
  scoresFromCounts,
} from '../../../src/core/metrics/classification';

// Ten rows with ties across classes (three rows score 0.4: two negatives and a positive).
const labels = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0];
const scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2, 0.9, 0.65, 0.7];

describe('classification metrics', () => {
  it('counts outcomes at a threshold, a score equal to it counting as positive', () => {
    // scikit-learn: confusion_matrix(y, s >= 0.4).ravel() = [tn 2, fp 3, fn 1, tp 4]
    expect(confusionAt(labels, scores, 0.4)).toEqual({ threshold: 0.4, truePositives: 4, falsePositives: 3, trueNegatives: 2, falseNegatives: 1 });
  });

  it('derives accuracy, precision, recall and F1 from counts as scikit-learn does', () => {
    // accuracy_score 0.6, precision_score 4/7, recall_score 0.8, f1_score 2/3 for s >= 0.4
    const figures = scoresFromCounts(confusionAt(labels, scores, 0.4));
    expect(figures.accuracy).toBeCloseTo(0.6, 12);
    expect(figures.precision).toBeCloseTo(4 / 7, 12);
    expect(figures.recall).toBeCloseTo(0.8, 12);
    expect(figures.f1).toBeCloseTo(2 / 3, 12);
  });

  it('gives null, not NaN, for precision when nothing is predicted positive', () => {
    const figures = scoresFromCounts(confusionAt(labels, scores, 0.95));
    expect(figures.precision).toBeNull();
    expect(figures.recall).toBe(0);
    expect(figures.f1).toBe(0);
    expect(figures.accuracy).toBeCloseTo(0.5, 12);
  });

  it('counts at thresholds between observed scores', () => {
    const counts = countsAtThresholds(labels, scores, [0, 0.5, 1]);
    expect(counts.map((count) => [count.truePositives, count.falsePositives])).toEqual([
      [5, 5],
      [3, 1],
      [0, 0],
    ]);
  });

  it('merges tied scores into one operating point', () => {
    const points = operatingPoints(labels, scores);
    expect(points.map((point) => point.threshold)).toEqual([0.9, 0.8, 0.7, 0.65, 0.4, 0.35, 0.2, 0.1]);
    expect(points[4]).toMatchObject({ truePositives: 4, falsePositives: 3 });
  });

  it('traces the ROC curve as roc_curve(drop_intermediate=False)', () => {
    // scikit-learn 1.2.1: fpr [0, 0, 0, .2, .2, .6, .6, .8, 1], tpr [0, .2, .4, .4, .6, .8, 1, 1, 1]
    const curve = rocCurve(labels, scores);
    expect(curve.map((point) => point.falsePositiveRate)).toEqual([0, 0, 0, 0.2, 0.2, 0.6, 0.6, 0.8, 1]);
    expect(curve.map((point) => point.truePositiveRate)).toEqual([0, 0.2, 0.4, 0.4, 0.6, 0.8, 1, 1, 1]);
  });

  it('matches roc_auc_score, ties counting one half', () => {
    // scikit-learn 1.2.1: roc_auc_score(y, s) = 0.76
    expect(rocAuc(labels, scores)).toBeCloseTo(0.76, 12);
    // Every score tied: a coin flip.
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBeCloseTo(0.5, 12);
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
  });

  it('traces the precision–recall curve as precision_recall_curve', () => {
    // scikit-learn 1.2.1, read from high thresholds down: precision [1, 1, 1, .75, .571, .625, .556, .5],
    // recall [.2, .4, .4, .6, .8, 1, 1, 1], after the (recall 0, precision 1) start.
    const curve = precisionRecallCurve(labels, scores);
    expect(curve[0]).toEqual({ threshold: Infinity, recall: 0, precision: 1 });
    expect(curve.slice(1).map((point) => point.recall)).toEqual([0.2, 0.4, 0.4, 0.6, 0.8, 1, 1, 1]);
    const expected = [1, 1, 2 / 3, 0.75, 4 / 7, 0.625, 5 / 9, 0.5];
    curve.slice(1).forEach((point, i) => expect(point.precision).toBeCloseTo(expected[i], 12));
  });

  it('matches average_precision_score (step sum, no interpolation)', () => {
    // scikit-learn 1.2.1: average_precision_score(y, s) = 0.7892857142857144
    expect(averagePrecision(labels, scores)).toBeCloseTo(0.7892857142857144, 12);
  });

  it('picks the threshold with the best F1 among observed scores', () => {
    // F1 per threshold (high to low): .333, .571, .5, .75, .667, .769, .714, .667: best at 0.35.
    const best = bestF1Threshold(labels, scores);
    expect(best.threshold).toBe(0.35);
    expect(best.f1).toBeCloseTo(10 / 13, 12);
  });

  it('bins probabilities as calibration_curve(n_bins=5)', () => {
    // scikit-learn 1.2.1: prob_true [0, .5, .667, 1], prob_pred [.15, .3875, .71667, .9]
    const bins = calibrationBins(labels, scores, 5);
    expect(bins.map((bin) => bin.rows)).toEqual([2, 4, 3, 1]);
    [0, 0.5, 2 / 3, 1].forEach((rate, i) => expect(bins[i].observedRate).toBeCloseTo(rate, 12));
    [0.15, 0.3875, 0.7166666666666667, 0.9].forEach((mean, i) => expect(bins[i].meanPredicted).toBeCloseTo(mean, 12));
  });

  it('puts a score on an inner edge in the lower bin, as numpy.searchsorted does', () => {
    // scikit-learn 1.2.1 on scores [.2, .4, .4, .6, .8, 1, 0, .3, .5, .7]:
    // prob_true [0, .667, 1, 0, 1], prob_pred [.1, .3667, .55, .75, 1]
    const bins = calibrationBins(labels, [0.2, 0.4, 0.4, 0.6, 0.8, 1, 0, 0.3, 0.5, 0.7], 5);
    expect(bins.map((bin) => bin.rows)).toEqual([2, 3, 2, 2, 1]);
    [0, 2 / 3, 1, 0, 1].forEach((rate, i) => expect(bins[i].observedRate).toBeCloseTo(rate, 12));
  });

  it('names the problem in bad inputs', () => {
    expect(() => rocAuc([0, 0], [0.1, 0.2])).toThrow(/both classes/);
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/0 or 1; row 1 is 2/);
    expect(() => rocAuc([0, 1], [0.1, Number.NaN])).toThrow(/row 1 is NaN/);
    expect(() => calibrationBins([0, 1], [0.1, 1.5])).toThrow(/\[0, 1\]/);
    expect(() => confusionAt([0, 1], [0.1], 0.5)).toThrow(/1 predictions against 2/);
  });
});
