import { describe, expect, it } from 'vitest';
import type { ScoreView } from '../../../src/core/cells/score';
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
