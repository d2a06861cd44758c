import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { CellError } from '../../cells/types';
import type { SourceValue } from '../infer-type';
import type { RawTable } from './raw-table';

function damaged(fileName: string, error: unknown): CellError {
  return new CellError(`${fileName} could not be read as Parquet (${(error as Error).message}): the file is damaged, cut short or not Parquet`);
}

/**
 * A Parquet file, decoded by hyparquet (pure JS, no WASM to serve). Column chunks are written
 * straight into their columns, so rows are never built as objects.
 */
export async function readParquet(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(file);
  } catch (error) {
    throw damaged(fileName, error);
  }
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const rows = Number(metadata.num_rows);
  const byName = new Map(header.map((name) => [name, new Array<SourceValue>(rows).fill(null)]));
  try {
    await parquetRead({
      file,
      metadata,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const column = byName.get(columnName);
        if (!column) return;
        for (let i = 0; i < columnData.length && rowStart + i < rows; i++) column[rowStart + i] = columnData[i] as SourceValue;
      },
    });
  } catch (error) {
    throw damaged(fileName, error);
  }
  return { header, columns: header.map((name) => byName.get(name)!), rows };
}
