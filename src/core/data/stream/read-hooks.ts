import { CancelledError, type ProgressUpdate } from '../../cells/types';

/** What a long read needs from its host to show progress and stop on Cancel; a cell's `RunContext` fits. */
export interface ReadHooks {
  signal?: AbortSignal;
  progress?(update: ProgressUpdate): void;
  /** Resolves once the host has handled waiting messages, such as a cancel. */
  yieldToHost?(): Promise<void>;
}

const MB = 1e6;

/**
 * Tells the host how far the read is, lets it handle Cancel, and stops the read if it was
 * cancelled. `pass` opens the message: "Read", or why the file is being read again.
 */
export async function reportRead(hooks: ReadHooks, bytesRead: number, totalBytes: number, rows: number, pass = 'Read'): Promise<void> {
  hooks.progress?.({
    fraction: totalBytes === 0 ? 1 : Math.min(1, bytesRead / totalBytes),
    message: `${pass} ${(bytesRead / MB).toFixed(0)} MB of ${(totalBytes / MB).toFixed(0)} MB, ${rows.toLocaleString('en')} rows`,
  });
  await hooks.yieldToHost?.();
  if (hooks.signal?.aborted) throw new CancelledError();
}
