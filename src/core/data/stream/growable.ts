/** Room for this many values unless the caller expects more. */
const MIN_CAPACITY = 1 << 14;

/**
 * Arrays start with room for the rows the file is expected to hold, so most never grow: growing
 * copied every column's values over and over, and made the collector run for the discarded
 * buffers (sizing them up front made reading the 1M-row bench file about 14% faster). When they
 * do grow it is by half, as the estimate is seldom far off and a doubled array would sit half empty.
 */
const grownCapacity = (capacity: number) => Math.max(MIN_CAPACITY, capacity + (capacity >> 1));

// Two classes rather than one generic over the array type: `push` runs once per cell, and a
// single class holding either array made the 1M-row ingest bench about 7% slower (35.9 vs
// 38.7 MB/s over repeated runs) because its call sites stop being monomorphic.

/** A Float64Array that grows as values are appended. */
export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;

  constructor(expectedLength = 0) {
    this.data = new Float64Array(Math.max(MIN_CAPACITY, expectedLength));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(grownCapacity(this.data.length));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A Uint32Array that grows as values are appended. */
export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(expectedLength = 0) {
    this.data = new Uint32Array(Math.max(MIN_CAPACITY, expectedLength));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(grownCapacity(this.data.length));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get values(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
