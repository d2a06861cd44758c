import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger, selectBundle } from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpModule from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { checksumOf } from './checksum';
import { CHECKSUM_COLUMN, type ParsedColumns } from './protocol';

export interface DuckDbLoad {
  parsed: ParsedColumns;
  parseSeconds: number;
}

/** DuckDB-WASM started from the bundles served beside this page (never a CDN), in its own worker. */
export async function startDuckDb(): Promise<AsyncDuckDB> {
  const bundle = await selectBundle({ mvp: { mainModule: mvpModule, mainWorker: mvpWorker }, eh: { mainModule: ehModule, mainWorker: ehWorker } });
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  return db;
}

/** `read_csv` into a DuckDB table (the parse), then the whole table fetched to an Arrow table on this thread. */
export async function loadWithDuckDb(db: AsyncDuckDB, file: File): Promise<DuckDbLoad> {
  const started = performance.now();
  await db.registerFileHandle(file.name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const connection = await db.connect();
  await connection.query(`CREATE TABLE sessions AS SELECT * FROM read_csv('${file.name.replace(/'/g, "''")}')`);
  const parseSeconds = (performance.now() - started) / 1000;
  const table = await connection.query('SELECT * FROM sessions');
  const hits = table.getChild(CHECKSUM_COLUMN);
  if (!hits) throw new Error(`DuckDB's table has no ${CHECKSUM_COLUMN} column`);
  return { parsed: { rows: table.numRows, columns: table.numCols, checksum: checksumOf(hits) }, parseSeconds };
}
