import { loadWithDuckDb, startDuckDb } from './duckdb';
import type { IngestRun, LongTaskSummary, ParsedColumns, ParserName, WorkerParserName, WorkerReply } from './protocol';

declare global {
  interface Window {
    /** Loads the file chosen in the page's file input with one parser; the driver calls it once per fresh page. */
    ingest(parser: ParserName): Promise<IngestRun>;
  }
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function longTasksBetween(start: number, end: number): LongTaskSummary {
  const during = longTasks.filter((task) => task.startTime >= start && task.startTime <= end);
  return {
    count: during.length,
    longestMs: Math.max(0, ...during.map((task) => task.duration)),
    totalMs: during.reduce((sum, task) => sum + task.duration, 0),
  };
}

function chosenFile(): File {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) throw new Error('no file chosen in #file');
  return file;
}

/** A parse worker that has loaded its modules, so the clock measures parsing and not script start-up. */
async function readyWorker(): Promise<Worker> {
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = () => resolve();
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage('ping');
  });
  return worker;
}

function parseInWorker(worker: Worker, parser: WorkerParserName, file: File): Promise<ParsedColumns> {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => (data.ok ? resolve(data.parsed) : reject(new Error(data.error)));
    worker.onerror = (event) => reject(new Error(event.message || 'the parse worker failed (out of memory?)'));
    worker.postMessage({ parser, file });
  });
}

window.ingest = async (parser) => {
  const file = chosenFile();
  if (parser === 'duckdb') {
    const startupStarted = performance.now();
    const db = await startDuckDb();
    const started = performance.now();
    const { parsed, parseSeconds } = await loadWithDuckDb(db, file);
    const ended = performance.now();
    return { parser, seconds: (ended - started) / 1000, parseSeconds, startupSeconds: (started - startupStarted) / 1000, parsed, longTasks: longTasksBetween(started, ended) };
  }
  const worker = await readyWorker();
  const started = performance.now();
  const parsed = await parseInWorker(worker, parser, file);
  const ended = performance.now();
  worker.terminate();
  return { parser, seconds: (ended - started) / 1000, parseSeconds: null, startupSeconds: null, parsed, longTasks: longTasksBetween(started, ended) };
};
