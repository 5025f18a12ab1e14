// The in-browser measurements of `make bench` (docs/PERFORMANCE.md): time to interactive,
// input-to-paint latency, re-validation, import and XLSX export, in headless Chromium on
// 127.0.0.1. Each function takes a launched browser and a served page's URL.
'use strict';
const { ready } = require('../e2e/support');

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
 * events ≥ 16 ms) is recorded alongside.
 */
async function typing(page, selector, keys, gap = 80) {
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
    await page.keyboard.press(letters[i % letters.length]);
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

module.exports = { tti, visit, reloadInto, typing, importBundle, openWith, revalidate, exportXlsx, spans, median, quantile };
