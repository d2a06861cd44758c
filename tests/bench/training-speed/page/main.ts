import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { MlRuntime } from '../../../../src/core/model/runtime';
import { createTfRuntime, type TfBackendName } from '../../../../src/core/model/tfjs-runtime';
import { measureEpochSpeed, speedData, type EpochSpeed, type SpeedData } from '../epoch';

declare global {
  interface Window {
    /** Starts one backend, builds the rows and trains one warm-up epoch; resolves to the backend that started. */
    prepare(backend: TfBackendName): Promise<string>;
    measure(epochs: number): Promise<EpochSpeed>;
  }
}

let runtime: MlRuntime | null = null;
let data: SpeedData | null = null;

window.prepare = async (backend) => {
  runtime = await createTfRuntime({
    backends: [backend],
    wasmPaths: { 'tfjs-backend-wasm.wasm': wasmUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl },
  });
  data = speedData();
  await measureEpochSpeed(runtime, data, 1);
  return runtime.backend;
};

window.measure = (epochs) => {
  if (!runtime || !data) throw new Error('prepare() first');
  return measureEpochSpeed(runtime, data, epochs);
};
