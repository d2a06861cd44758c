import { describe, expect, it } from 'vitest';
import type { ScoreView } from '../../../src/core/cells/score';
import type { TrainedPart, TrainMlpView } from '../../../src/core/cells/train-mlp';
import { recordExhibits } from '../../../src/core/notebook/exhibits';
import { figure } from '../../../src/core/notebook/exhibits/figure';
import type { CellRecord } from '../../../src/core/runtime/record';

const scoreView: ScoreView = {
  target: 'purchaseValue',
  source: { kind: 'trained' },
  rows: 3,
  column: 'predicted_purchaseValue',
  probabilityColumn: null,
  spread: { mean: 12.345678901, min: 0, p50: 1.5, p90: 30, p99: 33.3333333, max: 34, aboveZero: 2 / 3 },
  bins: [{ start: 0, end: 17, count: 2 }, { start: 17, end: 34, count: 1 }],
  top: {
    columns: [
      { name: 'predicted_purchaseValue', type: 'number' },
      { name: 'visitStartTime', type: 'timestamp' },
    ],
    rows: [[34, 1501546116000], [1.5, null], [0, 1501546117000]],
  },
  clipped: 0,
  clamped: 1,
  includesTrainingRows: true,
};

const record = (kind: string, view: unknown): CellRecord => ({ cellId: 'c', kind, stamp: 's', status: 'done', ms: 1, finishedAt: '2026-01-01T00:00:00.000Z', view });

describe('exhibits', () => {
  it('print figures without float noise', () => {
    expect(figure(0.23519999999925495)).toBe('0.2352');
    expect(figure(1.86865478515625)).toBe('1.86865');
    expect(figure(12_330)).toBe('12330');
  });

  it('show a Score cell as its spread, a histogram of the predictions and the highest-scored rows', () => {
    const [text, chart, table] = recordExhibits(record('score', scoreView));
    expect(text).toEqual({ type: 'text', text: 'Scored 3 rows into predicted_purchaseValue; mean 12.3457, median 1.5, p99 33.3333, 66.6667% above 0' });
    expect(chart.type === 'chart' && chart.spec.data).toEqual({ values: scoreView.bins });
    expect(table).toEqual({
      type: 'table',
      caption: 'Highest-scored rows',
      columns: ['predicted_purchaseValue', 'visitStartTime'],
      rows: [[34, '2017-08-01T00:08:36.000Z'], [1.5, null], [0, '2017-08-01T00:08:37.000Z']],
    });
  });
});

const trainedPart = (lossLabel: string, bestEpoch: number): TrainedPart => ({
  lossLabel,
  history: [
    { epoch: 1, train: 0.9, validation: 1 },
    { epoch: 2, train: 0.7, validation: 0.8 },
    { epoch: 3, train: 0.6, validation: 0.85 },
  ],
  bestEpoch,
  bestValidationLoss: bestEpoch === 2 ? 0.8 : 1,
  epochsRun: 3,
  stoppedEarly: true,
  trainRows: 100,
});

describe('Train MLP exhibits', () => {
  it('show each network of a hurdle model with its own loss, best epoch and heading', () => {
    const view: TrainMlpView = {
      ...trainedPart('Cross-entropy', 2),
      model: 'hurdle',
      amount: { ...trainedPart('MSE (standardised target)', 1), onLogScale: true },
      maxEpochs: 50,
      backend: 'wasm',
      tfVersion: '4.22.0',
      seed: 42,
      parameterCount: 1234,
      seconds: 2.5,
      samplesPerSecond: 1000,
    };
    const exhibits = recordExhibits(record('train-mlp', view));
    const charts = exhibits.flatMap((exhibit) => (exhibit.type === 'chart' ? [exhibit] : []));
    expect(charts.map((chart) => chart.title)).toEqual([
      'Classifier of P(target > 0): Training and validation loss per epoch',
      'Amount: log1p(target) on positive rows: Training and validation loss per epoch',
    ]);
    expect(charts.map((chart) => JSON.stringify(chart.spec))).toEqual([expect.stringContaining('"title":"Cross-entropy"'), expect.stringContaining('"title":"MSE (standardised target)"')]);
    expect(exhibits.flatMap((exhibit) => (exhibit.type === 'text' ? [exhibit.text] : []))).toEqual([
      'Classifier of P(target > 0): Best epoch 2 of 3 (stopped early, max 50); best validation loss 0.8 (Cross-entropy)',
      'Amount: log1p(target) on positive rows: Best epoch 1 of 3 (stopped early, max 50); best validation loss 1 (MSE (standardised target))',
      '1234 parameters; 2.5 s on wasm',
    ]);
  });
});

describe('timestamps in exported tables', () => {
  it('show as ISO text, as the workbench shows them, not as epoch milliseconds', () => {
    const view = {
      fileName: 'sessions.csv',
      format: 'csv',
      rows: 1,
      warnings: [],
      columns: [
        { name: 'visitStartTime', type: 'timestamp', missing: 0 },
        { name: 'pages', type: 'number', missing: 0 },
      ],
      preview: [[1501546116000, 3]],
    };
    const preview = recordExhibits(record('load', view)).at(-1);
    expect(preview).toMatchObject({ type: 'table', rows: [['2017-08-01T00:08:36.000Z', 3]] });
  });
});
