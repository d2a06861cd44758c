import { isRecord } from '../core/is-record';

/** About how many bytes each part of a project takes as stored. */
export interface ProjectSizes {
  document: number;
  records: number;
  dataset: number;
}

/** One project as the project list shows it; kept on its own shelf so the list never reads documents or datasets. */
export interface ProjectMeta {
  /** The document's id. */
  id: string;
  title: string;
  /** ISO times. */
  modifiedAt: string;
  /** Null for a copy that was never opened. */
  openedAt: string | null;
  datasetName: string | null;
  /** Document, results and dataset together, as stored. */
  bytes: number;
  sizes: ProjectSizes;
  /** Set by a delete; the project stays restorable until the next start purges it. */
  deletedAt?: string;
}

export function newMeta(id: string, title: string, now: string): ProjectMeta {
  return { id, title, modifiedAt: now, openedAt: now, datasetName: null, bytes: 0, sizes: { document: 0, records: 0, dataset: 0 } };
}

/** `bytes` always sums the parts, whichever part changed. */
export function withSizes(meta: ProjectMeta, sizes: Partial<ProjectSizes>): ProjectMeta {
  const merged = { ...meta.sizes, ...sizes };
  return { ...meta, sizes: merged, bytes: merged.document + merged.records + merged.dataset };
}

const isSize = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Stored entries are checked on read: a bad one is left out of the list rather than shown half-right. */
export function readMeta(raw: unknown): ProjectMeta | null {
  if (!isRecord(raw) || !isRecord(raw.sizes)) return null;
  const { id, title, modifiedAt, openedAt, datasetName, deletedAt } = raw;
  const { document, records, dataset } = raw.sizes;
  if (typeof id !== 'string' || typeof title !== 'string' || !isTime(modifiedAt)) return null;
  if (openedAt !== null && !isTime(openedAt)) return null;
  if (datasetName !== null && typeof datasetName !== 'string') return null;
  if (deletedAt !== undefined && !isTime(deletedAt)) return null;
  if (!isSize(document) || !isSize(records) || !isSize(dataset)) return null;
  const meta = withSizes({ id, title, modifiedAt, openedAt, datasetName, bytes: 0, sizes: { document, records, dataset } }, {});
  return deletedAt === undefined ? meta : { ...meta, deletedAt };
}
