import type { CellRecord } from '../../runtime/record';
import { aggregateExhibits } from './aggregate';
import { classifyExhibits } from './classify';
import { cleanExhibits } from './clean';
import { edaExhibits } from './eda';
import { encodeExhibits } from './encode';
import { evaluateExhibits } from './evaluate';
import { loadExhibits } from './load';
import { scoreExhibits } from './score';
import { segmentExhibits } from './segment';
import { trainMlpExhibits } from './train-mlp';
import type { Exhibit, ExhibitsOf } from './types';

export type { Exhibit } from './types';

/** Each kind's exhibits, as `src/ui/cells/views.ts` lists its views; a kind missing here exports its summary. */
const exhibitsByKind: Record<string, ExhibitsOf<any>> = {
  load: loadExhibits,
  clean: cleanExhibits,
  aggregate: aggregateExhibits,
  eda: edaExhibits,
  encode: encodeExhibits,
  'train-mlp': trainMlpExhibits,
  evaluate: evaluateExhibits,
  segment: segmentExhibits,
  classify: classifyExhibits,
  score: scoreExhibits,
};

/**
 * What a finished run shows, for export. A payload saved by an older version may not have the
 * shape its kind reads today: the export then falls back to the summary rather than failing.
 */
export function recordExhibits(record: CellRecord): Exhibit[] {
  const exhibitsOf = exhibitsByKind[record.kind];
  if (exhibitsOf && record.view !== undefined && record.view !== null) {
    try {
      return exhibitsOf(record.view);
    } catch {
      // Falls through to the summary, which every kind reports.
    }
  }
  return [];
}
