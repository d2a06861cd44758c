import * as tf from '@tensorflow/tfjs';
import { CellError } from '../cells/types';
import type { LossSpec } from './runtime';
import { fitTargetScaler } from './target-scaler';

/**
 * How a raw output becomes a prediction, as plain data (an exported model folds it into its layers):
 * `output · std + mean` for a standardised target, `exp(output) · mean` for an exp link, or a probability.
 */
export type OutputLink = { kind: 'standardised'; mean: number; std: number } | { kind: 'exp'; mean: number } | { kind: 'sigmoid' };

export function applyLink(link: OutputLink, output: tf.Tensor2D): tf.Tensor {
  switch (link.kind) {
    case 'standardised':
      return tf.add(tf.mul(output, link.std), link.mean);
    case 'exp':
      return tf.mul(tf.exp(output), link.mean);
    case 'sigmoid':
      return tf.sigmoid(output);
  }
}

/**
 * A loss bound to the training targets: how the target is rescaled for the network, the loss of
 * each row from the network's raw output, and how a raw output becomes a prediction.
 */
export interface NetworkLoss {
  link: OutputLink;
  /** The target as the network fits it (standardised, or divided by its training mean). */
  fitted(y: Float32Array): Float32Array;
  /** [rows, 1] losses of raw outputs against fitted targets. */
  rowLosses(target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor;
  /** [rows, 1] predictions on the loss's scale (target units, mean, or probability). */
  predictions(output: tf.Tensor2D): tf.Tensor;
}

function squaredError(target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor {
  return tf.squaredDifference(target, output);
}

/** ½a² within `delta` of the target, linear beyond, as Keras' Huber. */
function huber(delta: number) {
  return (target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor => {
    const error = tf.abs(tf.sub(target, output));
    const inside = tf.minimum(error, delta);
    return tf.add(tf.mul(tf.square(inside), 0.5), tf.mul(tf.sub(error, inside), delta));
  };
}

/** y·log y, taken as 0 at y = 0. */
function xLogX(target: tf.Tensor2D): tf.Tensor {
  return tf.mul(target, tf.log(tf.maximum(target, 1e-30)));
}

/** Unit deviance of a Poisson mean exp(output): 2(y log(y/μ) − y + μ), 0 for a perfect fit. */
function poissonDeviance(target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor {
  return tf.mul(tf.add(tf.sub(tf.sub(xLogX(target), tf.mul(target, output)), target), tf.exp(output)), 2);
}

/**
 * Unit Tweedie deviance for 1 < p < 2 (a compound Poisson–gamma: a mass at 0 and a continuous
 * positive part), μ = exp(output), as scikit-learn's `mean_tweedie_deviance`:
 * 2(y^(2−p)/((1−p)(2−p)) − y·μ^(1−p)/(1−p) + μ^(2−p)/(2−p)).
 */
function tweedieDeviance(power: number) {
  return (target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor => {
    const constant = tf.div(tf.pow(target, 2 - power), (1 - power) * (2 - power));
    const cross = tf.div(tf.mul(target, tf.exp(tf.mul(output, 1 - power))), 1 - power);
    const mean = tf.div(tf.exp(tf.mul(output, 2 - power)), 2 - power);
    return tf.mul(tf.add(tf.sub(constant, cross), mean), 2);
  };
}

/** Cross-entropy from logits, max(f, 0) − f·y + log(1 + e^−|f|), which never takes log(0). */
function weightedCrossEntropy(positiveWeight: number) {
  return (target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor => {
    const loss = tf.add(tf.sub(tf.relu(output), tf.mul(output, target)), tf.log1p(tf.exp(tf.neg(tf.abs(output)))));
    return positiveWeight === 1 ? loss : tf.mul(loss, tf.add(tf.mul(target, positiveWeight - 1), 1));
  };
}

function linked(link: OutputLink): Pick<NetworkLoss, 'link' | 'predictions'> {
  return { link, predictions: (output) => applyLink(link, output) };
}

function checkTargets(parts: readonly Float32Array[], allowed: (value: number) => boolean, message: (value: number) => string): void {
  for (const values of parts) {
    for (let i = 0; i < values.length; i++) if (!allowed(values[i])) throw new CellError(message(values[i]));
  }
}

function checkSpec(spec: LossSpec): void {
  if (spec.kind === 'huber' && !(spec.delta > 0)) throw new CellError(`The Huber loss needs a delta above 0 (got ${spec.delta})`);
  if (spec.kind === 'tweedie' && !(spec.power > 1 && spec.power < 2)) {
    throw new CellError(`The Tweedie power must lie strictly between 1 (Poisson) and 2 (gamma); got ${spec.power}`);
  }
  if (spec.kind === 'binary-crossentropy' && !(spec.positiveWeight > 0)) {
    throw new CellError(`The weight of positive rows must be above 0 (got ${spec.positiveWeight})`);
  }
}

/**
 * Binds `spec` to the training targets. `checked` holds every target vector the loss will see
 * (training and validation), so a value outside the loss's domain is named before training.
 */
export function createLoss(spec: LossSpec, trainY: Float32Array, checked: readonly Float32Array[]): NetworkLoss {
  checkSpec(spec);
  switch (spec.kind) {
    case 'mse':
    case 'huber': {
      // Standardised, so the loss and the step size do not depend on the target's units.
      const scaler = fitTargetScaler(trainY);
      return {
        fitted: scaler.scaleAll,
        rowLosses: spec.kind === 'mse' ? squaredError : huber(spec.delta),
        ...linked({ kind: 'standardised', mean: scaler.mean, std: scaler.std }),
      };
    }
    case 'poisson':
    case 'tweedie': {
      const name = spec.kind === 'poisson' ? 'Poisson' : 'Tweedie';
      checkTargets(checked, (value) => value >= 0, (value) => `The ${name} loss needs a target ≥ 0; found ${value}: choose MSE or Huber`);
      let sum = 0;
      for (let i = 0; i < trainY.length; i++) sum += trainY[i];
      const mean = sum / trainY.length;
      if (!(mean > 0)) throw new CellError(`The ${name} loss needs some positive training targets; all are 0`);
      // Divided by the training mean, so an output of 0 predicts the mean; the deviances scale with it.
      return {
        fitted: (y) => y.map((value) => value / mean),
        rowLosses: spec.kind === 'poisson' ? poissonDeviance : tweedieDeviance(spec.power),
        ...linked({ kind: 'exp', mean }),
      };
    }
    case 'binary-crossentropy':
      checkTargets(checked, (value) => value === 0 || value === 1, (value) => `Binary cross-entropy needs a target of 0 and 1; found ${value}`);
      return { fitted: (y) => y, rowLosses: weightedCrossEntropy(spec.positiveWeight), ...linked({ kind: 'sigmoid' }) };
  }
}
