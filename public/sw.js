// The offline cache. scripts/post_build.py replaces the two placeholders with this
// build's version and its list of files (Trunk hashes file names, so the list changes
// with every deployment and so does this file, which is how browsers notice an update).
'use strict';
const VERSION = '__PEIXUN_VERSION__';
const PRECACHE = __PEIXUN_PRECACHE__;
const CACHE = 'peixun-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))
    )
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('peixun-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// This version's files come from this version's cache, so a page never mixes two
// deployments; anything else goes to the network and falls back to the cache.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // A navigation gets its own page if this version has it (recover.html), else the app.
  if (request.mode === 'navigate') {
    event.respondWith(
      caches
        .open(CACHE)
        .then((c) => c.match(request, { ignoreSearch: true }).then((hit) => hit || c.match('./index.html')))
        .then((hit) => hit || fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then(
        (hit) =>
          hit ||
          fetch(request).catch(() => cache.match('./index.html'))
      )
    )
  );
});
