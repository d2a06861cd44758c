import { describe, expect, it } from 'vitest';
import { HurdleModel, positiveRows, purchaseLabels } from '../../../src/core/model/hurdle';
import type { TrainedRegressor } from '../../../src/core/model/runtime';

/** Predicts each row's single feature times `scale`. */
function stub(scale: number): TrainedRegressor & { disposed: boolean } {
  return {
    inputSize: 1,
    disposed: false,
    predict: (x, rows) => Float32Array.from(x.subarray(0, rows), (value) => value * scale),
    dispose() {
      this.disposed = true;
    },
  };
}

describe('HurdleModel', () => {
  it('predicts P(y > 0) times the amount mapped back from log1p with smearing', () => {
    // Classifier: 0.5·x; amount: log prediction x, back as 1.2·e^x − 1, held in [0, ln 11] first.
    const model = new HurdleModel(stub(0.5), stub(1), { smearing: 1.2, low: 0, high: Math.log(11) });
    const x = Float32Array.from([1, Math.log(2), 5]);
    const predicted = model.predict(x, 3);
    expect(predicted[0]).toBeCloseTo(0.5 * (1.2 * Math.E - 1), 5);
    expect(predicted[1]).toBeCloseTo(0.5 * Math.log(2) * (1.2 * 2 - 1), 5);
    // ln 11 caps the third: 1.2 · 11 − 1.
    expect(predicted[2]).toBeCloseTo(2.5 * (1.2 * 11 - 1), 4);
  });

  it('uses the amount as predicted when it was fitted without a log', () => {
    const model = new HurdleModel(stub(0.1), stub(10), null);
    expect(Array.from(model.predict(Float32Array.from([2]), 1))[0]).toBeCloseTo(0.2 * 20, 5);
  });

  it('disposes both parts', () => {
    const classifier = stub(1);
    const amount = stub(1);
    new HurdleModel(classifier, amount, null).dispose();
    expect([classifier.disposed, amount.disposed]).toEqual([true, true]);
  });
});

describe('hurdle rows', () => {
  const matrix = { x: Float32Array.from([1, 2, 3, 4, 5, 6]), y: Float32Array.from([0, 7, 0]), rows: 3, codes: Int32Array.from([4, 5, 6]) };

  it('keeps the positive rows with their codes', () => {
    const positive = positiveRows(matrix);
    expect(positive.rows).toBe(1);
    expect(Array.from(positive.x)).toEqual([3, 4]);
    expect(Array.from(positive.codes!)).toEqual([5]);
    expect(Array.from(positive.y)).toEqual([7]);
  });

  it('labels a positive target 1 and zero 0', () => {
    expect(Array.from(purchaseLabels(matrix).y)).toEqual([0, 1, 0]);
  });
});
