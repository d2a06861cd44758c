import { isRecord } from '../is-record';
import { SCHEMA_VERSION, type CellDocument, type NotebookDocument } from './document';

/** A document that cannot be read, with the path of each problem (`cells[3].kind: ...`). */
export class DocumentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems: ${problems.join('; ')}`);
    this.name = 'DocumentError';
  }
}

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Version 1's Clean defaults, frozen here: an old notebook keeps meaning what it meant. */
const V1_CLEAN_DEFAULTS = {
  junkTokens: ['not available in demo dataset', '(not set)', '(not provided)', 'unknown.unknown', 'N/A', 'n/a', 'NULL', 'null'],
  fillBlanksAsZero: true,
  dropConstant: true,
  maxMissingShare: 0.95,
  fillTargetWithZero: true,
};

/**
 * Version 1's Clean options as the equivalent steps, in the order version 1 ran them. An option
 * that was off becomes a step switched off, which shows what it would change and changes nothing.
 */
function cleanStepsFromV1(params: Record<string, unknown>): Record<string, unknown> {
  const { junkTokens, fillBlanksAsZero, dropConstant, maxMissingShare, fillTargetWithZero, ...rest } = { ...V1_CLEAN_DEFAULTS, ...params };
  const on = (flag: unknown) => flag !== false;
  return {
    ...rest,
    steps: [
      { op: 'junk-tokens', enabled: true, tokens: junkTokens, emptyText: false, columns: [] },
      { op: 'retype', enabled: true },
      { op: 'blanks-as-zero', enabled: on(fillBlanksAsZero), columns: [] },
      { op: 'drop-constant', enabled: on(dropConstant) },
      { op: 'drop-mostly-missing', enabled: true, maxMissingShare },
      { op: 'fill-target', enabled: on(fillTargetWithZero) },
    ],
  };
}

/**
 * migrations[v] upgrades a version-v document to v+1; each change to the document shape adds a
 * step here and a fixture under notebooks/fixtures/.
 */
const migrations: Record<number, Migration> = {
  1: (doc) => ({
    ...doc,
    cells: Array.isArray(doc.cells)
      ? doc.cells.map((cell) =>
          isRecord(cell) && cell.kind === 'clean' && (cell.params === undefined || isRecord(cell.params))
            ? { ...cell, params: cleanStepsFromV1((cell.params ?? {}) as Record<string, unknown>) }
            : cell,
        )
      : doc.cells,
  }),
};

/**
 * Far more cells than a notebook written by hand holds; a larger document is generated or hostile,
 * and would freeze the page drawing it.
 */
export const MAX_CELLS = 1000;
/** Parameters are shallow (a list of steps holding a list of columns); deeper nesting is no notebook's. */
export const MAX_DEPTH = 32;

/** Own, plain keys only: `__proto__` and friends in imported JSON never reach a prototype. */
function plainCopy(value: unknown, depth = 0): unknown {
  if (!Array.isArray(value) && !isRecord(value)) return value;
  if (depth >= MAX_DEPTH) throw new DocumentError([`document: nested more than ${MAX_DEPTH} levels deep`]);
  if (Array.isArray(value)) return value.map((item) => plainCopy(item, depth + 1));
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    copy[key] = plainCopy(item, depth + 1);
  }
  return { ...copy };
}

function readCell(raw: unknown, index: number, problems: string[]): CellDocument | null {
  const at = `cells[${index}]`;
  if (!isRecord(raw)) {
    problems.push(`${at}: expected an object`);
    return null;
  }
  const { id, kind, title, params } = raw;
  if (typeof id !== 'string' || id === '') problems.push(`${at}.id: expected a non-empty string`);
  if (typeof kind !== 'string' || kind === '') problems.push(`${at}.kind: expected a non-empty string`);
  if (title !== undefined && typeof title !== 'string') problems.push(`${at}.title: expected a string`);
  if (params !== undefined && !isRecord(params)) problems.push(`${at}.params: expected an object`);
  if (typeof id !== 'string' || typeof kind !== 'string') return null;
  return {
    id,
    kind,
    ...(typeof title === 'string' ? { title } : {}),
    params: isRecord(params) ? (plainCopy(params) as Record<string, unknown>) : {},
  };
}

/**
 * A plain copy of a document object within the size and depth any notebook keeps, with its
 * schemaVersion checked; throws DocumentError.
 */
export function boundedCopy(input: unknown): Record<string, unknown> & { schemaVersion: number } {
  if (!isRecord(input)) throw new DocumentError(['document: expected a JSON object']);
  if (Array.isArray(input.cells) && input.cells.length > MAX_CELLS) {
    throw new DocumentError([`cells: ${input.cells.length.toLocaleString('en-US')} cells, more than the ${MAX_CELLS.toLocaleString('en-US')} a notebook may hold`]);
  }
  const doc = plainCopy(input) as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DocumentError(['schemaVersion: expected a positive integer']);
  }
  return { ...doc, schemaVersion: version };
}

/** Reads any saved or imported document, upgrading older versions; throws DocumentError. */
export function migrate(input: unknown): NotebookDocument {
  let doc: Record<string, unknown> = boundedCopy(input);
  const version = doc.schemaVersion as number;
  if (version > SCHEMA_VERSION) {
    throw new DocumentError([
      `schemaVersion: this notebook was saved by a newer version (${version}); this workbench reads up to ${SCHEMA_VERSION}`,
    ]);
  }
  for (let v = version; v < SCHEMA_VERSION; v++) doc = { ...migrations[v](doc), schemaVersion: v + 1 };

  const problems: string[] = [];
  if (typeof doc.id !== 'string' || doc.id === '') problems.push('id: expected a non-empty string');
  if (typeof doc.title !== 'string') problems.push('title: expected a string');
  if (!Array.isArray(doc.cells)) problems.push('cells: expected a list');
  const cells = Array.isArray(doc.cells) ? doc.cells.map((cell, i) => readCell(cell, i, problems)) : [];
  const seen = new Set<string>();
  cells.forEach((cell, i) => {
    if (!cell) return;
    if (seen.has(cell.id)) problems.push(`cells[${i}].id: duplicate id '${cell.id}'`);
    seen.add(cell.id);
  });
  if (problems.length > 0) throw new DocumentError(problems);
  return {
    schemaVersion: SCHEMA_VERSION,
    id: doc.id as string,
    title: doc.title as string,
    cells: cells as CellDocument[],
  };
}
