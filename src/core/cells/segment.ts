import { table as arqueroTable } from 'arquero';
import { plural } from '../data/clean/step';
import type { CellValue } from '../data/infer-type';
import { asNumber } from '../data/numeric-values';
import type { ScanPoint } from '../segment/choose-k';
import { featureRows, type FeatureRows } from '../segment/feature-rows';
import { profileSegments, type SegmentProfiles } from '../segment/profile';
import { SCAN_KS, segmentPoints, type Scaling, type Segmentation } from '../segment/segmentation';
import { CancelledError, CellError, type CellKind, type ColumnInfo, type ParamIssue, type RunContext, type TableArtifact } from './types';

export interface SegmentParams {
  /** Empty: every numeric column except the target. */
  features: string[];
  /** 'auto' or a whole number as text, e.g. '3'. */
  k: string;
  scaling: Scaling;
  restarts: number;
  seed: number;
  /** Names of the segments, largest first; an empty or absent name reads "Segment n". */
  names: string[];
  /** The column the segment names go into. */
  column: string;
}

export interface SegmentView {
  features: string[];
  scaling: Scaling;
  /** Rows in the table; `rowsUsed` of them had a number in every feature. */
  rows: number;
  rowsUsed: number;
  /** Per feature, rows left out because it was missing there; only features with some. */
  missing: { feature: string; rows: number }[];
  k: number;
  chosenBy: Segmentation['chosenBy'];
  elbowK: number | null;
  bestSilhouetteK: number | null;
  scan: ScanPoint[];
  /** Rows each k of the scan was fitted on (a seeded sample above `SCAN_MAX_ROWS`). */
  scanRows: number;
  silhouette: number | null;
  silhouetteRows: number;
  silhouetteExact: boolean;
  inertia: number;
  iterations: number;
  converged: boolean;
  /** The names the run wrote into the column, one per segment. */
  names: string[];
  column: string;
  target: string | null;
  /** A yes/no target's mean is its conversion rate, so the view shows that once. */
  targetIsYesNo: boolean;
  profiles: SegmentProfiles;
  /** Explained variance share of each projected component. */
  explainedVarianceRatio: number[];
  /** The projected sample: coordinates and segment per point (rounded; y is 0 with one feature). */
  scatter: { x: number[]; y: number[]; segment: number[] };
  notes: string[];
}

const K_CHOICES = ['auto', ...Array.from({ length: 11 }, (_, i) => String(i + 2))];
const SCATTER_DIGITS = 1e4;

export function defaultSegmentName(index: number): string {
  return `Segment ${index + 1}`;
}

/** The name each of `k` segments gets: the saved one where set, "Segment n" otherwise. */
export function segmentNames(saved: readonly string[], k: number): string[] {
  return Array.from({ length: k }, (_, index) => saved[index]?.trim() || defaultSegmentName(index));
}

function duplicateName(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

function chooseFeatures(source: TableArtifact, requested: readonly string[]): string[] {
  if (requested.length === 0) {
    const numeric = source.columns.filter((column) => column.type === 'number' && column.name !== source.target).map((column) => column.name);
    if (numeric.length === 0) throw new CellError('Features: the table has no numeric column besides the target; choose the columns to cluster on');
    return numeric;
  }
  for (const name of requested) {
    const column = source.columns.find((info) => info.name === name);
    if (!column) throw new CellError(`Features: column '${name}' is not in the table (columns: ${source.columns.map((info) => info.name).join(', ')})`);
    if (column.type !== 'number' && column.type !== 'boolean') {
      throw new CellError(`Features: column '${name}' is ${column.type}; Segment clusters numeric columns (encode categories as numbers first, or leave it out)`);
    }
  }
  return [...requested];
}

/** The target per clustered row, when the table has a numeric or yes/no target. */
function targetValues(source: TableArtifact, tableRows: Uint32Array): { values: (number | null)[] | null; yesNo: boolean; note: string | null } {
  if (source.target === null) return { values: null, yesNo: false, note: null };
  const column = source.columns.find((info) => info.name === source.target);
  if (!column || (column.type !== 'number' && column.type !== 'boolean')) {
    return { values: null, yesNo: false, note: `The target ${source.target} is not numeric here, so the profile has no conversion rate or mean target.` };
  }
  const all = source.table.array(column.name) as ArrayLike<CellValue>;
  return { values: Array.from(tableRows, (row) => asNumber(all[row])), yesNo: column.type === 'boolean', note: null };
}

/** More rows than clusters are needed (three for an automatic k); the message names the features that left rows out. */
function checkEnoughRows(features: readonly string[], rows: FeatureRows, k: number | 'auto'): void {
  const needed = k === 'auto' ? SCAN_KS[0] + 1 : k + 1;
  if (rows.points.rows >= needed) return;
  const sparsest = features
    .map((feature, j) => ({ feature, missing: rows.missingByFeature[j] }))
    .filter((entry) => entry.missing > 0)
    .sort((a, b) => b.missing - a.missing)
    .slice(0, 3)
    .map((entry) => `${entry.feature}: ${plural(entry.missing, 'row')}`);
  const hint = sparsest.length > 0 ? ` (missing most: ${sparsest.join(', ')}; leave such features out, or fill them in a Clean cell)` : '';
  throw new CellError(`Only ${plural(rows.points.rows, 'row')} ${rows.points.rows === 1 ? 'has' : 'have'} a number in every feature; k = ${k} needs at least ${needed}${hint}`);
}

/** Yields to the host at most every few tens of milliseconds (a yield per iteration would slow small fits down); stops as soon as cancelled. */
function throttledCheckpoint(ctx: RunContext, intervalMs = 40): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (ctx.signal.aborted) throw new CancelledError();
    if (performance.now() - last < intervalMs) return;
    await ctx.yieldToHost();
    if (ctx.signal.aborted) throw new CancelledError();
    last = performance.now();
  };
}

const round = (value: number) => Math.round(value * SCATTER_DIGITS) / SCATTER_DIGITS;

function scatterView(segmentation: Segmentation): SegmentView['scatter'] {
  const components = segmentation.pca.components.length;
  const rows = Array.from(segmentation.scatterRows);
  return {
    x: rows.map((_, i) => round(segmentation.scatter[i * components])),
    y: rows.map((_, i) => (components > 1 ? round(segmentation.scatter[i * components + 1]) : 0)),
    segment: rows.map((row) => segmentation.fit.labels[row]),
  };
}

function runNotes(source: TableArtifact, features: readonly string[], segmentation: Segmentation, usedRows: number): string[] {
  const notes: string[] = [];
  const constant = segmentation.scaling?.constantColumns.map((index) => features[index]) ?? [];
  if (constant.length > 0) notes.push(`${constant.join(', ')} ${constant.length === 1 ? 'does' : 'do'} not vary, so ${constant.length === 1 ? 'it plays' : 'they play'} no part in the clusters.`);
  if (!segmentation.fit.converged) notes.push(`k-means stopped at its iteration limit before converging; the segments may still shift slightly.`);
  if (segmentation.scanRows < usedRows) notes.push(`The elbow scan fitted each k on a seeded sample of ${segmentation.scanRows.toLocaleString('en-US')} rows; the chosen k was fitted on all ${usedRows.toLocaleString('en-US')}.`);
  if (source.target !== null && features.includes(source.target)) notes.push(`The target ${source.target} is one of the features: the segments are partly defined by it, so their conversion rates are no finding.`);
  if (source.target !== null) {
    notes.push('Segments are fitted on every row, test rows included (no target is used): a model that takes the segment column sees cluster shapes drawn partly from its test rows.');
  }
  return notes;
}

export const segmentCell: CellKind<SegmentParams, SegmentView> = {
  kind: 'segment',
  label: 'Segment',
  description: 'Cluster sessions with k-means (k-means++, several seeded restarts): elbow and silhouette to choose k, a profile per segment, a PCA scatter, and a segment column for later cells.',
  inputs: ['table'],
  output: 'table',
  fields: [
    { key: 'features', label: 'Features', type: 'columns', help: 'Numeric columns to cluster on; none chosen: every numeric column except the target. Rows missing any of them are left out.' },
    {
      key: 'k',
      label: 'Number of segments (k)',
      type: 'select',
      options: K_CHOICES.map((value) => ({ value, label: value === 'auto' ? `auto (best silhouette, k = ${SCAN_KS[0]}–${SCAN_KS[SCAN_KS.length - 1]})` : value })),
    },
    {
      key: 'scaling',
      label: 'Scaling',
      type: 'select',
      options: [
        { value: 'standard', label: 'Standard (mean 0, sd 1)' },
        { value: 'none', label: 'None (features in their own units)' },
      ],
      help: 'k-means measures plain distances: unscaled, the feature with the largest numbers decides the clusters.',
    },
    { key: 'restarts', label: 'Restarts', type: 'integer', min: 1, max: 100, help: 'k-means++ starts per k; the fit with the lowest inertia is kept.' },
    { key: 'seed', label: 'Seed', type: 'integer', min: 0, help: 'k-means++ starts and the sampled rows.' },
    { key: 'names', label: 'Segment names', type: 'string-list', help: 'One per line, largest segment first; they can also be edited in the results.' },
    { key: 'column', label: 'Output column', type: 'text', help: 'The column that gets each row’s segment name.' },
  ],
  defaults: () => ({ features: [], k: 'auto', scaling: 'standard', restarts: 10, seed: 42, names: [], column: 'segment' }),
  check(params) {
    const issues: ParamIssue[] = [];
    if (params.column.trim() === '') issues.push({ path: 'column', message: 'Output column: a name is needed' });
    const duplicate = duplicateName(params.names.map((name) => name.trim()).filter((name) => name !== ''));
    if (duplicate !== null) issues.push({ path: 'names', message: `Segment names: '${duplicate}' is used twice; each segment needs its own name` });
    return issues;
  },
  async run(input, params, ctx) {
    const source = input.table;
    if (!source) throw new CellError('Segment needs a table: add a Load cell above it');
    const column = params.column.trim();
    if (source.columns.some((info) => info.name === column)) throw new CellError(`Output column '${column}' is already in the table: choose another name`);
    const features = chooseFeatures(source, params.features);
    const rows = featureRows(source.table, features);
    const k = params.k === 'auto' ? 'auto' : Number(params.k);
    checkEnoughRows(features, rows, k);

    const segmentation = await segmentPoints(rows.points, { k, restarts: params.restarts, seed: params.seed, scaling: params.scaling }, {
      checkpoint: throttledCheckpoint(ctx),
      progress: (fraction, message) => ctx.progress({ fraction, message }),
    });
    const { fit } = segmentation;
    const target = targetValues(source, rows.tableRows);
    const profiles = profileSegments(rows.points, fit.labels, segmentation.k, target.values);
    const empty = profiles.segments.filter((profile) => profile.rows === 0).length;
    if (empty > 0) {
      throw new CellError(`k = ${segmentation.k} left ${plural(empty, 'segment')} empty: the features have fewer distinct rows than that; choose a smaller k`);
    }
    const names = segmentNames(params.names, segmentation.k);
    const repeated = duplicateName(names);
    if (repeated !== null) throw new CellError(`Segment names: '${repeated}' names two segments; each segment needs its own name`);

    const labels: (string | null)[] = new Array(source.table.numRows()).fill(null);
    rows.tableRows.forEach((row, point) => (labels[row] = names[fit.labels[point]]));
    const table = source.table.assign(arqueroTable({ [column]: labels }));
    const columns: ColumnInfo[] = [...source.columns, { name: column, type: 'categorical' }];
    const leftOut = source.table.numRows() - rows.points.rows;
    const notes = runNotes(source, features, segmentation, rows.points.rows);
    if (target.note) notes.push(target.note);
    return {
      artifact: { kind: 'table', table, columns, target: source.target, missingTokens: source.missingTokens },
      view: {
        features,
        scaling: params.scaling,
        rows: source.table.numRows(),
        rowsUsed: rows.points.rows,
        missing: features.map((feature, j) => ({ feature, rows: rows.missingByFeature[j] })).filter((entry) => entry.rows > 0),
        k: segmentation.k,
        chosenBy: segmentation.chosenBy,
        elbowK: segmentation.elbowK,
        bestSilhouetteK: segmentation.bestSilhouetteK,
        scan: segmentation.scan,
        scanRows: segmentation.scanRows,
        silhouette: segmentation.silhouette,
        silhouetteRows: segmentation.silhouetteRows,
        silhouetteExact: segmentation.silhouetteExact,
        inertia: fit.inertia,
        iterations: fit.iterations,
        converged: fit.converged,
        names,
        column,
        target: target.values ? source.target : null,
        targetIsYesNo: target.yesNo,
        profiles,
        explainedVarianceRatio: segmentation.pca.explainedVarianceRatio,
        scatter: scatterView(segmentation),
        notes,
      },
      summary: {
        k: segmentation.k,
        chosen_by: segmentation.chosenBy,
        silhouette: segmentation.silhouette,
        inertia: fit.inertia,
        rows_used: rows.points.rows,
        rows_left_out: leftOut,
      },
      outputColumns: columns,
    };
  },
};
