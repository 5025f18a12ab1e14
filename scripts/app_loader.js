// The app's loader: scripts/build_app.py puts it inline into index.html's head (a classic
// script, so its fetches start while the page is still being parsed; the app's module is
// imported once the page is), with __BASE__ (the app's folder), __PAGES__ (each page's
// wasm files, and the reader's as '@saved') and __FIRST__ (the first module's integrity)
// filled in.
(async () => {
const base = '__BASE__/';
const pages = __PAGES__;
const route = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
const href = (f) => new URL(base + f, location.href).href;
const wasm = (body) => new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
const preload = (f, integrity) => {
  const l = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'application/wasm', crossOrigin: 'anonymous', href: base + f });
  if (integrity) l.integrity = integrity;
  document.head.append(l);
};
// Opened on a page other than 工作台 (the member card by its link) by a browser whose
// service worker does not serve it yet: start_<page>.wasm holds the first module and then
// the page's files, in one response. The first module streams into its compiler as it
// comes, at the whole connection's speed; the page's files follow with no request of their
// own, each compiled on arrival; __wasm_split.js asks peixunStartFile for them first.
const sw = navigator.serviceWorker;
const own = route && !route.startsWith('@') && pages[route] ? pages[route] : [];
const fromStart = own.length > 0 && !(sw && sw.controller);
let giveFirst, appStarted;
const started = new Promise((resolve) => { appStarted = resolve; });
const first = new Promise((resolve) => { giveFirst = resolve; });
if (fromStart) {
  const files = fetch(base + 'start_' + route + '.wasm').then(async (r) => {
    if (!r.ok || !r.body) throw new Error('HTTP ' + r.status);
    const input = r.body.getReader();
    let pending = new Uint8Array(0);
    // The next n bytes of the response, piece by piece as they arrive.
    const take = async (n, each) => {
      while (n > 0) {
        if (pending.length === 0) {
          const { done, value } = await input.read();
          if (done) throw new Error('start_' + route + '.wasm is cut short');
          pending = value;
        }
        const piece = pending.subarray(0, n);
        pending = pending.subarray(piece.length);
        n -= piece.length;
        each(piece);
      }
    };
    const whole = async (n) => {
      const out = new Uint8Array(n);
      let at = 0;
      await take(n, (p) => { out.set(p, at); at += p.length; });
      return out;
    };
    // A little-endian u32, that many bytes of JSON [[name, size], …], then the files in
    // that order, the first module among them.
    const n = new DataView((await whole(4)).buffer).getUint32(0, true);
    const out = new Map();
    for (const [name, size] of JSON.parse(new TextDecoder().decode(await whole(n)))) {
      if (name === 'peixun_bg.wasm') {
        let stream;
        const kept = [];
        giveFirst(wasm(new ReadableStream({ start(c) { stream = c; } })));
        try {
          await take(size, (p) => {
            const piece = p.slice();
            kept.push(piece);
            stream.enqueue(piece);
          });
          stream.close();
        } catch (e) {
          stream.error(e);
          throw e;
        }
        out.set(href(name), { bytes: new Blob(kept) });
        continue;
      }
      const bytes = await whole(size);
      const module = WebAssembly.compile(bytes);
      module.catch(() => {});
      out.set(href(name), { bytes, module });
    }
    return out;
  });
  // Not come at all: the first module and the page's files one by one, as without a start file.
  files.catch(() => giveFirst(fetch(base + 'peixun_bg.wasm')));
  const names = new Set(own.map(href));
  const compiled = (f) => Object.assign(wasm(f.bytes), { peixunModule: f.module });
  globalThis.peixunStartFile = (url) =>
    names.has(url.href) ? files.then((m) => (m.has(url.href) ? compiled(m.get(url.href)) : fetch(url)), () => fetch(url)) : null;
  // Once the app has started, all of it goes where the service worker looks (its cache for
  // this version): the page used once works offline, and sw-register.js registers the
  // worker only then, so that its install fetches just what is not there yet.
  const version = document.querySelector('meta[name="peixun-version"]');
  if (sw && version && globalThis.caches) {
    const later = window.requestIdleCallback || ((f) => setTimeout(f, 0));
    window.peixunUnpacked = Promise.all([files, started])
      .then(([m]) => new Promise((done) => later(done, { timeout: 1000 })).then(() => m))
      .then((m) => caches.open('peixun-' + version.content).then((c) => Promise.all([...m].map(([u, f]) => c.put(u, wasm(f.bytes))))))
      .catch(() => {});
  }
} else {
  preload('peixun_bg.wasm', '__FIRST__');
  for (const f of own) preload(f);
  giveFirst(fetch(base + 'peixun_bg.wasm'));
}
// Read after the fetches above have started: a first read of localStorage can be slow.
let saved = false;
try { saved = Object.keys(localStorage).some((k) => k.startsWith('peixun/')); } catch (e) {}
if (saved) for (const f of pages['@saved']) preload(f);
// boot.js (deferred: it runs before DOMContentLoaded) reports a failure to start.
if (document.readyState === 'loading') await new Promise((go) => document.addEventListener('DOMContentLoaded', go, { once: true }));
const bindings = await import(base + 'peixun.js');
await bindings.default({ module_or_path: first });
window.wasmBindings = bindings;
appStarted();
})();
