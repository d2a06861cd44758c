import { describe, expect, it } from 'vitest';
import { bestSilhouetteK, elbowK, type ScanPoint } from '../../../src/core/segment/choose-k';

const scan = (inertias: number[], silhouettes: (number | null)[] = inertias.map(() => null)): ScanPoint[] =>
  inertias.map((inertia, i) => ({ k: i + 2, inertia, silhouette: silhouettes[i] }));

describe('choosing k', () => {
  it('finds the elbow where inertia stops falling steeply', () => {
    expect(elbowK(scan([100, 20, 17, 15, 14, 13, 12]))).toBe(3);
    expect(elbowK(scan([100, 80, 60, 20, 18, 17, 16]))).toBe(5);
  });

  it('finds no elbow on a straight line or with too few points', () => {
    expect(elbowK(scan([70, 60, 50, 40, 30]))).toBeNull();
    expect(elbowK(scan([100, 20]))).toBeNull();
  });

  it('picks the highest silhouette, the smaller k on a tie, skipping missing ones', () => {
    expect(bestSilhouetteK(scan([9, 8, 7, 6], [0.3, 0.5, 0.5, 0.2]))).toBe(3);
    expect(bestSilhouetteK(scan([9, 8, 7], [null, 0.1, null]))).toBe(3);
    expect(bestSilhouetteK(scan([9, 8], [null, null]))).toBeNull();
  });
});
