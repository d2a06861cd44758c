import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyCell, type ClassifyParams } from '../../../src/core/cells/classify';
import type { FeatureMatrix, FeaturesArtifact, RunContext } from '../../../src/core/cells/types';
import type { MlRuntime } from '../../../src/core/model/runtime';
import { createTfRuntime } from '../../../src/core/model/tfjs-runtime';
import { normalRows } from '../../fixtures/normal-rows';
import { dataRunContext } from './run-context';

/**
 * Two informative features and one of noise; about one row in six is positive. `value` gives a
 * purchase amount for positives (a derived class) or 1 (a 0/1 target).
 */
function matrix(rows: number, seed: number, value: 'amount' | 'binary'): FeatureMatrix {
  return normalRows(rows, seed, 3, (x, random) => {
    const logit = -2.2 + 1.5 * x[0] - 1 * x[1];
    const bought = random.next() < 1 / (1 + Math.exp(-logit));
    return bought ? (value === 'amount' ? 5 + 40 * random.next() : 1) : 0;
  });
}

function featuresFixture(value: 'amount' | 'binary' = 'amount', testSeed = 3): FeaturesArtifact {
  return {
    kind: 'features',
    target: value === 'amount' ? 'PageValues' : 'Revenue',
    featureNames: ['a', 'b', 'noise'],
    train: matrix(1200, 1, value),
    validation: matrix(400, 2, value),
    test: matrix(600, testSeed, value),
    targetNonNegative: true,
    targetTransform: 'none',
  };
}

const logistic: ClassifyParams = { ...classifyCell.defaults(), model: 'logistic' };
const run = (features: FeaturesArtifact, params: Partial<ClassifyParams>, context: RunContext = dataRunContext()) =>
  classifyCell.run({ features }, { ...logistic, ...params }, context);

describe('Classify cell', () => {
  it('classifies a purchase value as bought or not and ranks rows well', async () => {
    const { view, summary } = await run(featuresFixture('amount'), {});
    expect(view.positiveClass).toBe('PageValues > 0');
    expect(view.test.rocAuc).toBeGreaterThan(0.8);
    expect(view.test.rows).toBe(600);
    expect(summary.roc_auc).toBe(view.test.rocAuc);
    expect(summary.average_precision).toBeGreaterThan(view.test.positiveRate);
    // The two informative features carry the largest weights, with the signs that made the data.
    expect(view.training.kind).toBe('logistic');
    if (view.training.kind === 'logistic') {
      expect(view.training.converged).toBe(true);
      expect(view.training.topWeights.slice(0, 2).map((entry) => entry.feature)).toEqual(['a', 'b']);
      expect(view.training.topWeights[0].weight).toBeGreaterThan(0);
      expect(view.training.topWeights[1].weight).toBeLessThan(0);
    }
  });

  it('reads a 0/1 target as the class itself', async () => {
    const { view } = await run(featuresFixture('binary'), {});
    expect(view.positiveClass).toBe('Revenue = 1');
  });

  it('chooses the threshold on validation rows, never on test rows', async () => {
    const first = await run(featuresFixture('amount', 3), {});
    const otherTest = await run(featuresFixture('amount', 99), {});
    expect(first.view.thresholdSource).toBe('validation-f1');
    expect(first.view.threshold).toBe(first.view.suggestedThreshold);
    expect(otherTest.view.threshold).toBe(first.view.threshold);
    expect(otherTest.view.test.rocAuc).not.toBe(first.view.test.rocAuc);
    expect(first.view.validationF1AtSuggested).toBeGreaterThan(0.3);
  });

  it('scores test rows at a fixed threshold and returns counts to move it without a re-run', async () => {
    const { view, summary } = await run(featuresFixture(), { threshold: 0.3 });
    expect(view.thresholdSource).toBe('fixed');
    expect(view.threshold).toBe(0.3);
    expect(view.test.confusion.threshold).toBe(0.3);
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = view.test.confusion;
    expect(summary.precision).toBeCloseTo(tp / (tp + fp), 12);
    expect(summary.recall).toBeCloseTo(tp / (tp + fn), 12);
    const thresholds = view.test.counts.map((count) => count.threshold);
    expect(thresholds[0]).toBe(0);
    expect(thresholds[thresholds.length - 1]).toBe(1);
    expect(thresholds).toContain(0.3);
    // Raising the threshold never adds predicted positives.
    const predicted = view.test.counts.map((count) => count.truePositives + count.falsePositives);
    expect(predicted.every((value, i) => i === 0 || value <= predicted[i - 1])).toBe(true);
    expect(view.test.counts.every((count) => count.truePositives + count.falsePositives + count.trueNegatives + count.falseNegatives === 600)).toBe(true);
  });

  it('oversamples training rows only with SMOTE, leaving validation and test rows as they were', async () => {
    const features = featuresFixture();
    const before = structuredClone({ validation: features.validation, test: features.test, train: features.train });
    const plain = await run(features, {});
    const { view } = await run(features, { imbalance: 'smote' });
    const trainPositives = Math.round(view.trainPositiveRate * view.trainRows);
    expect(view.syntheticRows).toBe(view.trainRows - 2 * trainPositives);
    expect(view.trainRows).toBe(1200);
    expect(view.validation.rows).toBe(400);
    expect(view.test.rows).toBe(600);
    expect(view.test.positiveRate).toBe(plain.view.test.positiveRate);
    expect(features.validation).toEqual(before.validation);
    expect(features.test).toEqual(before.test);
    expect(features.train).toEqual(before.train);
    // Balanced training rows lift every probability: more rows pass the same threshold.
    const predictedAtHalf = (counts: typeof view.test.counts) => counts.find((count) => count.threshold === 0.5)!;
    const positivesAtHalf = (counts: typeof view.test.counts) => predictedAtHalf(counts).truePositives + predictedAtHalf(counts).falsePositives;
    expect(positivesAtHalf(view.test.counts)).toBeGreaterThan(positivesAtHalf(plain.view.test.counts));
    expect(view.test.rocAuc).toBeGreaterThan(0.8);
  });

  it('weights positive rows by negatives / positives with class weights', async () => {
    const { view } = await run(featuresFixture(), { imbalance: 'class-weights' });
    const positives = Math.round(view.trainPositiveRate * view.trainRows);
    expect(view.positiveWeight).toBeCloseTo((view.trainRows - positives) / positives, 12);
    expect(view.syntheticRows).toBe(0);
    // Weighted positives pull the mean predicted probability well above the real positive rate.
    const meanPredicted = view.test.calibration.reduce((sum, bin) => sum + bin.meanPredicted * bin.rows, 0) / view.test.rows;
    expect(meanPredicted).toBeGreaterThan(view.test.positiveRate + 0.15);
  });

  it('names the missing input and a split with one class', async () => {
    await expect(classifyCell.run({}, logistic, dataRunContext())).rejects.toThrow(/needs encoded features from an Encode cell/);
    const features = featuresFixture();
    features.validation = { ...features.validation, y: new Float32Array(features.validation.rows) };
    await expect(run(features, {})).rejects.toThrow(/validation rows need both classes, but none is PageValues > 0/);
  });

  describe('MLP', () => {
    let runtime: MlRuntime;
    beforeAll(async () => {
      runtime = await createTfRuntime({ backends: ['wasm', 'cpu'], wasmPaths: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
    });
    const context = (): RunContext => ({ ...dataRunContext(), ml: () => Promise.resolve(runtime) });

    it('trains with binary cross-entropy, stops early and frees its tensors', async () => {
      const tensorsBefore = tf.memory().numTensors;
      const { view, summary } = await run(featuresFixture(), { model: 'mlp', hiddenLayers: [16], epochs: 300, patience: 5, imbalance: 'class-weights' }, context());
      expect(view.training.kind).toBe('mlp');
      if (view.training.kind === 'mlp') {
        expect(view.training.epochsRun).toBe(view.training.bestEpoch + 5);
        expect(view.training.backend).toBe('wasm');
      }
      expect(view.test.rocAuc).toBeGreaterThan(0.8);
      expect(summary.f1).toBeGreaterThan(0.3);
      expect(tf.memory().numTensors).toBe(tensorsBefore);
    });
  });
});
