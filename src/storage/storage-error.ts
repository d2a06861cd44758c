/**
 * A failed write to the browser's storage, in words for the user. A refused IndexedDB write
 * rolls back its whole transaction, so what was saved before is still there; browsers give the
 * quota refusal an empty or technical message, which says nothing to the person whose work it is.
 */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return "this browser's storage for this site is full, so this change was not kept; what was saved before is unchanged. Delete projects you no longer need, or clear other sites' data, to make room.";
  }
  return message || name || 'the browser gave no reason';
}
