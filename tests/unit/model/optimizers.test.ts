import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../src/core/model/optimizers';
import type { OptimizerSpec } from '../../../src/core/model/runtime';

/** The weight after each of `steps` updates from 1.0 with a constant gradient of 0.5 at rate 0.1. */
function weights(spec: OptimizerSpec, steps: number, decayed = true): number[] {
  const weight = tf.tidy(() => tf.variable(tf.scalar(1)));
  const optimizer = createOptimizer(spec, [weight], new Set(decayed ? [weight] : []));
  const gradient = tf.scalar(0.5);
  const seen: number[] = [];
  for (let step = 0; step < steps; step++) {
    optimizer.apply([gradient], 0.1);
    seen.push(weight.dataSync()[0]);
  }
  optimizer.dispose();
  tf.dispose([weight, gradient]);
  return seen;
}

describe('optimizers, step by step against values worked by hand', () => {
  it('Adam moves the first step by the learning rate times the sign of the gradient', () => {
    // m = 0.05, v = 0.00025; step = 0.1·√(1 − 0.999)/(1 − 0.9) · m/(√v + 1e-8) = 0.1.
    expect(weights({ kind: 'adam' }, 1)[0]).toBeCloseTo(0.9, 6);
  });

  it('AdamW also shrinks the decayed weights by rate × decay, apart from the gradient step', () => {
    expect(weights({ kind: 'adamw', weightDecay: 0.5 }, 1)[0]).toBeCloseTo(1 * (1 - 0.1 * 0.5) - 0.1, 6);
    expect(weights({ kind: 'adamw', weightDecay: 0.5 }, 1, false)[0]).toBeCloseTo(0.9, 6);
  });

  it('SGD with momentum accumulates velocity', () => {
    // v1 = −0.05; v2 = 0.9·v1 − 0.05 = −0.095.
    const [first, second] = weights({ kind: 'sgd', momentum: 0.9 }, 2);
    expect(first).toBeCloseTo(0.95, 6);
    expect(second).toBeCloseTo(0.855, 6);
  });

  it('frees its slots on dispose', () => {
    const before = tf.memory().numTensors;
    weights({ kind: 'adam' }, 3);
    weights({ kind: 'sgd', momentum: 0.5 }, 3);
    expect(tf.memory().numTensors).toBe(before);
  });
});
