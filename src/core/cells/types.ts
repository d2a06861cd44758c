import type { ColumnTable } from 'arquero';
import type { TargetTransform } from '../encode/target-transform';
import type { FittedEncoding } from '../encode/types';
import type { EmbeddingShape, MlRuntime, TrainedRegressor } from '../model/runtime';
import type { ScoringModel } from '../model/scoring-model';

/** Column types shown to the user and used by Clean / Encode to choose a treatment. */
export type ColumnType = 'number' | 'boolean' | 'timestamp' | 'categorical' | 'text' | 'identifier';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
}

/**
 * The file the project was given; the Load cell is the only reader. A file from disk comes as a
 * Blob (a File in the page, a file-backed Blob in Node), read a slice at a time and never held
 * whole; generated data and tests hand over bytes.
 */
export type DatasetFile = { name: string; blob: Blob } | { name: string; bytes: Uint8Array };

export function datasetBlob(file: DatasetFile): Blob {
  return 'blob' in file ? file.blob : new Blob([file.bytes as Uint8Array<ArrayBuffer>]);
}

/**
 * Per column, the cell texts that were read as missing and how often, e.g. `{ '': 120, NA: 3 }`:
 * the profile shows which tokens became missing, so a real value mistaken for one is visible.
 */
export type MissingTokens = Record<string, Record<string, number>>;

/** A table flowing between data cells. `target` is the column the notebook predicts, if chosen. */
export interface TableArtifact {
  kind: 'table';
  table: ColumnTable;
  columns: ColumnInfo[];
  target: string | null;
  /** Kept up to date by every cell that turns values into missing ones or drops/renames columns. */
  missingTokens: MissingTokens;
}

/** Row-major float32 design matrix with its target vector. */
export interface FeatureMatrix {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  /** Row-major level codes of the embedded categories (FeaturesArtifact.embeddings), when there are any. */
  codes?: Int32Array;
}

export interface FeaturesArtifact {
  kind: 'features';
  target: string;
  featureNames: string[];
  train: FeatureMatrix;
  validation: FeatureMatrix;
  test: FeatureMatrix;
  /** True when every training target is >= 0, so predictions may be clamped at 0. */
  targetNonNegative: boolean;
  /** `y` stays in the target's units; training fits the transformed target and Evaluate maps predictions back. */
  targetTransform: TargetTransform;
  /** The encoders fitted on the training rows, to turn new rows into the same features. */
  encoding?: FittedEncoding;
  /** Categories the network learns a vector for, in the order of each row's `codes`. */
  embeddings?: (EmbeddingShape & { column: string })[];
}

export interface ModelArtifact {
  kind: 'model';
  features: FeaturesArtifact;
  model: TrainedRegressor;
}

export type Artifact = TableArtifact | FeaturesArtifact | ModelArtifact;
export type ArtifactKind = Artifact['kind'];
export type ArtifactOf<K extends ArtifactKind> = Extract<Artifact, { kind: K }>;

/** What a cell receives: the nearest earlier artifact of each kind it asked for, and the dataset for readers. */
export type CellInput = { [K in ArtifactKind]?: ArtifactOf<K> } & { dataset?: DatasetFile };

/** Flat figures a run reports; the headless runner prints them and Evaluate's hold the metrics. */
export type Summary = Record<string, number | string | boolean | null>;

export interface CellOutput<View = unknown> {
  /** Handed to later cells; lives only in memory (worker or runner). */
  artifact?: Artifact;
  /** Plain JSON the kind's view component renders; saved with the project. */
  view: View;
  summary: Summary;
  /** Columns of a produced table, so later cells can offer column pickers without the data. */
  outputColumns?: ColumnInfo[];
}

export interface ProgressUpdate {
  /** 0..1 */
  fraction: number;
  message?: string;
  etaMs?: number;
  /** One point of a live curve, e.g. { epoch: 3, train: 0.41, validation: 0.47 }. */
  point?: Record<string, number>;
  /** The file's first rows as written, shown while the rest is still being read. */
  preview?: { header: string[]; rows: string[][] };
}

export interface RunContext {
  signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  /** Resolves after the host has had a chance to handle messages such as cancel. */
  yieldToHost(): Promise<void>;
  /** Training runtime, created on first use so data-only notebooks never load TF.js. */
  ml(): Promise<MlRuntime>;
  /** How much memory one dataset may take on this host (`memoryBudget`); the Load cell samples above it. */
  memoryBudgetBytes: number;
  /** A model kept with the project (trained here earlier or imported from files), by id; rejects with a CellError when there is none. */
  keptModel(id: string): Promise<ScoringModel>;
  /** This cell's summary from its last successful run in this session, for a "previous run" comparison. */
  previousSummary?: Summary;
}

interface FieldBase {
  key: string;
  label: string;
  help?: string;
}

/** Describes one editable parameter; the UI renders the form and validation is derived from it. */
export type ParamField =
  | (FieldBase & { type: 'integer' | 'number'; min?: number; max?: number; step?: number })
  | (FieldBase & { type: 'text' | 'markdown' })
  | (FieldBase & { type: 'boolean' })
  | (FieldBase & { type: 'select'; options: readonly { value: string; label: string }[] })
  /** One column of the table known at this cell; '' means none. */
  | (FieldBase & { type: 'column'; optional?: boolean })
  | (FieldBase & { type: 'columns' })
  | (FieldBase & { type: 'integer-list'; min?: number; max?: number })
  | (FieldBase & { type: 'string-list' })
  /** Column name → type, for the known columns; only the columns the user set are stored. */
  | (FieldBase & { type: 'column-types'; types: readonly ColumnType[] })
  /** A model kept with the project, by id; '' means the model of the Train cell above. */
  | (FieldBase & { type: 'model' })
  /** An ordered list of operations (clean steps, aggregations), each with parameters of its own. */
  | (FieldBase & { type: 'operations'; operations: readonly OperationSpec[] });

/** One kind of item an `operations` field offers: what its parameters are, as a cell kind's fields. */
export interface OperationSpec {
  op: string;
  label: string;
  help?: string;
  fields: readonly ParamField[];
  defaults(): Record<string, unknown>;
}

/** An item of an `operations` list as saved in the notebook: which operation, and its parameters. */
export type OperationItem = { op: string } & Record<string, unknown>;

export interface ParamIssue {
  /** The parameter's key, e.g. `epochs`. */
  path: string;
  message: string;
}

export interface CellKind<Params extends object = Record<string, unknown>, View = unknown> {
  kind: string;
  label: string;
  description: string;
  /** Artifact kinds taken from the nearest earlier cell that produces each. */
  inputs: readonly ArtifactKind[];
  /** The inputs these parameters need, when fewer than `inputs` (a model kept with the project stands in for a Train cell's). */
  inputsFor?(params: Params): readonly ArtifactKind[];
  output: ArtifactKind | null;
  /** The Load cell reads the project's dataset; its results depend on which file it is. */
  readsDataset?: boolean;
  /** A note holds prose only: it never runs and has no status. */
  note?: boolean;
  fields: readonly ParamField[];
  defaults(): Params;
  /** Parameters saved by an earlier version of this kind, rewritten in today's keys (before defaults fill the rest). */
  upgradeParams?(saved: Record<string, unknown>): Record<string, unknown>;
  /** Checks beyond what `fields` imply (cross-field rules). */
  check?(params: Params): ParamIssue[];
  run(input: CellInput, params: Params, ctx: RunContext): Promise<CellOutput<View>>;
}

/** An error whose message is meant for the user as it stands (no stack trace shown). */
export class CellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}
