import * as tf from '@tensorflow/tfjs';
import type { OptimizerSpec } from './runtime';

/** Applies one step's gradients to the variables it was made for, at the step's learning rate. */
export interface NetworkOptimizer {
  apply(gradients: readonly tf.Tensor[], learningRate: number): void;
  dispose(): void;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
/** scikit-learn's and PyTorch's Adam epsilon (TF.js uses its backend's, 1e-7). */
const EPSILON = 1e-8;

function zerosLike(variables: readonly tf.Variable[]): tf.Variable[] {
  return tf.tidy(() => variables.map((variable) => tf.variable(tf.zerosLike(variable), false)));
}

/**
 * Adam as Kingma & Ba write it; `weightDecay` > 0 makes it AdamW (Loshchilov & Hutter): the
 * decayed variables shrink by rate · weightDecay apart from the gradient step, so the decay is
 * not rescaled by the second-moment estimate as an L2 term in the loss would be.
 */
function adam(variables: readonly tf.Variable[], decayed: ReadonlySet<tf.Variable>, weightDecay: number): NetworkOptimizer {
  const firstMoments = zerosLike(variables);
  const secondMoments = zerosLike(variables);
  let step = 0;
  return {
    apply(gradients, learningRate) {
      step += 1;
      const stepSize = (learningRate * Math.sqrt(1 - BETA2 ** step)) / (1 - BETA1 ** step);
      tf.tidy(() => {
        variables.forEach((variable, index) => {
          const gradient = gradients[index];
          const first = tf.add(tf.mul(firstMoments[index], BETA1), tf.mul(gradient, 1 - BETA1));
          const second = tf.add(tf.mul(secondMoments[index], BETA2), tf.mul(tf.square(gradient), 1 - BETA2));
          firstMoments[index].assign(first);
          secondMoments[index].assign(second);
          const start = weightDecay > 0 && decayed.has(variable) ? tf.mul(variable, 1 - learningRate * weightDecay) : variable;
          variable.assign(tf.sub(start, tf.mul(tf.div(first, tf.add(tf.sqrt(second), EPSILON)), stepSize)));
        });
      });
    },
    dispose: () => tf.dispose([...firstMoments, ...secondMoments]),
  };
}

/** Heavy-ball momentum as Keras' SGD: velocity = momentum · velocity − rate · gradient. */
function sgd(variables: readonly tf.Variable[], momentum: number): NetworkOptimizer {
  const velocities = zerosLike(variables);
  return {
    apply(gradients, learningRate) {
      tf.tidy(() => {
        variables.forEach((variable, index) => {
          const velocity = tf.sub(tf.mul(velocities[index], momentum), tf.mul(gradients[index], learningRate));
          velocities[index].assign(velocity);
          variable.assign(tf.add(variable, velocity));
        });
      });
    },
    dispose: () => tf.dispose(velocities),
  };
}

/** `decayed`: the variables AdamW's weight decay applies to (the kernels, not biases or norms). */
export function createOptimizer(spec: OptimizerSpec, variables: readonly tf.Variable[], decayed: ReadonlySet<tf.Variable>): NetworkOptimizer {
  switch (spec.kind) {
    case 'adam':
      return adam(variables, decayed, 0);
    case 'adamw':
      return adam(variables, decayed, spec.weightDecay);
    case 'sgd':
      return sgd(variables, spec.momentum);
  }
}
