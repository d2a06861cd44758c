/** Where the ids of untrusted notebooks are kept, so a reload does not trust them silently. */
const STORAGE_KEY = 'session-workbench-untrusted';

function readStored(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    // No storage (a private window) or a damaged value: trust is then kept for this page only.
    return [];
  }
}

/**
 * Notebooks opened from a file or a link whose expressions the user has not yet agreed to run,
 * by document id. Notebooks the user made are never here.
 */
export class UntrustedNotebooks {
  private ids = $state<string[]>(readStored());

  has(documentId: string): boolean {
    return this.ids.includes(documentId);
  }

  add(documentId: string): void {
    if (!this.has(documentId)) this.store([...this.ids, documentId]);
  }

  trust(documentId: string): void {
    if (this.has(documentId)) this.store(this.ids.filter((id) => id !== documentId));
  }

  private store(ids: string[]): void {
    this.ids = ids;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
    } catch {
      // Kept in memory only; see readStored.
    }
  }
}
