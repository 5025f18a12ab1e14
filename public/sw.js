// The offline cache. scripts/post_build.py replaces the two placeholders with this
// build's version and its list of files (Trunk hashes file names, so the list changes
// with every deployment and so does this file, which is how browsers notice an update).
//
// One deployment's files stay whole for every tab that runs it: each version has its own
// cache, kept while a tab of that version is open (each page tells us its version), and a
// file is looked up in every version's cache (the app's and the worker's files have hashed
// names, so a name belongs to one deployment). A tab is never switched to the new version
// without a reload it asked for (sw-register.js).
'use strict';
const VERSION = '__PEIXUN_VERSION__';
// Installed with this worker: what the first page needs.
const PRECACHE = __PEIXUN_PRECACHE__;
// The rest (other pages' chunks, the export worker): cached when first fetched, or all at
// once when a page says the browser is idle on a fast, unmetered connection ('cache-rest').
const REST = __PEIXUN_REST__;
// Each page's files, for what 数据与设置 says is available offline.
const PARTS = __PEIXUN_PARTS__;
const OURS = new Set([...PRECACHE, ...REST].map((p) => new URL(p, self.location).href));
const STATUS = new URL('./__peixun-offline.txt', self.location).href;
const CACHE = 'peixun-' + VERSION;
// Which version each open tab runs, so that a worker restarted by the browser remembers.
const META = 'peixun-meta';
const CLIENTS = './__peixun-clients.json';

// What the page already put into this version's cache (a first visit opened on a page
// other than 工作台: the files it unpacked) is not fetched again; the names are this
// deployment's, so a file under one is the right one.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      const missing = [];
      for (const path of PRECACHE) if (!(await cache.match(path))) missing.push(path);
      await cache.addAll(missing.map((path) => new Request(path, { cache: 'reload' })));
    })
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(prune().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data === 'skip-waiting') {
    self.skipWaiting();
  } else if (data === 'cache-rest') {
    event.waitUntil(cacheRest());
  } else if (data && data.type === 'used' && Array.isArray(data.urls)) {
    event.waitUntil(cacheUsed(data.urls));
  } else if (data && data.type === 'version' && event.source && typeof data.version === 'string') {
    event.waitUntil(remember(event.source.id, data.version).then(prune));
  }
});

async function clientVersions() {
  const hit = await (await caches.open(META)).match(CLIENTS);
  return hit ? hit.json() : {};
}

async function remember(id, version) {
  const map = await clientVersions();
  map[id] = version;
  await (await caches.open(META)).put(CLIENTS, new Response(JSON.stringify(map)));
}

// Deletes the caches of versions no open tab runs. While any open tab has not said its
// version yet (it is starting), nothing is deleted.
async function prune() {
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const map = await clientVersions();
  const live = {};
  for (const c of open) {
    if (!(c.id in map)) return;
    live[c.id] = map[c.id];
  }
  await (await caches.open(META)).put(CLIENTS, new Response(JSON.stringify(live)));
  const keep = new Set(Object.values(live).map((v) => 'peixun-' + v));
  keep.add(CACHE);
  keep.add(META);
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith('peixun-') && !keep.has(k)).map((k) => caches.delete(k)));
}

// Fetches what is not cached yet, one file at a time (the page stays responsive); stops at
// the first failure (offline): the next idle visit goes on.
function cacheRest() {
  return saveMissing(REST, 'reload');
}

// What a page fetched before this worker controlled it (a first visit: the page opened by
// its link, and what it loaded since), so that a page used once works offline: from the
// browser's HTTP cache where it can.
function cacheUsed(urls) {
  const ours = urls.map((u) => new URL(String(u), self.location)).map((u) => u.origin + u.pathname);
  return saveMissing(ours.filter((key) => OURS.has(key)), 'default');
}

// Each path not in this version's cache yet, in order; stops at the first failure.
async function saveMissing(paths, mode) {
  const cache = await caches.open(CACHE);
  for (const path of paths) {
    if (await cache.match(path)) continue;
    try {
      const response = await fetch(new Request(path, { cache: mode }));
      if (!response.ok) return;
      await cache.put(path, response);
    } catch (e) {
      return;
    }
  }
}

// One line per part: its name and 1 when every file of it is in this version's cache.
async function offlineStatus() {
  const cache = await caches.open(CACHE);
  const lines = [];
  for (const [name, paths] of Object.entries(PARTS)) {
    const hits = await Promise.all(paths.map((p) => cache.match(p)));
    lines.push(`${name} ${hits.every(Boolean) ? 1 : 0}`);
  }
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

// This version's cache first, then any kept version's (an open tab of an older one).
async function cached(request) {
  const own = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  return own || caches.match(request, { ignoreSearch: true });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.href === STATUS) {
    event.respondWith(offlineStatus());
    return;
  }
  // A navigation gets this version's page (recover.html), else this version's app.
  if (request.mode === 'navigate') {
    event.respondWith(
      caches
        .open(CACHE)
        .then((c) => c.match(request, { ignoreSearch: true }).then((hit) => hit || c.match('./index.html')))
        .then((hit) => hit || fetch(request))
    );
    return;
  }
  // Anything else: from a cache, or the network (and then kept, if it is this
  // deployment's: a page once used works offline). A file that is neither answers with an
  // error (never with index.html, which a chunk or a worker would try to run as code).
  const key = url.origin + url.pathname;
  event.respondWith(
    cached(request).then(
      (hit) =>
        hit ||
        fetch(request).then(
          (response) => {
            if (response.ok && OURS.has(key)) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((c) => c.put(key, copy)));
            }
            return response;
          },
          () => Response.error()
        )
    )
  );
});
