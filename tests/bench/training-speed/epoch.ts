import type { FeatureMatrix } from '../../../src/core/cells/types';
import type { MlRuntime, NetworkSpec } from '../../../src/core/model/runtime';
import { createRandom } from '../../../src/core/random';

/** The shape: 64 inputs → 128 → 64 → 1, batch 512, Adam, 100k rows. */
export const FEATURES = 64;
export const ROWS = 100_000;
export const BATCH = 512;
/** This CPU's peak, and the work of one epoch: forward 2·(64·128 + 128·64 + 64·1) flops a row, backward about twice that. */
export const PEAK_FLOPS = 166e9;
export const FLOPS_PER_SAMPLE = 3 * 2 * (FEATURES * 128 + 128 * 64 + 64 * 1);

export interface EpochSpeed {
  backend: string;
  tfjsVersion: string;
  epochs: number;
  /** Seconds of each epoch after the first. */
  epochSeconds: number[];
  samplesPerSecond: number;
  fractionOfPeak: number;
  /** CPU seconds of the same epochs where the host can tell (Node): on a busy machine wall time overstates the work. */
  epochCpuSeconds: number[] | null;
  samplesPerCpuSecond: number | null;
}

/** Standard normal features and a target from a few of them, seeded: the same rows everywhere. */
export function syntheticRows(rows: number, seed: number): FeatureMatrix {
  const random = createRandom(seed);
  const x = new Float32Array(rows * FEATURES);
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < FEATURES; column++) x[row * FEATURES + column] = random.normal();
    y[row] = x[row * FEATURES] - 0.5 * x[row * FEATURES + 1] * x[row * FEATURES + 2] + 0.1 * random.normal();
  }
  return { x, y, rows };
}

export const speedSpec = (epochs: number): NetworkSpec => ({
  layers: [128, 64].map((units) => ({ units, activation: 'relu', dropout: 0, batchNorm: false })),
  l2: 0,
  optimizer: { kind: 'adam' },
  learningRate: 0.001,
  schedule: { kind: 'constant' },
  loss: { kind: 'mse' },
  batchSize: BATCH,
  epochs,
  patience: epochs,
  seed: 1,
});

const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const differences = (ends: number[]) => ends.slice(1).map((end, index) => end - ends[index]);

export interface SpeedData {
  train: FeatureMatrix;
  /** Small, as a cell's validation split would be; scored after every epoch. */
  validation: FeatureMatrix;
}

export const speedData = (): SpeedData => ({ train: syntheticRows(ROWS, 1), validation: syntheticRows(2_000, 2) });

/** Trains `epochs` epochs and times each after the first (the first compiles kernels and warms caches). */
export async function measureEpochSpeed(runtime: MlRuntime, { train, validation }: SpeedData, epochs = 3, cpuSeconds: (() => number) | null = null): Promise<EpochSpeed> {
  const cpuAtEpochEnd: number[] = [];
  const onEpoch = () => cpuSeconds && cpuAtEpochEnd.push(cpuSeconds());
  const result = await runtime.trainNetwork(train, validation, speedSpec(epochs), { signal: new AbortController().signal, onEpoch, yieldToHost: () => Promise.resolve() });
  result.model.dispose();
  const epochSeconds = differences(result.history.map((report) => report.elapsedMs / 1000));
  const samplesPerSecond = ROWS / meanOf(epochSeconds);
  const epochCpuSeconds = cpuSeconds ? differences(cpuAtEpochEnd) : null;
  return {
    backend: runtime.backend,
    tfjsVersion: runtime.version,
    epochs,
    epochSeconds,
    samplesPerSecond,
    fractionOfPeak: (samplesPerSecond * FLOPS_PER_SAMPLE) / PEAK_FLOPS,
    epochCpuSeconds,
    samplesPerCpuSecond: epochCpuSeconds ? ROWS / meanOf(epochCpuSeconds) : null,
  };
}
