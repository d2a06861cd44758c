import { describe, expect, it } from 'vitest';
import { nearestCenters } from '../../../src/core/segment/nearest-centers';
import { blobs, pointsOf } from './blobs';

describe('nearest centers', () => {
  it('finds each row\'s nearest and second-nearest center and their squared distances', () => {
    const { points } = blobs([[0, 0, 0], [3, 1, 0], [1, 3, 2]], 40, 5);
    const centers = Float64Array.from([0, 0, 0, 3, 1, 0, 1, 3, 2, 2, 2, 2]);
    const found = nearestCenters(points, centers, 4);
    for (let i = 0; i < points.rows; i++) {
      const squared = [0, 1, 2, 3].map((c) => [0, 1, 2].reduce((sum, j) => sum + (points.values[i * 3 + j] - centers[c * 3 + j]) ** 2, 0));
      const sorted = [...squared].sort((a, b) => a - b);
      expect(found.labels[i]).toBe(squared.indexOf(sorted[0]));
      expect(found.nearest[i]).toBeCloseTo(sorted[0], 12);
      expect(found.secondNearest[i]).toBeCloseTo(sorted[1], 12);
    }
  });

  it('takes the first of two equally near centers, and counts the other as second', () => {
    const found = nearestCenters(pointsOf([[1], [5]]), Float64Array.from([0, 2, 2]), 3);
    expect(Array.from(found.labels)).toEqual([0, 1]);
    expect(Array.from(found.nearest)).toEqual([1, 9]);
    expect(Array.from(found.secondNearest)).toEqual([1, 9]);
  });

  it('leaves the second distance infinite when there is one center', () => {
    const found = nearestCenters(pointsOf([[1], [4]]), Float64Array.from([2]), 1);
    expect(Array.from(found.nearest)).toEqual([1, 4]);
    expect(Array.from(found.secondNearest)).toEqual([Infinity, Infinity]);
  });
});
