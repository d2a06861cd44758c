import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { kMeansPlusPlus } from '../../../src/core/segment/kmeans-plus-plus';
import { nearestCenters } from '../../../src/core/segment/nearest-centers';
import { blobs, pointsOf } from './blobs';

const CENTERS = [
  [0, 0],
  [50, 0],
  [0, 50],
  [50, 50],
  [100, 100],
];

describe('k-means++ initialisation', () => {
  const { points, truth } = blobs(CENTERS, 40, 2);

  it('starts one center in each well-separated blob', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { centers } = kMeansPlusPlus(points, CENTERS.length, createRandom(seed));
      const blobsHit = new Set<number>();
      for (let c = 0; c < CENTERS.length; c++) {
        const row = Array.from(truth.keys()).find((i) => points.values[2 * i] === centers[2 * c] && points.values[2 * i + 1] === centers[2 * c + 1]);
        expect(row, 'each center is one of the rows').toBeDefined();
        blobsHit.add(truth[row!]);
      }
      expect(blobsHit.size).toBe(CENTERS.length);
    }
  });

  it('repeats for the same seed and differs for another', () => {
    const first = kMeansPlusPlus(points, 3, createRandom(4)).centers;
    expect(Array.from(kMeansPlusPlus(points, 3, createRandom(4)).centers)).toEqual(Array.from(first));
    expect(Array.from(kMeansPlusPlus(points, 3, createRandom(5)).centers)).not.toEqual(Array.from(first));
  });

  it('still returns k centers when rows repeat', () => {
    const { centers } = kMeansPlusPlus(pointsOf([[1, 1], [1, 1], [1, 1]]), 2, createRandom(1));
    expect(Array.from(centers)).toEqual([1, 1, 1, 1]);
  });

  it('hands over each row\'s nearest and second-nearest start, as a scan of the starts finds them', () => {
    const overlapping = blobs([[0, 0], [2, 1], [1, 3]], 50, 6).points;
    for (const k of [1, 3, 6]) {
      const { centers, nearest } = kMeansPlusPlus(overlapping, k, createRandom(k));
      const scanned = nearestCenters(overlapping, centers, k);
      expect(Array.from(nearest.labels)).toEqual(Array.from(scanned.labels));
      expect(Array.from(nearest.nearest)).toEqual(Array.from(scanned.nearest));
      expect(Array.from(nearest.secondNearest)).toEqual(Array.from(scanned.secondNearest));
    }
  });
});
