import type { ProgressUpdate } from '../../core/cells/types';
import type { CellRecord } from '../../core/runtime/record';

/** What running cells produced: never saved with the document, only beside it. */
export class RuntimeState {
  /** The latest record of each cell, by cell id; kept even when stale so the last output stays visible. */
  records = $state.raw<Record<string, CellRecord>>({});
  runningCellId = $state<string | null>(null);
  /** Updates of the run under way, per cell, e.g. for a live loss curve. */
  progress = $state.raw<Record<string, ProgressUpdate[]>>({});
  /** True from a Run or Run all request until it settles, ancestors included. */
  busy = $state(false);

  start(cellId: string): void {
    this.runningCellId = cellId;
    this.progress = { ...this.progress, [cellId]: [] };
  }

  addProgress(cellId: string, update: ProgressUpdate): void {
    this.progress = { ...this.progress, [cellId]: [...(this.progress[cellId] ?? []), update] };
  }

  finish(record: CellRecord): void {
    this.records = { ...this.records, [record.cellId]: record };
    this.endRun(record.cellId);
  }

  /** A cancelled cell keeps its previous record; only its progress goes. */
  endRun(cellId: string): void {
    if (this.runningCellId === cellId) this.runningCellId = null;
    const { [cellId]: _ended, ...rest } = this.progress;
    this.progress = rest;
  }

  restore(records: CellRecord[]): void {
    this.records = Object.fromEntries(records.map((record) => [record.cellId, record]));
  }

  /** Drops the records of cells that no longer exist. */
  keepOnly(cellIds: ReadonlySet<string>): void {
    const kept = Object.values(this.records).filter((record) => cellIds.has(record.cellId));
    if (kept.length !== Object.keys(this.records).length) this.restore(kept);
  }
}
