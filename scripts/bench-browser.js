// The in-browser measurements of `make bench` (docs/PERFORMANCE.md): time to interactive,
// input-to-paint latency, re-validation, import and XLSX export, in headless Chromium on
// 127.0.0.1. Each function takes a launched browser and a served page's URL.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { ready } = require('../e2e/support');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };

/**
 * `root` on 127.0.0.1 as a static host would serve it to a phone: text and wasm compressed
 * (brotli 11 when the browser accepts it, else gzip 9; computed once per file), so the
 * emulated network carries what a real visit would. Resolves to { url, close }.
 */
function serveCompressed(root) {
  const cache = new Map();
  const q = zlib.constants;
  const encode = (raw, enc) =>
    enc === 'br' ? zlib.brotliCompressSync(raw, { params: { [q.BROTLI_PARAM_QUALITY]: 11 } }) : enc === 'gzip' ? zlib.gzipSync(raw, { level: 9 }) : raw;
  // Compressed before the first request, so no load waits for brotli 11.
  for (const f of fs.readdirSync(root, { recursive: true })) {
    const file = path.join(root, f);
    if (!fs.statSync(file).isFile() || f.endsWith('.png')) continue;
    const raw = fs.readFileSync(file);
    for (const enc of ['br', 'gzip']) cache.set(`${file} ${enc}`, encode(raw, enc));
  }
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(1)) || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    const accepts = String(req.headers['accept-encoding'] || '');
    const enc = type.startsWith('image/') ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    const key = `${file} ${enc}`;
    if (!cache.has(key)) cache.set(key, encode(fs.readFileSync(file), enc));
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...(enc ? { 'Content-Encoding': enc, Vary: 'Accept-Encoding' } : {}) });
    res.end(cache.get(key));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const sockets = new Set();
      server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => { for (const s of sockets) s.destroy(); server.close(() => done()); }) });
    }),
  );
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? s[0];
}

/**
 * Navigation start → the page's `performance.mark("peixun-interactive")`, `runs` cold loads;
 * and the paths the first load requested before then (Resource Timing: what "first load"
 * counts; the editor's chunks, fetched when the browser is idle after, are not in it).
 */
async function tti(browser, url, runs) {
  const times = [];
  let fetched = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    const { at, paths } = await page.evaluate(() => {
      const at = performance.getEntriesByName('peixun-interactive')[0].startTime;
      const early = performance.getEntriesByType('resource').filter((e) => e.startTime <= at);
      return { at, paths: early.map((e) => new URL(e.name).pathname) };
    });
    times.push(at);
    if (i === 0) fetched = paths;
    await context.close();
  }
  return { times, fetched };
}

/** Going to `hash` on an open page: ms until `selector` shows, and the paths it fetched. */
async function visit(page, hash, selector) {
  const paths = new Set();
  const log = (req) => paths.add(new URL(req.url()).pathname);
  page.on('request', log);
  const t0 = Date.now();
  await page.goto(page.url().split('#')[0] + hash);
  await page.waitForSelector(selector);
  const ms = Date.now() - t0;
  page.off('request', log);
  return { ms, fetched: [...paths] };
}

/** Durations of the app's `performance.measure(name)` spans (src/ui/perf.rs), in order. */
function spans(page, name) {
  return page.evaluate((n) => performance.getEntriesByType('measure').filter((e) => e.name === n).map((e) => e.duration), name);
}

/**
 * Imports a unit bundle through the unit office's real file input (#/unit) and confirms
 * the preview. Returns wall times (file set → preview shown, click → list shown) and the
 * page's own spans (parse + plan; commit + swap in).
 */
async function importBundle(page, file) {
  await page.goto(page.url().split('#')[0] + '#/unit');
  await page.waitForSelector('main[data-page="unit"]');
  const t0 = Date.now();
  await page.setInputFiles('input[data-action="import"]', file);
  await page.waitForSelector('[data-action="confirm-import"]', { timeout: 60000 });
  const toPreview = Date.now() - t0;
  const t1 = Date.now();
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-preview]', { state: 'detached', timeout: 60000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const toList = Date.now() - t1;
  const prepare = (await spans(page, 'peixun-import-prepare')).pop();
  const apply = (await spans(page, 'peixun-import-apply')).pop();
  return { toPreview, toList, prepare, apply };
}

/** A page of `url` in a fresh context, with `bundle` imported if given. */
async function openWith(browser, url, bundle) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  const imported = bundle ? await importBundle(page, bundle) : null;
  // Let the autosave of a large import finish before measuring anything else.
  await page.waitForTimeout(bundle ? 1500 : 100);
  return { context, page, imported };
}

/**
 * Types `keys` keystrokes into `selector`, one at a time, ~`gap` ms apart (a quick typist),
 * and measures each in the page: a capture-phase `input` listener notes the event's time
 * stamp, the next requestAnimationFrame callback then posts a message, which runs once
 * that frame has been rendered (input → painted update). Event Timing (which reports only
 * events ≥ 16 ms) is recorded alongside. `step(i)` replaces the letters (the search box).
 */
async function typing(page, selector, keys, gap = 80, step = null) {
  await page.evaluate(() => {
    // Spans read after typing (findings, saves) are the keystrokes' own, not the import's.
    performance.clearMeasures();
    window.__lat = [];
    window.__et = [];
    addEventListener(
      'input',
      (ev) => {
        const start = ev.timeStamp;
        requestAnimationFrame(() => {
          // Not rAF's argument: that is the frame's start, which can precede the event.
          const raf = performance.now();
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            window.__lat.push({ start, raf, paint: performance.now() });
            if (window.__wake) window.__wake();
          };
          ch.port2.postMessage(0);
        });
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // Handlers ran from processingStart to processingEnd; the rest is waiting (input
        // queue, then the next frame).
        window.__et.push({ name: e.name, duration: e.duration, handlers: e.processingEnd - e.processingStart });
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  await page.click(selector);
  await page.keyboard.press('End');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < keys; i++) {
    // `step(i)`: another keystroke than a letter (a character typed, Backspace); each must
    // fire one input event.
    await (step ? step(i) : page.keyboard.press(letters[i % letters.length]));
    // Woken by the probe itself: polling the page would add work to the frames measured.
    await page.evaluate(
      (n) =>
        new Promise((done) => {
          window.__wake = () => window.__lat.length > n && done();
          window.__wake();
        }),
      i,
    );
    await page.waitForTimeout(gap);
  }
  await page.waitForTimeout(200);
  const { lat, et } = await page.evaluate(() => ({ lat: window.__lat, et: window.__et }));
  const toPaint = lat.map((l) => l.paint - l.start);
  return {
    toPaint,
    // input → the frame's rAF (handlers, effects, waiting for the frame), rAF → painted.
    toFrame: median(lat.map((l) => l.raf - l.start)),
    render: median(lat.map((l) => l.paint - l.raf)),
    median: median(toPaint),
    p95: quantile(toPaint, 0.95),
    eventTiming: et.filter((e) => ['keydown', 'keypress', 'input', 'keyup'].includes(e.name)),
  };
}

/** The app's workspace re-validation span (工作台 rows: every application checked), `runs` times. */
async function revalidate(page, runs) {
  const base = page.url().split('#')[0];
  const out = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(base + '#/data');
    await page.waitForSelector('main[data-page="data"]');
    await page.goto(base + '#/');
    await page.waitForSelector('main[data-page=""] tbody tr');
    out.push((await spans(page, 'peixun-validate-workspace')).pop());
  }
  return out;
}

/** 附件2 as XLSX from #/unit: click → the download, `runs` times (the first fetches the worker). */
async function exportXlsx(page, runs) {
  await page.goto(page.url().split('#')[0] + '#/unit');
  await page.waitForSelector('[data-action="export-xlsx"]');
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('[data-action="export-xlsx"]')]);
    out.push(Date.now() - t0);
    await download.delete();
  }
  return out;
}

/**
 * Reloads on `hash` `runs` times (files in the HTTP cache, as for a returning user):
 * navigation start → `selector` shown, as read in the page right after (a CDP round trip,
 * ~1 ms, included). For a lazily loaded page: the first module, then its chunks.
 */
async function reloadInto(page, hash, selector, runs) {
  await page.goto(page.url().split('#')[0] + hash);
  await page.waitForSelector(selector);
  const out = [];
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await page.waitForSelector(selector);
    out.push(await page.evaluate(() => performance.now()));
  }
  return out;
}

/**
 * A phone on a mobile network, as Chromium's DevTools emulate it (CDP): 1.6 Mbit/s down,
 * 750 kbit/s up, 150 ms round trip, the CPU 4× slower. Applied to the page's own target,
 * so it throttles the page's requests (the service worker's fetches are counted by
 * `firstVisitBytes` but run at the host's speed).
 */
const PHONE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
  connectionType: 'cellular4g',
};
const PHONE_CPU = 4;

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU });
  return cdp;
}

/**
 * `runs` cold loads of `url` on the emulated phone (a fresh context each, no service
 * worker): navigation start → `selector` in the page (a MutationObserver set before the
 * page's scripts marks `bench-shown` when it appears). The card opened by its link:
 * `#/card` and its form's first field.
 */
async function phoneTti(browser, url, selector, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript((sel) => {
      const seen = () => {
        if (!document.querySelector(sel)) return false;
        performance.mark('bench-shown');
        return true;
      };
      new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, { subtree: true, childList: true, attributes: true });
    }, selector);
    await throttle(page);
    await page.goto(url);
    // Not polled every frame: the check itself would take the throttled page's main thread.
    await page.waitForFunction(() => performance.getEntriesByName('bench-shown').length > 0, null, { timeout: 120000, polling: 250 });
    times.push(await page.evaluate(() => performance.getEntriesByName('bench-shown')[0].startTime));
    await context.close();
  }
  return times;
}

/**
 * A first visit on the emulated phone with the service worker allowed: every URL path
 * requested in the first `seconds` s after navigation start, by the page or by the
 * service worker (its precache included), each once.
 */
async function firstVisitPaths(browser, url, seconds = 30) {
  const context = await browser.newContext();
  const paths = new Set();
  context.on('request', (r) => paths.add(new URL(r.url()).pathname));
  const page = await context.newPage();
  await throttle(page);
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForTimeout(Math.max(0, seconds * 1000 - (Date.now() - t0)));
  const out = [...paths];
  await context.close();
  return out;
}

module.exports = { serveCompressed, phoneTti, firstVisitPaths, tti, visit, reloadInto, typing, importBundle, openWith, revalidate, exportXlsx, spans, median, quantile };
