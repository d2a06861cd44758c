import type { ProgressUpdate, Summary } from '../../core/cells/types';

/** Props every cell-kind view component receives. `view` is the kind's saved view payload. */
export interface CellViewProps<View = unknown> {
  view: View | undefined;
  summary: Summary | undefined;
  /** Progress of the run under way (empty when idle), e.g. the live loss curve's points. */
  progress: ProgressUpdate[];
}
