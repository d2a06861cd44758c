import { describe, expect, it } from 'vitest';
import { featureChecksum } from '../../../src/core/encode/checksum';

const part = (x: number[], y: number[]) => ({ x: Float32Array.from(x), y: Float32Array.from(y), rows: y.length });

describe('featureChecksum', () => {
  const parts = [part([1, 2, 3, 4], [0, 1]), part([5, 6], [2]), part([7, 8], [3])];

  it('is the same for equal matrices', () => {
    expect(featureChecksum(['a', 'b'], parts)).toBe(featureChecksum(['a', 'b'], parts.map((p) => part(Array.from(p.x), Array.from(p.y)))));
  });

  it('changes with one value, one target, the feature names or a row moved between parts', () => {
    const base = featureChecksum(['a', 'b'], parts);
    expect(featureChecksum(['a', 'b'], [part([1, 2, 3, 4.0001], [0, 1]), parts[1], parts[2]])).not.toBe(base);
    expect(featureChecksum(['a', 'b'], [parts[0], part([5, 6], [2.5]), parts[2]])).not.toBe(base);
    expect(featureChecksum(['b', 'a'], parts)).not.toBe(base);
    expect(featureChecksum(['a', 'b'], [part([1, 2], [0]), part([3, 4, 5, 6], [1, 2]), parts[2]])).not.toBe(base);
  });

  it('reads every byte of a large matrix', () => {
    const x = new Float32Array(1_000_000).fill(1);
    const changed = x.slice();
    changed[777_777] = 2;
    expect(featureChecksum(['a'], [part(Array.from(x), [0])])).not.toBe(featureChecksum(['a'], [part(Array.from(changed), [0])]));
  });
});
