/** What the bench page and its parse worker exchange, and what the page hands back to the driver. */

export const WORKER_PARSERS = ['workbench', 'arquero', 'papaparse', 'udsv'] as const;
export const PARSERS = [...WORKER_PARSERS, 'duckdb'] as const;
export type WorkerParserName = (typeof WORKER_PARSERS)[number];
export type ParserName = (typeof PARSERS)[number];

/** The column every parser must have read as numbers; its sum checks that all read the same file. */
export const CHECKSUM_COLUMN = 'totals.hits';

/** Proof that a parser's columns are usable: their shape and a sum over one of them. */
export interface ParsedColumns {
  rows: number;
  columns: number;
  checksum: number;
}

export interface WorkerRequest {
  parser: WorkerParserName;
  file: File;
}

export type WorkerReply = { ok: true; parsed: ParsedColumns } | { ok: false; error: string };

export interface LongTaskSummary {
  count: number;
  longestMs: number;
  totalMs: number;
}

export interface IngestRun {
  parser: ParserName;
  /** From the start of the load until the columns are usable in JS. */
  seconds: number;
  /** DuckDB only: the `CREATE TABLE ... read_csv` part of `seconds`; the rest is the fetch to Arrow. */
  parseSeconds: number | null;
  /** DuckDB only: instantiating its WASM module, before the clock starts. */
  startupSeconds: number | null;
  parsed: ParsedColumns;
  /** Main-thread long tasks (over 50 ms) that started during the load. */
  longTasks: LongTaskSummary;
}
