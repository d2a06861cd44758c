import type { WorkerReply, WorkerRequest } from './protocol';
import { workerParsers } from './worker-parsers';

self.onmessage = async ({ data }: MessageEvent<WorkerRequest | 'ping'>) => {
  // The page pings once to know the modules are loaded before it starts the clock.
  if (data === 'ping') return self.postMessage('ready');
  let reply: WorkerReply;
  try {
    reply = { ok: true, parsed: await workerParsers[data.parser](data.file) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
