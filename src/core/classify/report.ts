import {
  averagePrecision,
  calibrationBins,
  confusionAt,
  countsAtThresholds,
  precisionRecallCurve,
  rocAuc,
  rocCurve,
  scoresFromCounts,
  type CalibrationBin,
  type ConfusionCounts,
  type ThresholdScores,
} from '../metrics/classification';

/** What one set of held-out rows says about the classifier at a threshold. */
export interface ClassificationReport extends ThresholdScores {
  rows: number;
  positiveRate: number;
  rocAuc: number;
  /** Area under the precision–recall curve as average precision; a random ranking scores the positive rate. */
  averagePrecision: number;
  confusion: ConfusionCounts;
  /** Counts at thresholds 0, 0.01, …, 1 and the chosen one, so a view can move the threshold without a re-run. */
  counts: ConfusionCounts[];
  roc: { falsePositiveRate: number; truePositiveRate: number }[];
  precisionRecall: { recall: number; precision: number }[];
  calibration: CalibrationBin[];
}

const MAX_CURVE_POINTS = 400;
const GRID_STEPS = 100;

/** Every k-th point and the last, so a curve over tens of thousands of rows stays a light payload. */
function thinned<T>(points: T[]): T[] {
  if (points.length <= MAX_CURVE_POINTS) return points;
  const every = Math.ceil(points.length / MAX_CURVE_POINTS);
  return points.filter((_, index) => index % every === 0 || index === points.length - 1);
}

function thresholdGrid(chosen: number): number[] {
  const grid = Array.from({ length: GRID_STEPS + 1 }, (_, step) => step / GRID_STEPS);
  return [...new Set([...grid, chosen])].sort((a, b) => a - b);
}

export function classificationReport(labels: Float32Array, probabilities: Float32Array, threshold: number): ClassificationReport {
  const confusion = confusionAt(labels, probabilities, threshold);
  let positives = 0;
  for (const label of labels) positives += label;
  return {
    rows: labels.length,
    positiveRate: positives / labels.length,
    ...scoresFromCounts(confusion),
    rocAuc: rocAuc(labels, probabilities),
    averagePrecision: averagePrecision(labels, probabilities),
    confusion,
    counts: countsAtThresholds(labels, probabilities, thresholdGrid(threshold)),
    roc: thinned(rocCurve(labels, probabilities)).map(({ falsePositiveRate, truePositiveRate }) => ({ falsePositiveRate, truePositiveRate })),
    precisionRecall: thinned(precisionRecallCurve(labels, probabilities)).map(({ recall, precision }) => ({ recall, precision })),
    calibration: calibrationBins(labels, probabilities),
  };
}
