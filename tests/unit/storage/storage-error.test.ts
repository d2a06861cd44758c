import { describe, expect, it } from 'vitest';
import { describeStorageError } from '../../../src/storage/storage-error';

describe('describeStorageError', () => {
  it('says a refused write for lack of space in words, and that the earlier save stands', () => {
    // As IndexedDB gives it, and as it arrives from the kernel worker: a plain Error keeping the name.
    for (const error of [new DOMException('', 'QuotaExceededError'), Object.assign(new Error(''), { name: 'QuotaExceededError' })]) {
      const text = describeStorageError(error);
      expect(text).toMatch(/storage for this site is full/);
      expect(text).toMatch(/what was saved before is unchanged/);
    }
  });

  it('recognises a quota refusal by its message when the name is lost', () => {
    expect(describeStorageError(new Error('Quota exceeded while writing'))).toMatch(/storage for this site is full/);
  });

  it('passes other failures on as they are, and names one that has no message', () => {
    expect(describeStorageError(new Error('The database connection is closing.'))).toBe('The database connection is closing.');
    expect(describeStorageError(new DOMException('', 'UnknownError'))).toBe('UnknownError');
    expect(describeStorageError('disk gone')).toBe('disk gone');
  });
});
