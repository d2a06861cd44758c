/** The saved notebook: what users export, import and share. Runtime state never lives here. */
/** 2: the Clean cell's fixed options became an ordered list of steps (`steps`). */
export const SCHEMA_VERSION = 2;

export interface CellDocument {
  id: string;
  kind: string;
  /** Shown instead of the kind's label when set. */
  title?: string;
  params: Record<string, unknown>;
}

export interface NotebookDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  title: string;
  cells: CellDocument[];
}

let idCounter = 0;

/** Short unique ids; crypto.randomUUID is absent on plain-http origins other than localhost. */
export function newId(prefix: string): string {
  idCounter += 1;
  const random = Math.floor(Math.random() * 2 ** 32).toString(36);
  return `${prefix}-${Date.now().toString(36)}-${random}-${idCounter.toString(36)}`;
}
