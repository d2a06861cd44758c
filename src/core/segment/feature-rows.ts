import type { ColumnTable } from 'arquero';
import { asNumber } from '../data/numeric-values';
import type { Points } from './points';

export interface FeatureRows {
  points: Points;
  /** For each point, its row in the table. */
  tableRows: Uint32Array;
  /** Per feature, how many rows lack a number there (a row can count under several). */
  missingByFeature: number[];
}

/**
 * The chosen columns as points, one per table row that has a number in every one of them: k-means
 * has no notion of a missing value, and filling one in would invent where the row sits.
 */
export function featureRows(table: ColumnTable, features: readonly string[]): FeatureRows {
  const columns = features.map((name) => table.array(name) as ArrayLike<unknown>);
  const rows = table.numRows();
  const dims = features.length;
  const values = new Float64Array(rows * dims);
  const tableRows = new Uint32Array(rows);
  const missingByFeature = new Array<number>(dims).fill(0);
  let kept = 0;
  for (let row = 0; row < rows; row++) {
    let complete = true;
    for (let j = 0; j < dims; j++) {
      const value = asNumber(columns[j][row]);
      if (value === null) {
        missingByFeature[j] += 1;
        complete = false;
      } else {
        values[kept * dims + j] = value;
      }
    }
    if (complete) tableRows[kept++] = row;
  }
  // Copied only when rows were left out: a million complete rows would otherwise be held twice.
  const complete = kept === rows;
  return {
    points: { values: complete ? values : values.slice(0, kept * dims), rows: kept, dims },
    tableRows: complete ? tableRows : tableRows.slice(0, kept),
    missingByFeature,
  };
}
