import * as tf from '@tensorflow/tfjs';
import { CellError } from '../cells/types';
import type { MlRuntime } from './runtime';
import { trainTfNetwork } from './tfjs-training';

export type TfBackendName = 'webgl' | 'wasm' | 'cpu';

export interface TfRuntimeOptions {
  /** Tried in order; the first that starts is used. */
  backends: readonly TfBackendName[];
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

/** Starts TF.js on the first backend in `options.backends` that works here. */
export async function createTfRuntime(options: TfRuntimeOptions): Promise<MlRuntime> {
  for (const name of options.backends) {
    if (await startBackend(name, options)) {
      await tf.ready();
      return {
        backend: tf.getBackend(),
        version: tf.version_core,
        trainNetwork: trainTfNetwork,
      };
    }
  }
  throw new CellError(`No training backend could start here (tried ${options.backends.join(', ')})`);
}
