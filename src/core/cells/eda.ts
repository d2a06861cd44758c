import type { TopLevelSpec } from 'vega-lite';
import { correlationBarsSpec, type FeatureCorrelation } from '../charts/correlation-bars';
import { correlationHeatmapSpec } from '../charts/correlation-heatmap';
import { groupMeansSpec } from '../charts/group-means';
import { histogramSpec } from '../charts/histogram';
import { columnFlags, type ColumnFlag } from '../data/column-flags';
import { correlationRatio, groupTargetMeans } from '../data/group-means';
import { equalWidthBins } from '../data/histogram';
import type { CellValue } from '../data/infer-type';
import { asNumber } from '../data/numeric-values';
import { profileColumn, type ColumnProfile } from '../data/profile';
import { chooseMatrixColumns, correlationMatrix, type CorrelationMatrix } from '../data/profile/correlation-matrix';
import { completePairs, mean, pearson, sortedQuantile, spearman } from '../data/stats';
import { DEFAULT_JUNK_TOKENS } from './clean';
import { CancelledError, CellError, type CellKind, type RunContext, type Summary, type TableArtifact } from './types';

export interface EdaParams {
  /** Column for "mean target by level"; '' picks the most associated one with at most 30 levels. */
  groupBy: string;
}

export interface EdaColumnSummary extends ColumnProfile {
  flags: ColumnFlag[];
}

export interface TargetSummary {
  column: string;
  count: number;
  missing: number;
  zeroShare: number;
  mean: number;
  median: number;
  max: number;
  /** Mean over the rows above 0, e.g. the average order value. */
  meanPositive: number | null;
}

export interface EdaChart {
  title: string;
  spec: TopLevelSpec;
}

export interface GroupByChoice {
  column: string;
  /** How the column was chosen, as shown to the user. */
  reason: string;
  correlationRatio: number | null;
}

export interface CorrelationMatrixView extends CorrelationMatrix {
  spec: TopLevelSpec;
  /** Why some numeric columns are missing from the matrix, when they are. */
  note: string | null;
}

export interface EdaView {
  rows: number;
  columns: EdaColumnSummary[];
  /** Null with fewer than two numeric columns that vary. */
  matrix: CorrelationMatrixView | null;
  target: TargetSummary | null;
  /** Why the target charts are missing, when they are. */
  targetMessage: string | null;
  groupBy: GroupByChoice | null;
  correlations: FeatureCorrelation[];
  charts: EdaChart[];
}

const HISTOGRAM_BINS = 40;
const GROUP_LEVELS_SHOWN = 15;
const AUTO_GROUP_MAX_LEVELS = 30;
const CORRELATIONS_SHOWN = 25;
/** Beyond about this many columns a heatmap's squares and labels become unreadable. */
const MATRIX_MAX_COLUMNS = 20;
/** Columns profiled between checks for cancel, so a wide table never holds the worker for long. */
const COLUMNS_PER_CHECKPOINT = 8;
const NOTE_NAMES_SHOWN = 10;

function targetValues(data: TableArtifact): { values: (number | null)[] } | { message: string } {
  if (data.target === null) return { message: 'No target column: pick a target column in the Load cell to see its distribution.' };
  const column = data.columns.find((info) => info.name === data.target);
  if (!column) return { message: `The target ${data.target} is no longer in the table: check the Clean cell.` };
  if (column.type !== 'number' && column.type !== 'boolean') {
    return { message: `The target ${data.target} is ${column.type}, not numeric: check the Clean cell's junk tokens, or pick a numeric target in the Load cell.` };
  }
  return { values: Array.from(data.table.array(column.name) as ArrayLike<CellValue>, asNumber) };
}

function summarizeTarget(column: string, values: readonly (number | null)[]): TargetSummary | null {
  const present = Float64Array.from(values.filter((value): value is number => value !== null)).sort();
  if (present.length === 0) return null;
  const positive = present.filter((value) => value > 0);
  return {
    column,
    count: present.length,
    missing: values.length - present.length,
    zeroShare: present.filter((value) => value === 0).length / present.length,
    mean: mean(present)!,
    median: sortedQuantile(present, 0.5)!,
    max: present[present.length - 1],
    meanPositive: mean(positive),
  };
}

function chooseGroupBy(data: TableArtifact, target: readonly (number | null)[], profiles: readonly ColumnProfile[], requested: string): GroupByChoice | null {
  if (requested !== '') {
    if (!data.columns.some((column) => column.name === requested)) {
      throw new CellError(`Group by: column “${requested}” is not in the table (columns: ${data.columns.map((column) => column.name).join(', ')})`);
    }
    const levels = data.table.array(requested) as CellValue[];
    return { column: requested, reason: 'chosen in the cell', correlationRatio: correlationRatio(levels, target) };
  }
  let best: GroupByChoice | null = null;
  for (const profile of profiles) {
    const groupable = profile.type === 'categorical' || profile.type === 'boolean';
    if (!groupable || profile.name === data.target || profile.distinct < 2 || profile.distinct > AUTO_GROUP_MAX_LEVELS) continue;
    const ratio = correlationRatio(data.table.array(profile.name) as CellValue[], target);
    if (ratio !== null && (best === null || ratio > best.correlationRatio!)) {
      best = { column: profile.name, reason: `strongest association (η²) among columns with at most ${AUTO_GROUP_MAX_LEVELS} levels`, correlationRatio: ratio };
    }
  }
  return best;
}

function featureCorrelations(data: TableArtifact, target: readonly (number | null)[]): FeatureCorrelation[] {
  const rows: FeatureCorrelation[] = [];
  for (const column of data.columns) {
    if (column.name === data.target || (column.type !== 'number' && column.type !== 'boolean')) continue;
    const feature = Array.from(data.table.array(column.name) as ArrayLike<CellValue>, asNumber);
    const pairs = completePairs(feature, target);
    rows.push({ column: column.name, pearson: pearson(pairs.x, pairs.y), spearman: spearman(pairs.x, pairs.y) });
  }
  const strength = (row: FeatureCorrelation) => Math.max(Math.abs(row.pearson ?? 0), Math.abs(row.spearman ?? 0));
  return rows.sort((a, b) => strength(b) - strength(a)).slice(0, CORRELATIONS_SHOWN);
}

/** `a, b, c and 7 more`: a note stays one line however many columns a table has. */
function namedList(names: readonly string[], shown: number): string {
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

function matrixView(data: TableArtifact, profiles: readonly ColumnProfile[]): CorrelationMatrixView | null {
  const chosen = chooseMatrixColumns(profiles, MATRIX_MAX_COLUMNS);
  if (chosen.columns.length < 2) return null;
  const matrix = correlationMatrix(
    chosen.columns.map((name) => ({ name, values: data.table.array(name) as ArrayLike<CellValue> })),
    chosen.omitted,
  );
  const note =
    chosen.omitted.length === 0
      ? null
      : `Showing the ${chosen.columns.length} most variable of ${chosen.columns.length + chosen.omitted.length} numeric columns (by std / (|mean| + std)); left out: ${namedList(chosen.omitted, NOTE_NAMES_SHOWN)}.`;
  return { ...matrix, spec: correlationHeatmapSpec(matrix), note };
}

async function checkpoint(ctx: RunContext, fraction: number, message: string): Promise<void> {
  ctx.progress({ fraction, message });
  await ctx.yieldToHost();
  if (ctx.signal.aborted) throw new CancelledError();
}

export const edaCell: CellKind<EdaParams, EdaView> = {
  kind: 'eda',
  label: 'Explore',
  description: 'Summaries of every column, the target’s distribution, and what moves it.',
  inputs: ['table'],
  output: null,
  fields: [{ key: 'groupBy', label: 'Group by', type: 'column', optional: true, help: 'Empty: the categorical column most associated with the target.' }],
  defaults: () => ({ groupBy: '' }),
  async run(input, params, ctx) {
    const data = input.table;
    if (!data) throw new CellError('Explore needs a table: add a Load cell above it');
    const profiles: EdaColumnSummary[] = [];
    for (const [index, column] of data.columns.entries()) {
      const profile = profileColumn(column.name, column.type, data.table.array(column.name) as ArrayLike<CellValue>, {
        junkTokens: DEFAULT_JUNK_TOKENS,
        missingTokens: data.missingTokens[column.name],
      });
      profiles.push({ ...profile, flags: columnFlags(profile) });
      if ((index + 1) % COLUMNS_PER_CHECKPOINT === 0) await checkpoint(ctx, (0.3 * (index + 1)) / data.columns.length, `Column summaries: ${index + 1} of ${data.columns.length}`);
    }
    await checkpoint(ctx, 0.3, 'Column summaries');
    const matrix = matrixView(data, profiles);
    await checkpoint(ctx, 0.4, 'Correlation matrix');
    const view: EdaView = { rows: data.table.numRows(), columns: profiles, matrix, target: null, targetMessage: null, groupBy: null, correlations: [], charts: [] };
    const summary: Summary = { rows: view.rows, columns: profiles.length, target: data.target, flagged: profiles.filter((profile) => profile.flags.length > 0).length };
    const found = targetValues(data);
    if ('message' in found) {
      view.targetMessage = found.message;
      return { view, summary };
    }
    const target = found.values;
    view.target = summarizeTarget(data.target!, target);
    if (view.target === null) {
      view.targetMessage = `The target ${data.target} has no values: every cell is missing, so there is nothing to predict. Pick another target in the Load cell.`;
      return { view, summary };
    }
    if (profiles.find((profile) => profile.name === data.target)?.distinct === 1) {
      view.targetMessage = `The target ${data.target} is constant (always ${view.target.max}): R² is undefined for it and no model can learn from it. Pick another target in the Load cell.`;
    }
    const present = Float64Array.from(target.filter((value): value is number => value !== null));
    view.charts.push({ title: 'Target distribution', spec: histogramSpec(equalWidthBins(present, HISTOGRAM_BINS), { title: `${data.target}: all sessions`, valueTitle: data.target! }) });
    const positiveLog = present.filter((value) => value > 0).map(Math.log1p);
    if (positiveLog.length > 0) {
      view.charts.push({
        title: 'Positive values, log scale',
        spec: histogramSpec(equalWidthBins(positiveLog, HISTOGRAM_BINS), { title: `${data.target} > 0, log1p scale`, valueTitle: `log1p(${data.target})` }),
      });
    }
    await checkpoint(ctx, 0.6, 'Target distribution');
    view.groupBy = chooseGroupBy(data, target, profiles, params.groupBy);
    if (view.groupBy) {
      const groups = groupTargetMeans(data.table.array(view.groupBy.column) as CellValue[], target, GROUP_LEVELS_SHOWN);
      view.charts.push({ title: `Mean target by ${view.groupBy.column}`, spec: groupMeansSpec(groups, { column: view.groupBy.column, target: data.target! }) });
    }
    await checkpoint(ctx, 0.8, 'Group means');
    view.correlations = featureCorrelations(data, target);
    if (view.correlations.length > 0) view.charts.push({ title: 'Correlation with the target', spec: correlationBarsSpec(view.correlations, data.target!) });
    return { view, summary: { ...summary, zeroShare: view.target.zeroShare, groupBy: view.groupBy?.column ?? null } };
  },
};
