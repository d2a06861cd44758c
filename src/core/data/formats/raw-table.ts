import type { SourceValue, TypedColumn } from '../infer-type';

/** A decoded file before names are made unique and types inferred. */
export interface RawTable {
  /** Column names as the file gives them. */
  header: string[];
  /** Column-major values: strings from text formats, typed values from JSON, Parquet and Arrow. */
  columns: SourceValue[][];
  rows: number;
  /**
   * Columns a reader already typed (by the rules of `infer-type.ts`), by position; their entry
   * in `columns` is empty. Null or absent where the caller types the column itself.
   */
  typedColumns?: readonly (TypedColumn | null)[];
}
