import type { CellRecord } from '../core/runtime/record';
import type { Summary } from '../core/cells/types';
import type { NotebookRun } from './run-notebook';

const SUMMARY_FIGURES = 6;

function formatValue(value: Summary[string]): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  return String(value);
}

/** `encode      done      412 ms  train_rows=8878 validation_rows=986 ...` */
export function cellLine(record: CellRecord): string {
  const figures = Object.entries(record.summary ?? {})
    .slice(0, SUMMARY_FIGURES)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(' ');
  return `${record.kind.padEnd(10)} ${record.status.padEnd(5)} ${String(Math.round(record.ms)).padStart(7)} ms  ${figures}`.trimEnd();
}

function lastSummary(run: NotebookRun, kind: string): Summary {
  return [...run.records].reverse().find((record) => record.kind === kind)?.summary ?? {};
}

/** The one JSON object `--json` prints. */
export function jsonReport(run: NotebookRun): unknown {
  const metrics = lastSummary(run, 'evaluate');
  const load = lastSummary(run, 'load');
  return {
    metrics: {
      r2: metrics.r2 ?? null,
      rmse: metrics.rmse ?? null,
      mae: metrics.mae ?? null,
      baseline_r2: metrics.baseline_r2 ?? null,
    },
    cells: run.records.map((record) => ({ kind: record.kind, status: record.status, ms: Math.round(record.ms) })),
    backend: run.backend,
    rows: load.rows ?? null,
    columns: load.columns ?? null,
  };
}
