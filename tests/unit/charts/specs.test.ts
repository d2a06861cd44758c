import { describe, expect, it } from 'vitest';
import { correlationBarsSpec } from '../../../src/core/charts/correlation-bars';
import { groupMeansSpec } from '../../../src/core/charts/group-means';
import { histogramSpec } from '../../../src/core/charts/histogram';

/** The shape every chart must have: a schema, a mark, inline values, and encoded fields present in those values. */
function expectWellFormed(spec: Record<string, any>): void {
  expect(spec.$schema).toMatch(/vega-lite\/v6/);
  expect(spec.mark).toBeTruthy();
  const values: Record<string, unknown>[] = spec.data.values;
  expect(values.length).toBeGreaterThan(0);
  const fields = Object.values(spec.encoding as Record<string, any>)
    .flatMap((channel) => (Array.isArray(channel) ? channel : [channel]))
    .map((channel) => channel.field)
    .filter(Boolean);
  for (const field of fields) expect(values.every((row) => field in row), `field ${field}`).toBe(true);
  expect(() => JSON.parse(JSON.stringify(spec))).not.toThrow();
}

describe('chart specs', () => {
  it('draws a histogram from bins', () => {
    const spec = histogramSpec(
      [
        { start: 0, end: 1, count: 3 },
        { start: 1, end: 2, count: 5 },
      ],
      { title: 'value', valueTitle: 'value' },
    ) as Record<string, any>;
    expectWellFormed(spec);
    expect(spec.encoding.x.bin).toEqual({ binned: true });
    expect(spec.data.values.map((row: { count: number }) => row.count)).toEqual([3, 5]);
  });

  it('draws group means in the given order', () => {
    const spec = groupMeansSpec(
      [
        { level: 'Direct', count: 10, mean: 4 },
        { level: 'Social', count: 5, mean: 1 },
      ],
      { column: 'channel', target: 'value' },
    ) as Record<string, any>;
    expectWellFormed(spec);
    expect(spec.encoding.y.sort).toBeNull();
    expect(spec.data.values.map((row: { level: string }) => row.level)).toEqual(['Direct', 'Social']);
  });

  it('draws both correlations per column and leaves out undefined ones', () => {
    const spec = correlationBarsSpec(
      [
        { column: 'hits', pearson: 0.4, spearman: 0.3 },
        { column: 'visits', pearson: null, spearman: 0.1 },
      ],
      'value',
    ) as Record<string, any>;
    expectWellFormed(spec);
    expect(spec.data.values).toHaveLength(3);
    expect(spec.encoding.y.sort).toEqual(['hits', 'visits']);
  });
});
