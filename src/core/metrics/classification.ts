import { CellError } from '../cells/types';

/**
 * Binary classification metrics on 0/1 labels and scores (probabilities of class 1). A row is
 * predicted positive when its score is at or above the threshold, as scikit-learn's curves count.
 */

/** Rows of each outcome at one threshold. */
export interface ConfusionCounts {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

/** Figures that depend on the threshold; null where a ratio has nothing to divide by. */
export interface ThresholdScores {
  accuracy: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface RocPoint {
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

export interface PrecisionRecallPoint {
  threshold: number;
  recall: number;
  precision: number;
}

export interface CalibrationBin {
  /** The bin's range of predicted probability. */
  lower: number;
  upper: number;
  rows: number;
  meanPredicted: number;
  observedRate: number;
}

/** Labels and scores of the same rows; labels must be 0 or 1 and scores finite. */
function checkScored(labels: ArrayLike<number>, scores: ArrayLike<number>): void {
  if (labels.length !== scores.length) throw new CellError(`Cannot score ${scores.length} predictions against ${labels.length} labels`);
  if (labels.length === 0) throw new CellError('Cannot score an empty set of rows');
  for (let row = 0; row < labels.length; row++) {
    if (labels[row] !== 0 && labels[row] !== 1) throw new CellError(`Class labels must be 0 or 1; row ${row} is ${labels[row]}`);
    if (!Number.isFinite(scores[row])) throw new CellError(`Predicted probability of row ${row} is ${scores[row]}: the model diverged`);
  }
}

function positivesIn(labels: ArrayLike<number>): number {
  let positives = 0;
  for (let row = 0; row < labels.length; row++) positives += labels[row];
  return positives;
}

/**
 * Cumulative counts at each distinct score, highest first: the operating points every curve and
 * the best-F1 search walk. Tied scores form one point, so ties never favour either class.
 */
export function operatingPoints(labels: ArrayLike<number>, scores: ArrayLike<number>): ConfusionCounts[] {
  checkScored(labels, scores);
  const order = Array.from({ length: scores.length }, (_, row) => row).sort((a, b) => scores[b] - scores[a]);
  const positives = positivesIn(labels);
  const negatives = labels.length - positives;
  const points: ConfusionCounts[] = [];
  let truePositives = 0;
  let falsePositives = 0;
  for (let rank = 0; rank < order.length; rank++) {
    const row = order[rank];
    if (labels[row] === 1) truePositives += 1;
    else falsePositives += 1;
    const next = order[rank + 1];
    if (next !== undefined && scores[next] === scores[row]) continue;
    points.push({ threshold: scores[row], truePositives, falsePositives, trueNegatives: negatives - falsePositives, falseNegatives: positives - truePositives });
  }
  return points;
}

/** Sorted copy of the scores of one class, for counting how many reach a threshold. */
function sortedScoresOf(labels: ArrayLike<number>, scores: ArrayLike<number>, label: number): Float64Array {
  const picked: number[] = [];
  for (let row = 0; row < labels.length; row++) if (labels[row] === label) picked.push(scores[row]);
  return Float64Array.from(picked).sort();
}

/** How many of the ascending `sorted` values are >= threshold. */
function countAtOrAbove(sorted: Float64Array, threshold: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < threshold) low = middle + 1;
    else high = middle;
  }
  return sorted.length - low;
}

/** Confusion counts at each of the given thresholds (any values, not only observed scores). */
export function countsAtThresholds(labels: ArrayLike<number>, scores: ArrayLike<number>, thresholds: readonly number[]): ConfusionCounts[] {
  checkScored(labels, scores);
  const positiveScores = sortedScoresOf(labels, scores, 1);
  const negativeScores = sortedScoresOf(labels, scores, 0);
  return thresholds.map((threshold) => {
    const truePositives = countAtOrAbove(positiveScores, threshold);
    const falsePositives = countAtOrAbove(negativeScores, threshold);
    return {
      threshold,
      truePositives,
      falsePositives,
      trueNegatives: negativeScores.length - falsePositives,
      falseNegatives: positiveScores.length - truePositives,
    };
  });
}

export function confusionAt(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold: number): ConfusionCounts {
  return countsAtThresholds(labels, scores, [threshold])[0];
}

/** Accuracy, precision, recall and F1 from counts; a ratio over zero rows is null, never NaN. */
export function scoresFromCounts(counts: ConfusionCounts): ThresholdScores {
  const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = counts;
  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
  return { accuracy: (tp + tn) / (tp + fp + tn + fn), precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: ratio(2 * tp, 2 * tp + fp + fn) };
}

function checkBothClasses(labels: ArrayLike<number>, scores: ArrayLike<number>, metric: string): void {
  checkScored(labels, scores);
  const positives = positivesIn(labels);
  if (positives === 0 || positives === labels.length) {
    throw new CellError(`${metric} needs rows of both classes; these ${labels.length} rows are all ${positives === 0 ? 0 : 1}`);
  }
}

/** scikit-learn's `roc_curve` without dropping intermediate points: from (0, 0) at an infinite threshold. */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocPoint[] {
  checkBothClasses(labels, scores, 'A ROC curve');
  const points = operatingPoints(labels, scores);
  const { truePositives: positives, falsePositives: negatives } = points[points.length - 1];
  return [
    { threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 },
    ...points.map((point) => ({ threshold: point.threshold, falsePositiveRate: point.falsePositives / negatives, truePositiveRate: point.truePositives / positives })),
  ];
}

/**
 * Area under the ROC curve by the trapezoid rule, as `roc_auc_score`: tied scores are one point,
 * so a tie between a positive and a negative counts one half.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const curve = rocCurve(labels, scores);
  let area = 0;
  for (let i = 1; i < curve.length; i++) {
    area += ((curve[i].falsePositiveRate - curve[i - 1].falsePositiveRate) * (curve[i].truePositiveRate + curve[i - 1].truePositiveRate)) / 2;
  }
  return area;
}

/** scikit-learn's `precision_recall_curve`, from high thresholds down, starting at recall 0, precision 1. */
export function precisionRecallCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): PrecisionRecallPoint[] {
  checkBothClasses(labels, scores, 'A precision–recall curve');
  const points = operatingPoints(labels, scores);
  const positives = points[points.length - 1].truePositives;
  const curve: PrecisionRecallPoint[] = [{ threshold: Infinity, recall: 0, precision: 1 }];
  for (const point of points) {
    curve.push({ threshold: point.threshold, recall: point.truePositives / positives, precision: point.truePositives / (point.truePositives + point.falsePositives) });
  }
  return curve;
}

/**
 * `average_precision_score`: the sum over thresholds of precision times the gain in recall, a step
 * function with no interpolation between points (which would flatter the curve).
 */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const curve = precisionRecallCurve(labels, scores);
  let area = 0;
  for (let i = 1; i < curve.length; i++) area += (curve[i].recall - curve[i - 1].recall) * curve[i].precision;
  return area;
}

/**
 * The observed threshold with the highest F1 (the highest threshold among equals), to be chosen on
 * validation rows and applied to test rows.
 */
export function bestF1Threshold(labels: ArrayLike<number>, scores: ArrayLike<number>): { threshold: number; f1: number } {
  checkBothClasses(labels, scores, 'Choosing a threshold');
  let best = { threshold: 0.5, f1: -1 };
  for (const point of operatingPoints(labels, scores)) {
    const f1 = scoresFromCounts(point).f1 ?? 0;
    if (f1 > best.f1) best = { threshold: point.threshold, f1 };
  }
  return best;
}

/**
 * Reliability bins as scikit-learn's `calibration_curve(strategy='uniform')`: equal-width bins over
 * [0, 1], a score on an inner edge falling in the lower bin; empty bins are left out.
 */
export function calibrationBins(labels: ArrayLike<number>, scores: ArrayLike<number>, binCount = 10): CalibrationBin[] {
  checkScored(labels, scores);
  if (!Number.isInteger(binCount) || binCount < 1) throw new CellError(`Calibration needs a whole number of bins; got ${binCount}`);
  const rows = new Float64Array(binCount);
  const predicted = new Float64Array(binCount);
  const positives = new Float64Array(binCount);
  // Edges computed as numpy's linspace does (k · step), so a score on an edge lands where scikit-learn puts it.
  const step = 1 / binCount;
  const innerEdges = Array.from({ length: binCount - 1 }, (_, k) => (k + 1) * step);
  for (let row = 0; row < scores.length; row++) {
    const score = scores[row];
    if (score < 0 || score > 1) throw new CellError(`Calibration needs probabilities in [0, 1]; row ${row} scores ${score}`);
    let bin = 0;
    while (bin < binCount - 1 && innerEdges[bin] < score) bin += 1;
    rows[bin] += 1;
    predicted[bin] += score;
    positives[bin] += labels[row];
  }
  const bins: CalibrationBin[] = [];
  for (let bin = 0; bin < binCount; bin++) {
    if (rows[bin] === 0) continue;
    bins.push({ lower: bin / binCount, upper: (bin + 1) / binCount, rows: rows[bin], meanPredicted: predicted[bin] / rows[bin], observedRate: positives[bin] / rows[bin] });
  }
  return bins;
}
