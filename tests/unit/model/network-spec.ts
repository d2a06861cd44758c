import type { LayerSpec, NetworkSpec } from '../../../src/core/model/runtime';

/** ReLU layers of these widths, MSE, Adam at a constant rate: the spec tests vary from. */
export function networkSpec(units: number[], overrides: Partial<NetworkSpec> = {}): NetworkSpec {
  return {
    layers: units.map((width): LayerSpec => ({ units: width, activation: 'relu', dropout: 0, batchNorm: false })),
    l2: 0,
    optimizer: { kind: 'adam' },
    learningRate: 0.01,
    schedule: { kind: 'constant' },
    loss: { kind: 'mse' },
    batchSize: 32,
    epochs: 30,
    patience: 5,
    seed: 7,
    ...overrides,
  };
}
