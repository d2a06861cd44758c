/** One run of the epoch benchmark in Node on one backend; prints its EpochSpeed as JSON. */
import { createTfRuntime, type TfBackendName } from '../../../src/core/model/tfjs-runtime';
import { measureEpochSpeed, speedData } from './epoch';

const backend = (process.argv[2] ?? 'wasm') as TfBackendName;
const runtime = await createTfRuntime({ backends: [backend], wasmPaths: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
console.log(JSON.stringify(await measureEpochSpeed(runtime, speedData(), Number(process.argv[3] ?? 3), cpuSeconds)));
