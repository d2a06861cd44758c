import type { ProgressUpdate, Summary } from '../../core/cells/types';

/** Props every cell-kind view component receives. `view` is the kind's saved view payload. */
export interface CellViewProps<View = unknown> {
  view: View | undefined;
  summary: Summary | undefined;
  /** Progress of the run under way (empty when idle), e.g. the live loss curve's points. */
  progress: ProgressUpdate[];
  /** The cell's parameters as they stand now (maybe edited since the run), so a one-click fix builds on them. */
  params: Record<string, unknown>;
  /**
   * Changes some of the cell's parameters, as the form would: a view offers one-click fixes
   * (apply a suggested step, load a sample instead) through it.
   */
  onparams(patch: Record<string, unknown>): void;
}
