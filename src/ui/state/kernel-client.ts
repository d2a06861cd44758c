import { proxy, wrap, type Remote } from 'comlink';
import type { KernelApi, RunEvents, RunOutcome } from '../../../workers/kernel.worker';
import type { NotebookDocument } from '../../core/notebook/document';

/** The page's handle on the kernel worker; only the worker parses, encodes or trains. */
export interface KernelClient {
  readonly api: Remote<KernelApi>;
  run(doc: NotebookDocument, cellId: string, events: RunEvents): Promise<RunOutcome>;
  dispose(): void;
}

export function startKernel(onCrash: (message: string) => void): KernelClient {
  const worker = new Worker(new URL('../../../workers/kernel.worker.ts', import.meta.url), { type: 'module', name: 'kernel' });
  worker.addEventListener('error', (event) => onCrash(event.message || 'The kernel worker stopped unexpectedly'));
  const api = wrap<KernelApi>(worker);
  // Chromium tells the page its heap limit; the kernel sizes datasets by it.
  const heap = (performance as Performance & { memory?: { jsHeapSizeLimit: number } }).memory;
  void api.configure({ deviceMemoryGiB: (navigator as Navigator & { deviceMemory?: number }).deviceMemory, heapLimitBytes: heap?.jsHeapSizeLimit });
  return {
    api,
    run: (doc, cellId, events) => api.run(doc, cellId, proxy(events)),
    dispose: () => worker.terminate(),
  };
}
