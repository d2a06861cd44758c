import { readFileSync, readdirSync } from 'node:fs';

/**
 * Resident memory of a browser's renderer processes, read from /proc: the page and its workers
 * (DuckDB's included) live in the renderer, so this is the tab's memory as the system sees it,
 * WASM heaps and array buffers included, which the JS heap figures leave out.
 */
export function rendererBytes(browserPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    // The command name in parentheses may hold spaces; the parent pid is the second field after it.
    if (stat) parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const descends = (pid: number): boolean => {
    for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent)) if (parent === browserPid) return true;
    return false;
  };
  let bytes = 0;
  for (const pid of parents.keys()) {
    if (!descends(pid) || !readProc(`/proc/${pid}/cmdline`)?.includes('--type=renderer')) continue;
    const rss = readProc(`/proc/${pid}/status`)?.match(/^VmRSS:\s+(\d+) kB/m);
    if (rss) bytes += Number(rss[1]) * 1024;
  }
  return bytes;
}

/** A process may exit between listing and reading; it then counts for nothing. */
function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Samples `rendererBytes` every `intervalMs` until stopped; returns the peak seen. */
export function samplePeak(browserPid: number, intervalMs: number): { stop(): number } {
  let peak = rendererBytes(browserPid);
  const timer = setInterval(() => (peak = Math.max(peak, rendererBytes(browserPid))), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rendererBytes(browserPid));
    },
  };
}
