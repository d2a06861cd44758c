import type { TopLevelSpec } from 'vega-lite';
import type { CellValue } from '../../data/infer-type';

/**
 * One output of a cell as a file outside the workbench shows it: a chart (Vega-Lite, as the view
 * draws it), a table of values, or plain text. Views stay the workbench's; exports read these.
 */
export type Exhibit =
  | { type: 'chart'; title: string; spec: TopLevelSpec }
  | { type: 'table'; caption: string; columns: readonly string[]; rows: readonly (readonly CellValue[])[] }
  | { type: 'text'; text: string };

/** A kind's exhibits from its saved view payload. */
export type ExhibitsOf<View> = (view: View) => Exhibit[];
