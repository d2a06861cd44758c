import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { defaultEmbeddingSize, encodeCodes, fitEmbedding } from '../../../src/core/encode/embedding';
import { fitEncoding } from '../../../src/core/encode/encoding';
import { encodingOptions } from './options';

// Training rows 0..13: red ×6, blue ×5, pink ×2, missing ×1; test rows 14..20: seven greens, then blue.
const colors = [...Array(6).fill('red'), ...Array(5).fill('blue'), 'pink', 'pink', null, ...Array(6).fill('green'), 'blue'];
const trainRows = Uint32Array.from({ length: 14 }, (_, i) => i);

describe('learned embeddings: fitted on training rows', () => {
  it('gives frequent training levels their own code and pools the rest at code 0', () => {
    const encoder = fitEmbedding('color', colors, trainRows, 3);
    expect(encoder).toEqual({ kind: 'embedding', column: 'color', levels: ['red', 'blue'], size: 3 });
  });

  it('ignores a level frequent only in the test rows', () => {
    const everyRow = Uint32Array.from(colors.keys());
    expect(fitEmbedding('color', colors, everyRow, 3)).toMatchObject({ levels: ['blue', 'green', 'red'] });
    expect(fitEmbedding('color', colors, trainRows, 3)).toMatchObject({ levels: ['red', 'blue'] });
  });

  it('picks a vector length from the level count when the size is 0', () => {
    expect(defaultEmbeddingSize(3)).toBe(3);
    expect(defaultEmbeddingSize(100)).toBe(21);
    expect(defaultEmbeddingSize(100_000)).toBe(50);
    expect(fitEmbedding('color', colors, trainRows, 0)).toMatchObject({ size: defaultEmbeddingSize(3) });
  });

  it('writes codes row by row, unseen and rare levels as 0, and leaves the columns out of x', () => {
    const table = aq.table({ color: colors, size: colors.map((_, i) => i), y: colors.map((_, i) => i % 3) });
    const training = { rows: trainRows, targets: Array.from(trainRows, (row) => row % 3), targetLabel: 'y' };
    const fit = fitEncoding(table, [{ name: 'color', type: 'categorical' }, { name: 'size', type: 'number' }, { name: 'y', type: 'number' }], 'y', training, encodingOptions({ embedColumns: ['color'], embeddingSize: 2 }));
    expect(fit.encoding.featureNames).toEqual(['size']);
    expect(fit.embeddedFeatures).toEqual([{ name: 'emb(color)', column: 'color', encoding: expect.stringContaining('learned embedding: 2 values per level') }]);
    // red, blue, pink (rare), missing, green (unseen), blue.
    expect(Array.from(encodeCodes(fit.encoding, table, [0, 6, 11, 13, 14, 20])!)).toEqual([1, 2, 0, 0, 0, 2]);
    expect(() => encodeCodes(fit.encoding, aq.table({ size: [1] }), [0])).toThrow("Column 'color' is missing");
  });

  it('gives no codes when nothing is embedded', () => {
    const table = aq.table({ size: [1, 2, 3], y: [1, 2, 3] });
    const fit = fitEncoding(table, [{ name: 'size', type: 'number' }, { name: 'y', type: 'number' }], 'y', { rows: Uint32Array.from([0, 1]), targets: [1, 2], targetLabel: 'y' }, encodingOptions());
    expect(encodeCodes(fit.encoding, table, [2])).toBeUndefined();
  });
});
