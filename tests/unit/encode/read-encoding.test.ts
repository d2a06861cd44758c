import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/core/cells/types';
import { fitEncoding } from '../../../src/core/encode/encoding';
import { readFittedEncoding } from '../../../src/core/encode/read-encoding';
import { encodingOptions } from './options';

function fitted() {
  const table = aq.table({
    pages: [1, 2, null, 4, 5, 6],
    channel: ['Direct', 'Email', 'Direct', 'Social', 'Direct', 'Email'],
    at: ['2024-01-01T10:00:00Z', '2024-01-02T11:00:00Z', '2024-01-06T12:00:00Z', '2024-02-01T13:00:00Z', '2024-02-03T14:00:00Z', '2024-03-01T15:00:00Z'].map((t) => new Date(t)),
    y: [1, 2, 3, 4, 5, 6],
  });
  const columns: ColumnInfo[] = [
    { name: 'pages', type: 'number' },
    { name: 'channel', type: 'categorical' },
    { name: 'at', type: 'timestamp' },
    { name: 'y', type: 'number' },
  ];
  const training = { rows: Uint32Array.from([0, 1, 2, 3, 4, 5]), targets: [1, 2, 3, 4, 5, 6], targetLabel: 'y' };
  return fitEncoding(table, columns, 'y', training, encodingOptions({ oneHotMaxLevels: 2, targetEncodingFolds: 2 })).encoding;
}

describe('readFittedEncoding', () => {
  it('reads back what a JSON round trip of fitted encoders holds, unchanged', () => {
    const encoding = fitted();
    expect(encoding.encoders.map((encoder) => encoder.kind)).toContain('numeric');
    expect(readFittedEncoding(JSON.parse(JSON.stringify(encoding)))).toEqual(encoding);
  });

  it('names the first field that is wrong by its path', () => {
    const broken = JSON.parse(JSON.stringify(fitted()));
    broken.encoders[0].scaler.scale = 'wide';
    expect(() => readFittedEncoding(broken)).toThrow("The model file's encoders are not readable: encoding.encoders[0].scaler.scale: expected a finite number");
  });

  it('refuses an unknown encoder kind, and levels that do not match their values', () => {
    const unknown = { ...fitted(), encoders: [{ kind: 'magic', column: 'pages' }] };
    expect(() => readFittedEncoding(unknown)).toThrow('encoding.encoders[0].kind: expected one of numeric, one-hot, frequency, target, timestamp');
    const uneven = { ...fitted(), encoders: [{ kind: 'frequency', column: 'channel', levels: ['a', 'b'], shares: [1], scaler: { scaling: 'none', offset: 0, scale: 1 } }] };
    expect(() => readFittedEncoding(uneven)).toThrow('encoding.encoders[0]: 2 levels but 1 values');
  });

  it('refuses a scale of 0, which would divide every value by it', () => {
    const zero = { ...fitted(), encoders: [{ kind: 'frequency', column: 'channel', levels: ['a'], shares: [1], scaler: { scaling: 'none', offset: 0, scale: 0 } }] };
    expect(() => readFittedEncoding(zero)).toThrow('encoding.encoders[0].scaler.scale: must not be 0');
  });

  it('refuses a value that is not an object at all', () => {
    expect(() => readFittedEncoding('encoders')).toThrow('encoding: expected an object');
  });
});
