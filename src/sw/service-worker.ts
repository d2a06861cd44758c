/**
 * Keeps the built site in the browser so the workbench opens and runs offline after one visit.
 *
 * Each build is one cache, named by a hash of every built file: a new build installs beside the
 * old one, all of its files or none (`addAll`), and a page never mixes the two. The old build
 * serves the pages it loaded until the next load, when the new one takes over and deletes it.
 *
 * Every response it gives carries the site's headers (src/sw/site-headers.ts), whatever the host
 * sent when the file was cached: from the second visit on, a host that sends no headers still
 * gets the kernel worker its policy and the page cross-origin isolation.
 */

import type { SiteBuild } from './site-build';
import { siteHeaders, withSiteHeaders } from './site-headers';

/** Filled in by the build (vite.config.ts): the files of this build, `index.html` among them, and a hash of their contents. */
declare const __SITE_BUILD__: SiteBuild;

const worker = self as unknown as ServiceWorkerGlobalScope;
const cachePrefix = 'session-workbench-';
const cacheName = `${cachePrefix}${__SITE_BUILD__.version}`;
const scopeUrl = (path: string) => new URL(path, worker.registration.scope).href;
const buildFiles = new Set(__SITE_BUILD__.files.map(scopeUrl));
const pageUrl = scopeUrl('index.html');
/** The one page of the site, at the scope itself or by name. */
const isPage = (url: URL) => [worker.registration.scope, pageUrl].includes(`${url.origin}${url.pathname}`);

worker.addEventListener('install', (event) => {
  // `reload` bypasses the HTTP cache, so a stale copy of a file never lands in a new build's cache.
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll([...buildFiles].map((url) => new Request(url, { cache: 'reload' })))));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(cachePrefix) && name !== cacheName).map((name) => caches.delete(name)))),
  );
});

worker.addEventListener('message', (event) => {
  if (event.data === 'take-over') void worker.skipWaiting();
});

/**
 * A navigation while a newer build waits, with no other tab on this one, hands over and asks the
 * browser to load again (a reload alone keeps the old worker: the new page arrives before the old
 * one leaves). With other tabs open the old build keeps serving, so they never load mixed files.
 */
async function navigate(request: Request): Promise<Response> {
  const waiting = worker.registration.waiting;
  if (waiting && (await worker.clients.matchAll({ type: 'window' })).length < 2) {
    waiting.postMessage('take-over');
    // The page's empty icon, or the browser asks the site for /favicon.ico meanwhile.
    return new Response('<!doctype html><link rel="icon" href="data:,">', { headers: { ...siteHeaders('index.html'), 'content-type': 'text/html', refresh: '0' } });
  }
  const cached = await caches.open(cacheName).then((cache) => cache.match(pageUrl));
  return withSiteHeaders(cached ?? (await fetch(request)), 'index.html');
}

async function fromBuild(request: Request): Promise<Response> {
  const cached = await caches.open(cacheName).then((cache) => cache.match(request, { ignoreSearch: true }));
  return withSiteHeaders(cached ?? (await fetch(request)), new URL(request.url).pathname);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && isPage(url)) {
    event.respondWith(navigate(request));
  } else if (buildFiles.has(`${url.origin}${url.pathname}`)) {
    event.respondWith(fromBuild(request));
  }
});
