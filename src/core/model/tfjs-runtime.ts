import * as tf from '@tensorflow/tfjs';
import { CellError } from '../cells/types';
import type { MlRuntime } from './runtime';
import { artifactsFromFiles, fromLayersArtifacts, layersFiles, toLayersArtifacts } from './layers-format';
import { trainTfNetwork } from './tfjs-training';

export type TfBackendName = 'webgl' | 'wasm' | 'cpu';

export interface TfRuntimeOptions {
  /** Tried in order; the first that starts is used, unless `choose` is `fastest`. */
  backends: readonly TfBackendName[];
  /**
   * `fastest` times a training step of a small network on every backend that starts and keeps the
   * quickest: which one wins depends on the machine (a GPU, SwiftShader, SIMD), so it is measured.
   */
  choose?: 'first' | 'fastest';
  /** Where the WASM backend finds its .wasm files: a folder prefix or a file-name → URL map. */
  wasmPaths?: string | Record<string, string>;
}

// The WASM backend accepts its paths once, before it first starts.
let wasmPathsSet = false;

async function registerBackend(name: TfBackendName, options: TfRuntimeOptions): Promise<void> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (options.wasmPaths !== undefined && !wasmPathsSet) {
      wasm.setWasmPaths(options.wasmPaths);
      wasmPathsSet = true;
    }
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  }
}

/** `setBackend` resolves false when a backend cannot start (no WebGL context) and may throw (a .wasm fetch fails). */
async function startBackend(name: TfBackendName, options: TfRuntimeOptions): Promise<boolean> {
  try {
    await registerBackend(name, options);
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** Shaped like the default network, so the probe ranks backends for the size users train. */
const PROBE_LAYERS = [64, 128, 64, 1];
const PROBE_BATCH = 256;
const PROBE_WARMUP_STEPS = 3;
const PROBE_TIMED_STEPS = 8;

/** Milliseconds per Adam step of the probe network on the current backend; every tensor it makes is freed. */
async function probeStepMs(): Promise<number> {
  const x = tf.randomUniform([PROBE_BATCH, PROBE_LAYERS[0]], -1, 1, 'float32', 1);
  const y = tf.randomUniform([PROBE_BATCH, 1], -1, 1, 'float32', 2);
  // Inside tidy, so the initial values are freed once the variables hold them.
  const weights = tf.tidy(() => PROBE_LAYERS.slice(1).map((units, index) => tf.variable(tf.randomNormal([PROBE_LAYERS[index], units], 0, 0.1, 'float32', 3 + index))));
  const optimizer = tf.train.adam(0.001);
  const step = () =>
    optimizer.minimize(() => {
      let output: tf.Tensor = x;
      for (const [index, weight] of weights.entries()) {
        const product = tf.matMul(output as tf.Tensor2D, weight as tf.Tensor2D);
        output = index < weights.length - 1 ? tf.relu(product) : product;
      }
      return tf.losses.meanSquaredError(y, output) as tf.Scalar;
    }, true);
  const run = async (steps: number) => {
    for (let i = 0; i < steps - 1; i++) step()?.dispose();
    const loss = step();
    // Reading the loss waits for a backend that queues work (WebGL) to finish it.
    await loss?.data();
    loss?.dispose();
  };
  try {
    await run(PROBE_WARMUP_STEPS);
    const started = performance.now();
    await run(PROBE_TIMED_STEPS);
    return (performance.now() - started) / PROBE_TIMED_STEPS;
  } finally {
    optimizer.dispose();
    tf.dispose([x, y, ...weights]);
  }
}

/** The backends of `options` that start here, each with its probe time when asked for the fastest. */
async function startedBackends(options: TfRuntimeOptions): Promise<Map<TfBackendName, number | null>> {
  const started = new Map<TfBackendName, number | null>();
  for (const name of options.backends) {
    if (!(await startBackend(name, options))) continue;
    await tf.ready();
    if (options.choose !== 'fastest') return new Map([[name, null]]);
    started.set(name, await probeStepMs());
  }
  return started;
}

/** Starts TF.js on the first backend in `options.backends` that works here, or on the fastest of them. */
export async function createTfRuntime(options: TfRuntimeOptions): Promise<MlRuntime> {
  const started = await startedBackends(options);
  if (started.size === 0) throw new CellError(`No training backend could start here (tried ${options.backends.join(', ')})`);
  const [chosen] = [...started].sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))[0];
  if (tf.getBackend() !== chosen) await tf.setBackend(chosen);
  const probeMs = Object.fromEntries([...started].filter((entry): entry is [TfBackendName, number] => entry[1] !== null));
  return {
    get backend() {
      return tf.getBackend();
    },
    version: tf.version_core,
    probeMs,
    async useBackend(name) {
      if (!started.has(name as TfBackendName)) throw new CellError(`The ${name} backend did not start here: choose one of ${[...started.keys()].join(', ')}`);
      await tf.setBackend(name);
    },
    trainNetwork: trainTfNetwork,
    async saveModel(model, metadata) {
      const { json, weights } = layersFiles(await toLayersArtifacts(model, metadata), 'model');
      return { json, weights };
    },
    loadModel: ({ json, weights }) => fromLayersArtifacts(artifactsFromFiles(json, weights)),
  };
}
