import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createLoss } from '../../../src/core/model/losses';
import type { LossSpec } from '../../../src/core/model/runtime';

/** Row losses of raw outputs against targets, as plain numbers. */
function rowLosses(spec: LossSpec, targets: number[], outputs: number[]): number[] {
  const loss = createLoss(spec, Float32Array.from([1, 0, 2]), []);
  return tf.tidy(() => Array.from(loss.rowLosses(tf.tensor2d(targets, [targets.length, 1]), tf.tensor2d(outputs, [outputs.length, 1])).dataSync()));
}

function expectClose(actual: number[], expected: number[]): void {
  expected.forEach((value, index) => expect(actual[index]).toBeCloseTo(value, 5));
}

describe('network losses, row by row against values worked by hand', () => {
  it('squared error', () => {
    expectClose(rowLosses({ kind: 'mse' }, [1, -2], [3, -2.5]), [4, 0.25]);
  });

  it('Huber: half the square within delta, linear beyond', () => {
    // |e| = 3 > δ = 1: ½·1² + 1·(3 − 1); |e| = 0.5: ½·0.25.
    expectClose(rowLosses({ kind: 'huber', delta: 1 }, [0, 0], [3, 0.5]), [2.5, 0.125]);
  });

  it('Poisson deviance of μ = exp(output), 0 for y = 0 taken as y·log y = 0', () => {
    // y = 2, μ = 1: 2(2 ln 2 − 2 + 1); y = 0, μ = e^0.5: 2e^0.5 (sklearn mean_poisson_deviance gives both).
    expectClose(rowLosses({ kind: 'poisson' }, [2, 0], [0, 0.5]), [2 * (2 * Math.LN2 - 1), 2 * Math.exp(0.5)]);
  });

  it('Tweedie deviance at power 1.5', () => {
    // y = 2, μ = 1: 2(√2/(−0.5·0.5) − 2/(−0.5) + 1/0.5); y = 0, μ = 1: 2·(1/0.5).
    expectClose(rowLosses({ kind: 'tweedie', power: 1.5 }, [2, 0], [0, 0]), [2 * (Math.SQRT2 / -0.25 + 4 + 2), 4]);
  });

  it('binary cross-entropy from logits, positive rows weighted', () => {
    expectClose(rowLosses({ kind: 'binary-crossentropy', positiveWeight: 1 }, [1, 0], [0, 2]), [Math.LN2, Math.log(1 + Math.exp(2))]);
    expectClose(rowLosses({ kind: 'binary-crossentropy', positiveWeight: 3 }, [1, 0], [0, 2]), [3 * Math.LN2, Math.log(1 + Math.exp(2))]);
  });

  it('stays finite for a confident logit far from the label', () => {
    expectClose(rowLosses({ kind: 'binary-crossentropy', positiveWeight: 1 }, [1], [-200]), [200]);
  });

  it('maps raw outputs to predictions on each loss scale', () => {
    const train = Float32Array.from([1, 0, 2, 5]);
    const predict = (spec: LossSpec, output: number) => tf.tidy(() => createLoss(spec, train, []).predictions(tf.tensor2d([output], [1, 1])).dataSync()[0]);
    // Standardised target: output 0 is the training mean 2; Poisson: exp(0) times the training mean.
    expect(predict({ kind: 'mse' }, 0)).toBeCloseTo(2, 6);
    expect(predict({ kind: 'poisson' }, Math.log(3))).toBeCloseTo(6, 5);
    expect(predict({ kind: 'binary-crossentropy', positiveWeight: 1 }, 0)).toBeCloseTo(0.5, 6);
  });

  it('names a target outside the loss domain', () => {
    expect(() => createLoss({ kind: 'poisson' }, Float32Array.from([1, -1]), [Float32Array.from([1, -1])])).toThrow('The Poisson loss needs a target ≥ 0; found -1');
    expect(() => createLoss({ kind: 'binary-crossentropy', positiveWeight: 1 }, Float32Array.from([0, 2]), [Float32Array.from([0, 2])])).toThrow(
      'Binary cross-entropy needs a target of 0 and 1; found 2',
    );
    expect(() => createLoss({ kind: 'tweedie', power: 2.5 }, Float32Array.from([1]), [])).toThrow('strictly between 1 (Poisson) and 2 (gamma)');
    expect(() => createLoss({ kind: 'tweedie', power: 1.5 }, Float32Array.from([0, 0]), [])).toThrow('all are 0');
  });
});
