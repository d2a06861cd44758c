import { table as arqueroTable } from 'arquero';
import { equalWidthBins, type HistogramBin } from '../data/histogram';
import { sortedQuantile } from '../data/stats';
import { isHurdleModel } from '../model/hurdle';
import { scoreTable, scoringModelOf, type ScoringModel } from '../model/scoring-model';
import { CancelledError, CellError, type CellKind, type ColumnInfo, type RunContext, type Summary, type TableArtifact } from './types';

export interface ScoreParams {
  /** '' scores with the Train cell above; otherwise the id of a model kept with the project. */
  model: string;
  /** Blank: `predicted_<target>`. */
  column: string;
}

export interface PredictionSpread {
  mean: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Share of rows predicted above 0. */
  aboveZero: number;
}

export interface ScoreView {
  target: string;
  /** Which model scored: the Train cell above, or a kept model by id. */
  source: { kind: 'trained' } | { kind: 'kept'; id: string };
  rows: number;
  column: string;
  /** P(target > 0), for a hurdle model. */
  probabilityColumn: string | null;
  spread: PredictionSpread;
  bins: HistogramBin[];
  /** The highest-scored rows: the prediction first, then the columns the model reads. */
  top: { columns: ColumnInfo[]; rows: (string | number | null)[][] };
  /** Log-scale predictions held at the training targets' range before the back-transform. */
  clipped: number;
  /** Negative predictions raised to 0 (the target was never negative in training). */
  clamped: number;
  /** True when the Train cell above scored its own table: these rows include the ones it learned from. */
  includesTrainingRows: boolean;
}

const TOP_ROWS = 20;
const TOP_COLUMNS = 6;
const BIN_COUNT = 30;

function spreadOf(values: Float32Array): PredictionSpread {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let above = 0;
  for (const value of sorted) {
    sum += value;
    if (value > 0) above += 1;
  }
  const quantile = (q: number) => sortedQuantile(sorted, q) ?? 0;
  return { mean: sum / sorted.length, min: sorted[0], p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99), max: sorted[sorted.length - 1], aboveZero: above / sorted.length };
}

function cellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The rows of the `count` highest values, highest first, in one pass (no sort of every row). */
function highestRows(values: Float32Array, count: number): number[] {
  const kept: number[] = [];
  for (let row = 0; row < values.length; row++) {
    if (kept.length === count && values[row] <= values[kept[count - 1]]) continue;
    let at = kept.length;
    // Equal values keep row order, as a stable sort would.
    while (at > 0 && values[kept[at - 1]] < values[row]) at--;
    kept.splice(at, 0, row);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

function topRows(source: TableArtifact, scoring: ScoringModel, added: { name: string; values: Float32Array }[]): ScoreView['top'] {
  const read = [...new Set([...scoring.encoding.encoders, ...scoring.encoding.embeddings].map((encoder) => encoder.column))].slice(0, TOP_COLUMNS);
  const arrays = read.map((name) => source.table.array(name) as ArrayLike<unknown>);
  const typeOf = new Map(source.columns.map((column) => [column.name, column.type]));
  return {
    columns: [...added.map(({ name }) => ({ name, type: 'number' as const })), ...read.map((name) => ({ name, type: typeOf.get(name) ?? ('text' as const) }))],
    rows: highestRows(added[0].values, TOP_ROWS).map((row) => [...added.map(({ values }) => values[row]), ...arrays.map((values) => cellValue(values[row]))]),
  };
}

function checkColumns(source: TableArtifact, scoring: ScoringModel): void {
  const present = new Set(source.table.columnNames());
  const missing = [...new Set([...scoring.encoding.encoders, ...scoring.encoding.embeddings].map((encoder) => encoder.column))].filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new CellError(`The model reads ${missing.map((name) => `'${name}'`).join(', ')}, which this table lacks: score a table with the columns the model was trained on (the same Clean steps)`);
  }
}

function checkNewColumn(source: TableArtifact, name: string): void {
  if (source.columns.some((info) => info.name === name)) throw new CellError(`Output column '${name}' is already in the table: choose another name`);
}

async function modelFor(params: ScoreParams, input: Parameters<CellKind['run']>[0], ctx: RunContext): Promise<ScoringModel> {
  if (params.model !== '') return ctx.keptModel(params.model);
  if (!input.model) throw new CellError('Score needs a model: add a Train MLP cell above, or pick a model kept with the project');
  return scoringModelOf(input.model);
}

export const scoreCell: CellKind<ScoreParams, ScoreView> = {
  kind: 'score',
  label: 'Score',
  description: 'Predict every row of the table with a trained model (the Train cell above, or one kept with the project or imported from files) and add the predictions as a column.',
  inputs: ['table', 'model'],
  inputsFor: (params) => (params.model === '' ? ['table', 'model'] : ['table']),
  output: 'table',
  fields: [
    { key: 'model', label: 'Model', type: 'model', help: 'The Train cell above, or a model kept with the project (trained earlier or imported).' },
    { key: 'column', label: 'Prediction column', type: 'text', help: 'Blank: predicted_<target>.' },
  ],
  defaults: () => ({ model: '', column: '' }),
  async run(input, params, ctx) {
    const source = input.table;
    if (!source) throw new CellError('Score needs a table to score: add a Load cell above it');
    if (source.table.numRows() === 0) throw new CellError('The table has no rows to score');
    const scoring = await modelFor(params, input, ctx);
    checkColumns(source, scoring);
    const column = params.column.trim() || `predicted_${scoring.target}`;
    const probabilityColumn = isHurdleModel(scoring.model) ? `p_${scoring.target}_above_0` : null;
    checkNewColumn(source, column);
    if (probabilityColumn) checkNewColumn(source, probabilityColumn);

    const rows = source.table.numRows();
    const scores = await scoreTable(scoring, source.table, async (done) => {
      ctx.progress({ fraction: done / rows, message: `Scored ${done.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows` });
      await ctx.yieldToHost();
      if (ctx.signal.aborted) throw new CancelledError();
    });
    const added = [{ name: column, values: scores.predictions }, ...(probabilityColumn && scores.probabilities ? [{ name: probabilityColumn, values: scores.probabilities }] : [])];
    const table = source.table.assign(arqueroTable(Object.fromEntries(added.map(({ name, values }) => [name, Float64Array.from(values)]))));
    const columns: ColumnInfo[] = [...source.columns, ...added.map(({ name }) => ({ name, type: 'number' as const }))];
    const spread = spreadOf(scores.predictions);
    const summary: Summary = { rows, column, mean_prediction: spread.mean, share_above_0: spread.aboveZero };
    return {
      artifact: { kind: 'table', table, columns, target: source.target, missingTokens: source.missingTokens },
      view: {
        target: scoring.target,
        source: params.model === '' ? { kind: 'trained' } : { kind: 'kept', id: params.model },
        rows,
        column,
        probabilityColumn,
        spread,
        bins: equalWidthBins(scores.predictions, BIN_COUNT),
        top: topRows(source, scoring, added),
        clipped: scores.clipped,
        clamped: scores.clamped,
        includesTrainingRows: params.model === '',
      },
      summary,
      outputColumns: columns,
    };
  },
};
