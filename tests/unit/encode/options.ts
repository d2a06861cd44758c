import type { EncodingOptions } from '../../../src/core/encode/encoding';

/** Encoding options with nothing switched on but standard scaling, for tests to override. */
export function encodingOptions(overrides: Partial<EncodingOptions> = {}): EncodingOptions {
  return {
    exclude: [],
    categoricalColumns: [],
    oneHotMaxLevels: 30,
    scaling: 'standard',
    log1pColumns: [],
    signedLogColumns: [],
    targetEncodeColumns: [],
    targetEncodingFolds: 5,
    targetEncodingSmoothing: 10,
    seed: 1,
    splitKey: null,
    embedColumns: [],
    embeddingSize: 0,
    ...overrides,
  };
}
