import type { ColumnInfo } from '../core/cells/types';
import type { NotebookDocument } from '../core/notebook/document';
import type { CellRecord } from '../core/runtime/record';
import { isRecord } from '../core/is-record';

/**
 * Stored values are validated on read: an old build, a browser extension or a half-written
 * save may have left something else there, and a bad value must never reach the UI.
 */

export const isColumnInfo = (value: unknown): value is ColumnInfo =>
  isRecord(value) && typeof value.name === 'string' && typeof value.type === 'string';

function readRecord(raw: unknown): CellRecord | null {
  if (!isRecord(raw)) return null;
  const { cellId, kind, stamp, status, ms, finishedAt, error, summary, outputColumns } = raw;
  if (typeof cellId !== 'string' || typeof kind !== 'string' || typeof stamp !== 'string') return null;
  if (status !== 'done' && status !== 'error') return null;
  if (typeof ms !== 'number' || typeof finishedAt !== 'string') return null;
  if (error !== undefined && typeof error !== 'string') return null;
  if (summary !== undefined && !isRecord(summary)) return null;
  if (outputColumns !== undefined && !(Array.isArray(outputColumns) && outputColumns.every(isColumnInfo))) return null;
  return raw as unknown as CellRecord;
}

/** A cell whose run started and has not finished: saved as it starts, so a reload mid-run can say so. */
export interface RunningCell {
  cellId: string;
  startedAt: string;
}

export interface SavedRecords {
  documentId: string;
  records: CellRecord[];
  /**
   * Cells started and not finished: the one running, and any a closed page left running before.
   * A list, so a cell run after a reload never erases the mark of the one that was cut short.
   */
  running?: RunningCell[];
}

/** The cells of `doc` that had started and not finished when the results were last saved. */
export function readRunning(raw: unknown, doc: NotebookDocument): RunningCell[] {
  if (!isRecord(raw) || raw.documentId !== doc.id || !Array.isArray(raw.running)) return [];
  const cellIds = new Set(doc.cells.map((cell) => cell.id));
  return raw.running.flatMap((entry: unknown) => {
    if (!isRecord(entry)) return [];
    const { cellId, startedAt } = entry;
    return typeof cellId === 'string' && typeof startedAt === 'string' && cellIds.has(cellId) ? [{ cellId, startedAt }] : [];
  });
}

/** The records saved for `doc`: those of other notebooks or of deleted cells are dropped, as are malformed ones. */
export function readRecords(raw: unknown, doc: NotebookDocument): CellRecord[] {
  if (!isRecord(raw) || raw.documentId !== doc.id || !Array.isArray(raw.records)) return [];
  const cellIds = new Set(doc.cells.map((cell) => cell.id));
  return raw.records.map(readRecord).filter((record): record is CellRecord => record !== null && cellIds.has(record.cellId));
}
