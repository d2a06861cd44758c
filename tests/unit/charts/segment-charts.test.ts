import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { elbowSpec } from '../../../src/core/charts/elbow';
import { segmentScatterSpec } from '../../../src/core/charts/segment-scatter';

const scan = [
  { k: 2, inertia: 900, silhouette: 0.41 },
  { k: 3, inertia: 500, silhouette: 0.46 },
  { k: 4, inertia: 420, silhouette: null },
];

/** Compiles to Vega, collecting what vega-lite would only log. */
function compileWarnings(spec: Parameters<typeof compile>[0]): string[] {
  const warnings: string[] = [];
  const logger = { level: () => logger, warn: (...args: unknown[]) => (warnings.push(args.join(' ')), logger), info: () => logger, debug: () => logger, error: (...args: unknown[]) => (warnings.push(args.join(' ')), logger) };
  compile(spec, { logger: logger as never });
  return warnings;
}

describe('elbow chart', () => {
  it('draws inertia and silhouette by k on their own axes with a rule at the chosen k', () => {
    const spec = elbowSpec(scan, 3) as Record<string, any>;
    expect(spec.data.values).toEqual(scan);
    expect(spec.layer.map((layer: any) => layer.encoding.y?.field ?? layer.mark.type)).toEqual(['inertia', 'silhouette', 'rule']);
    expect(spec.layer[2].data.values).toEqual([{ k: 3 }]);
    expect(spec.resolve).toEqual({ scale: { y: 'independent' } });
    expect(compileWarnings(spec as never)).toEqual([]);
  });

  it('leaves a k without a silhouette off the silhouette line only', () => {
    const spec = elbowSpec(scan, 2) as Record<string, any>;
    expect(spec.layer[0].transform).toBeUndefined();
    expect(spec.layer[1].transform).toEqual([{ filter: 'datum.silhouette != null' }]);
  });
});

describe('segment scatter', () => {
  const points = { x: [0.5, -1, 2], y: [1, 0, -0.5], segment: [1, 0, 1] };

  it('colours each point by its segment name in segment order', () => {
    const spec = segmentScatterSpec(points, ['Browsers', 'Buyers'], [0.34, 0.17]) as Record<string, any>;
    expect(spec.data.values).toEqual([
      { pc1: 0.5, pc2: 1, segment: 'Buyers' },
      { pc1: -1, pc2: 0, segment: 'Browsers' },
      { pc1: 2, pc2: -0.5, segment: 'Buyers' },
    ]);
    expect(spec.encoding.color.scale.domain).toEqual(['Browsers', 'Buyers']);
    expect(spec.encoding.x.title).toBe('PC1 (34.0% of variance)');
    expect(spec.encoding.y.title).toBe('PC2 (17.0% of variance)');
    expect(compileWarnings(spec as never)).toEqual([]);
  });

  it('says when there is no second component', () => {
    const spec = segmentScatterSpec(points, ['A', 'B'], [1]) as Record<string, any>;
    expect(spec.encoding.y.title).toBe('PC2 (none: one feature)');
  });
});
