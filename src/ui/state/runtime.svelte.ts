import type { ProgressUpdate } from '../../core/cells/types';
import type { CellRecord } from '../../core/runtime/record';
import type { RunningCell } from '../../storage/read-saved';

/** What running cells produced: never saved with the document, only beside it. */
export class RuntimeState {
  /** The latest record of each cell, by cell id; kept even when stale so the last output stays visible. */
  records = $state.raw<Record<string, CellRecord>>({});
  running = $state.raw<RunningCell | null>(null);
  readonly runningCellId: string | null = $derived(this.running?.cellId ?? null);
  /** Cells that were running when the page closed: shown as not finished until they run again. */
  interrupted = $state.raw<RunningCell[]>([]);
  /** What the project saves as started and not finished, so a reload mid-run can say which cells. */
  readonly unfinished: RunningCell[] = $derived(this.running ? [...this.interrupted, this.running] : this.interrupted);
  /** Updates of the run under way, per cell, e.g. for a live loss curve. */
  progress = $state.raw<Record<string, ProgressUpdate[]>>({});
  /** True from a Run or Run all request until it settles, ancestors included. */
  busy = $state(false);

  start(cellId: string): void {
    this.running = { cellId, startedAt: new Date().toISOString() };
    if (this.wasInterrupted(cellId)) this.interrupted = this.interrupted.filter((cell) => cell.cellId !== cellId);
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
    if (this.runningCellId === cellId) this.running = null;
    const { [cellId]: _ended, ...rest } = this.progress;
    this.progress = rest;
  }

  wasInterrupted(cellId: string): boolean {
    return this.interrupted.some((cell) => cell.cellId === cellId);
  }

  /** The state a project was saved in: its records, and the cells a closed page left running. */
  restore(records: CellRecord[], interrupted: RunningCell[] = []): void {
    this.records = Object.fromEntries(records.map((record) => [record.cellId, record]));
    this.interrupted = interrupted;
    this.running = null;
    this.progress = {};
  }

  /** Drops the records of cells that no longer exist. */
  keepOnly(cellIds: ReadonlySet<string>): void {
    const kept = Object.values(this.records).filter((record) => cellIds.has(record.cellId));
    if (kept.length !== Object.keys(this.records).length) this.records = Object.fromEntries(kept.map((record) => [record.cellId, record]));
    if (this.interrupted.some((cell) => !cellIds.has(cell.cellId))) this.interrupted = this.interrupted.filter((cell) => cellIds.has(cell.cellId));
  }
}
