import { tableFromIPC } from '@uwdata/flechette';
import { CellError } from '../../cells/types';
import type { SourceValue } from '../infer-type';
import type { RawTable } from './raw-table';

/**
 * An Arrow IPC file or stream, decoded by flechette (arquero's own Arrow reader). Dates and
 * timestamps arrive as Date objects; 64-bit integers as numbers where exact.
 */
export function readArrow(bytes: Uint8Array, fileName: string): RawTable {
  let arrow: ReturnType<typeof tableFromIPC>;
  try {
    arrow = tableFromIPC(bytes, { useDate: true });
  } catch (error) {
    throw new CellError(`${fileName} could not be read as Arrow IPC data (${(error as Error).message}): the file is damaged or not Arrow`);
  }
  const columns: SourceValue[][] = arrow.names.map((_name, index) => Array.from(arrow.getChildAt(index) as Iterable<SourceValue>));
  return { header: [...arrow.names], columns, rows: arrow.numRows };
}
