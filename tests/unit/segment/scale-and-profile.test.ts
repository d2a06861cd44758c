import { describe, expect, it } from 'vitest';
import { table } from 'arquero';
import { featureRows } from '../../../src/core/segment/feature-rows';
import { orderBySize } from '../../../src/core/segment/order-by-size';
import { profileSegments } from '../../../src/core/segment/profile';
import { sampleRows } from '../../../src/core/segment/sample-rows';
import { applyStandardScaling, fitStandardScaling } from '../../../src/core/segment/scale';
import { pointsOf } from './blobs';

describe('standard scaling', () => {
  it('centres and divides by the population standard deviation, as StandardScaler does', () => {
    // Column 0: mean 2, population sd √(2/3); column 1 is constant and scales to zeros.
    const points = pointsOf([[1, 5], [2, 5], [3, 5]]);
    const scaling = fitStandardScaling(points);
    expect(scaling.constantColumns).toEqual([1]);
    const scaled = applyStandardScaling(points, scaling);
    const sd = Math.sqrt(2 / 3);
    expect(Array.from(scaled.values)).toEqual([expect.closeTo(-1 / sd, 12), 0, 0, 0, expect.closeTo(1 / sd, 12), 0]);
    expect(Array.from(points.values)).toEqual([1, 5, 2, 5, 3, 5]);
  });
});

describe('feature rows', () => {
  it('keeps rows with a number in every feature and counts the missing per feature', () => {
    const data = table({ a: [1, null, 3, 4, NaN], b: [true, false, null, 2, 1], c: ['x', 'y', 'z', 'w', 'v'] });
    const rows = featureRows(data, ['a', 'b']);
    expect(Array.from(rows.tableRows)).toEqual([0, 3]);
    expect(Array.from(rows.points.values)).toEqual([1, 1, 4, 2]);
    expect(rows.missingByFeature).toEqual([2, 1]);
  });
});

describe('segment profiles', () => {
  it('gives size, share, feature means and target figures per segment and overall', () => {
    const points = pointsOf([[1, 10], [3, 10], [5, 20], [7, 40]]);
    const labels = Int32Array.from([0, 0, 1, 1]);
    const { segments, overall } = profileSegments(points, labels, 2, [0, 12, null, 0]);
    expect(segments[0]).toEqual({ rows: 2, share: 0.5, means: [2, 10], conversionRate: 0.5, meanTarget: 6 });
    // The row without a target counts for size and means, not for the target figures.
    expect(segments[1]).toEqual({ rows: 2, share: 0.5, means: [6, 30], conversionRate: 0, meanTarget: 0 });
    expect(overall).toEqual({ rows: 4, share: 1, means: [4, 20], conversionRate: 1 / 3, meanTarget: 4 });
  });

  it('has no target figures without a target', () => {
    const { overall } = profileSegments(pointsOf([[1], [2]]), Int32Array.from([0, 1]), 2, null);
    expect(overall.conversionRate).toBeNull();
    expect(overall.meanTarget).toBeNull();
  });
});

describe('ordering segments by size', () => {
  it('numbers the largest segment first and moves its center along', () => {
    const fit = { centers: Float64Array.from([0, 10, 20]), labels: Int32Array.from([2, 1, 1, 0, 1, 2]), inertia: 1, iterations: 1, converged: true };
    const ordered = orderBySize(fit, 3, 1);
    expect(Array.from(ordered.labels)).toEqual([1, 0, 0, 2, 0, 1]);
    expect(Array.from(ordered.centers)).toEqual([10, 20, 0]);
  });
});

describe('row samples', () => {
  it('draws distinct rows in ascending order, the same for the same seed', () => {
    const rows = sampleRows(1000, 50, 3);
    expect(rows.length).toBe(50);
    expect(new Set(rows).size).toBe(50);
    expect(Array.from(rows)).toEqual(Array.from(rows).sort((a, b) => a - b));
    expect(Array.from(sampleRows(1000, 50, 3))).toEqual(Array.from(rows));
    expect(Array.from(sampleRows(10, 50, 3))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
