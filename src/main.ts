import { mount } from 'svelte';
import template from '../notebooks/purchase-value.json';
import { createIndexedDbProjectStore } from './storage/indexeddb-store';
import { isShareLink } from './core/notebook/share-link';
import { createMemoryProjectStore } from './storage/project-store';
import { registerServiceWorker } from './sw/register';
import App from './ui/App.svelte';
import { startKernel } from './ui/state/kernel-client';
import { Workbench } from './ui/state/workbench.svelte';
import './ui/app.css';

const target = document.getElementById('app')!;

function showFatal(message: string) {
  target.innerHTML = '';
  const box = document.createElement('div');
  box.setAttribute('data-testid', 'app-error');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'max-width:640px;margin:10vh auto;padding:24px;font:14px system-ui;background:#fff;border:1px solid #f3c7c7;border-radius:10px';
  box.textContent = `The workbench could not start: ${message}`;
  target.append(box);
}

try {
  let workbench: Workbench | null = null;
  const kernel = startKernel((message) => workbench?.notices.show('error', `The kernel stopped: ${message}. Reload the page to start it again.`));
  // Private windows in some browsers refuse IndexedDB; the workbench still works, it only forgets on reload.
  const datasets = { copy: (from: string, to: string) => kernel.api.copyProjectData(from, to), remove: (id: string) => kernel.api.removeProjectData(id) };
  const store = typeof indexedDB === 'undefined' ? createMemoryProjectStore(datasets) : createIndexedDbProjectStore(datasets);
  workbench = new Workbench(kernel, store, template);
  const active = workbench;
  mount(App, { target, props: { workbench: active } });

  window.addEventListener('error', (event) => active.notices.show('error', `Unexpected error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    active.notices.show('error', `Unexpected error: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
  window.addEventListener('pagehide', () => void active.saveNow());
  registerServiceWorker((reason) => active.notices.show('info', `This browser keeps no offline copy of the workbench (${reason}); it needs the network to open.`));

  const stopAutosave = active.startAutosave();
  /** A `#nb=` link opens its notebook once; the fragment goes, so a reload never opens it again over later edits. */
  const takeSharedLink = (): string | null => {
    const fragment = location.hash;
    if (!isShareLink(fragment)) return null;
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fragment;
  };
  const linkAtStart = takeSharedLink();
  void active.restore().then(() => (linkAtStart ? active.openLink(linkAtStart) : undefined));
  window.addEventListener('hashchange', () => {
    const link = takeSharedLink();
    if (link) void active.openLink(link);
  });
  void active.detectBackend();
  import.meta.hot?.dispose(() => {
    stopAutosave();
    kernel.dispose();
  });
} catch (error) {
  showFatal(error instanceof Error ? error.message : String(error));
}
