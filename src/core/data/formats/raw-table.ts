import type { SourceValue } from '../infer-type';

/** A decoded file before names are made unique and types inferred. */
export interface RawTable {
  /** Column names as the file gives them. */
  header: string[];
  /** Column-major values: strings from text formats, typed values from JSON, Parquet and Arrow. */
  columns: SourceValue[][];
  rows: number;
}
