import type { ColumnInfo, ParamIssue, Summary } from '../cells/types';

/** The saved outcome of one cell run: plain JSON, kept with the project and shown after a reload. */
export interface CellRecord {
  cellId: string;
  kind: string;
  /** The plan stamp the run was made for; a different current stamp means the result is stale. */
  stamp: string;
  status: 'done' | 'error';
  error?: string;
  issues?: ParamIssue[];
  view?: unknown;
  summary?: Summary;
  outputColumns?: ColumnInfo[];
  ms: number;
  finishedAt: string;
  /** Training backend, for cells that trained or predicted with a model. */
  backend?: string;
  mlVersion?: string;
}

export type CellStatus = 'idle' | 'running' | 'done' | 'error' | 'stale';
