import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { scoreCell, type ScoreParams } from '../../../src/core/cells/score';
import type { RunContext, TableArtifact } from '../../../src/core/cells/types';
import type { FittedEncoding, NumericEncoder } from '../../../src/core/encode/types';
import { HurdleModel } from '../../../src/core/model/hurdle';
import type { TrainedRegressor } from '../../../src/core/model/runtime';
import type { ScoringModel } from '../../../src/core/model/scoring-model';
import { dataRunContext } from './run-context';

function numeric(column: string): NumericEncoder {
  return { kind: 'numeric', column, source: 'number', transform: 'none', median: 0, valueFeature: true, missingIndicator: false, scaler: { scaling: 'none', offset: 0, scale: 1 } };
}

const encoding: FittedEncoding = { target: 'value', encoders: [numeric('pages'), numeric('minutes')], featureNames: ['pages', 'minutes'], embeddings: [] };

/** prediction = weights · features + bias: a model whose every answer the test can work out. */
function linearModel(weights: number[], bias: number): TrainedRegressor {
  return {
    inputSize: weights.length,
    predict: (x, rows) => Float32Array.from({ length: rows }, (_, row) => weights.reduce((sum, weight, j) => sum + weight * x[row * weights.length + j], bias)),
    dispose: () => {},
  };
}

function scoring(model: TrainedRegressor, overrides: Partial<ScoringModel> = {}): ScoringModel {
  return { target: 'value', encoding, targetTransform: 'none', back: null, targetNonNegative: false, model, ...overrides };
}

function sessions(columns: Record<string, unknown[]>): TableArtifact {
  const data = table(columns);
  return { kind: 'table', table: data, columns: data.columnNames().map((name) => ({ name, type: 'number' as const })), target: null, missingTokens: {} };
}

const newSessions = () => sessions({ pages: [1, 5, 2, 9], minutes: [10, 0, 3, 1], country: ['FR', 'DE', 'FR', 'US'] });

function keptContext(models: Record<string, ScoringModel>): RunContext {
  return { ...dataRunContext(), keptModel: async (id) => models[id] ?? Promise.reject(new Error(`no model ${id}`)) };
}

const params = (overrides: Partial<ScoreParams> = {}): ScoreParams => ({ ...scoreCell.defaults(), ...overrides });

describe('Score cell', () => {
  it('adds the predictions of a kept model as a column, every row scored', async () => {
    const output = await scoreCell.run({ table: newSessions() }, params({ model: 'm1' }), keptContext({ m1: scoring(linearModel([2, 0.5], 1)) }));
    const scored = output.artifact as TableArtifact;
    expect(Array.from(scored.table.array('predicted_value'))).toEqual([8, 11, 6.5, 19.5]);
    expect(scored.columns.at(-1)).toEqual({ name: 'predicted_value', type: 'number' });
    expect(output.view.spread).toMatchObject({ mean: 11.25, min: 6.5, max: 19.5, aboveZero: 1 });
    expect(output.view.source).toEqual({ kind: 'kept', id: 'm1' });
    expect(output.view.includesTrainingRows).toBe(false);
  });

  it('lists the highest-scored rows first, with the columns the model reads', async () => {
    const output = await scoreCell.run({ table: newSessions() }, params({ model: 'm1', column: 'spend' }), keptContext({ m1: scoring(linearModel([2, 0.5], 1)) }));
    expect(output.view.top.columns).toEqual([
      { name: 'spend', type: 'number' },
      { name: 'pages', type: 'number' },
      { name: 'minutes', type: 'number' },
    ]);
    expect(output.view.top.rows.map((row) => row[0])).toEqual([19.5, 11, 8, 6.5]);
    expect(output.view.top.rows[0]).toEqual([19.5, 9, 1]);
  });

  it('keeps only the highest rows, ties in row order, without sorting every row', async () => {
    const many = sessions({ pages: Array.from({ length: 60 }, (_, row) => row % 7), minutes: Array.from({ length: 60 }, () => 0) });
    const output = await scoreCell.run({ table: many }, params({ model: 'm1' }), keptContext({ m1: scoring(linearModel([1, 0], 0)) }));
    const expected = Array.from({ length: 60 }, (_, row) => row)
      .sort((a, b) => (b % 7) - (a % 7))
      .slice(0, 20);
    expect(output.view.top.rows.map((row) => row[1])).toEqual(expected.map((row) => row % 7));
    expect(output.view.top.rows).toHaveLength(20);
  });

  it('raises negative predictions to 0 when the target was never negative in training', async () => {
    const output = await scoreCell.run({ table: newSessions() }, params({ model: 'm1' }), keptContext({ m1: scoring(linearModel([-1, 0], 2), { targetNonNegative: true }) }));
    expect(Array.from((output.artifact as TableArtifact).table.array('predicted_value'))).toEqual([1, 0, 0, 0]);
    expect(output.view.clamped).toBe(2);
  });

  it('maps a log1p model back with its smearing factor, holding outputs at the training range', async () => {
    const back = { smearing: 1.5, low: 0, high: 2 };
    const output = await scoreCell.run({ table: newSessions() }, params({ model: 'm1' }), keptContext({ m1: scoring(linearModel([0.25, 0], 0), { targetTransform: 'log1p', back }) }));
    const expected = [0.25, 1.25, 0.5, 2].map((log) => 1.5 * Math.exp(log) - 1);
    Array.from((output.artifact as TableArtifact).table.array('predicted_value') as ArrayLike<number>).forEach((value, row) => expect(value).toBeCloseTo(expected[row], 5));
    expect(output.view.clipped).toBe(1);
  });

  it('adds P(target > 0) beside the amount for a hurdle model', async () => {
    const hurdle = new HurdleModel(linearModel([0.1, 0], 0), linearModel([0, 1], 0), null);
    const output = await scoreCell.run({ table: newSessions() }, params({ model: 'h' }), keptContext({ h: scoring(hurdle) }));
    const scored = (output.artifact as TableArtifact).table;
    expect(Array.from(scored.array('p_value_above_0') as ArrayLike<number>).map((p) => Number(p.toFixed(6)))).toEqual([0.1, 0.5, 0.2, 0.9]);
    expect(Array.from(scored.array('predicted_value') as ArrayLike<number>).map((p) => Number(p.toFixed(6)))).toEqual([1, 0, 0.6, 0.9]);
    expect(output.view.probabilityColumn).toBe('p_value_above_0');
  });

  it('names the columns the model reads that the table lacks', async () => {
    const run = scoreCell.run({ table: sessions({ pages: [1, 2] }) }, params({ model: 'm1' }), keptContext({ m1: scoring(linearModel([1, 1], 0)) }));
    await expect(run).rejects.toThrow("The model reads 'minutes', which this table lacks");
  });

  it('refuses to overwrite a column the table already has', async () => {
    const run = scoreCell.run({ table: newSessions() }, params({ model: 'm1', column: 'country' }), keptContext({ m1: scoring(linearModel([1, 1], 0)) }));
    await expect(run).rejects.toThrow("Output column 'country' is already in the table");
  });

  it('asks for a Train cell when no model is picked and none is above', async () => {
    await expect(scoreCell.run({ table: newSessions() }, params(), dataRunContext())).rejects.toThrow('Score needs a model: add a Train MLP cell above');
  });

  it('needs the Train cell above only when no kept model is picked', () => {
    expect(scoreCell.inputsFor!(params())).toEqual(['table', 'model']);
    expect(scoreCell.inputsFor!(params({ model: 'm1' }))).toEqual(['table']);
  });
});
