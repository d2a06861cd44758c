/** What the browser says about this site's storage: whether it is kept under pressure, and how full it is. */
export class StorageFacts {
  /** Null until known, or where the browser has no storage API. */
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);

  /**
   * Asked once at start: without it a browser short of disk may clear every project. Chromium
   * grants or refuses by its own heuristics without a prompt; Firefox asks the user.
   */
  async requestPersistence(): Promise<void> {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return;
    try {
      this.persisted = (await storage.persisted()) || (await storage.persist());
    } catch {
      // Some private windows reject the request; the line then says the browser may clear it.
      this.persisted = false;
    }
  }

  async refresh(): Promise<void> {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.estimate) return;
    try {
      const { usage, quota } = await storage.estimate();
      this.usage = usage ?? null;
      this.quota = quota ?? null;
    } catch {
      // An estimate the browser will not give leaves the figures unknown; the line says so.
      this.usage = null;
      this.quota = null;
    }
  }
}
