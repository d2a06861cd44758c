/**
 * Lets the browser keep the built site for offline use (src/sw/service-worker.ts). Development
 * builds go without: the worker would serve modules the dev server has since changed.
 */
export function registerServiceWorker(onUnavailable: (reason: string) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => onUnavailable(error instanceof Error ? error.message : String(error)));
}
