// The bureau's rows of `make bench` (docs/PERFORMANCE.md): 100 unit bundles of 30 groups
// each opened on 院人事局汇总与遴选 (`#/unit/bureau`), and a decision there → the totals
// updated and painted, with 3,000 groups open. bench.js calls `bureau()` and prints
// `rows()`; alone, against dist/ (PEIXUN_DIST) and the bundles bench.sh writes:
//
//     node scripts/bench-bureau.js
//
// Env: BUREAU_DIR (target/bench/bureau), BUREAU_RUNS (opens, 5), DECISIONS (20).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { ready } = require('../e2e/support');
const { median, quantile } = require('./bench-browser');

const ROOT = path.resolve(__dirname, '..');
const DIR = path.resolve(ROOT, process.env.BUREAU_DIR || path.join('target', 'bench', 'bureau'));
const RUNS = Number(process.env.BUREAU_RUNS || 5);
const DECISIONS = Number(process.env.DECISIONS || 20);
const BUDGET_OPEN = 1000;
const BUDGET_DECIDE = 50;

const GROUPS = '[data-bureau-groups] tr[data-group]';

/**
 * The unit bundles in `dir` (`unit-NNN.peixun.json`, bench.sh writes them), and how many
 * units and groups they hold.
 */
function bundlesIn(dir) {
  if (!fs.existsSync(dir)) throw new Error(`no ${dir}: peixun-sample --units 100 --apps 30 --out-dir ${dir} (bench.sh writes it)`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.peixun.json')).sort().map((f) => path.join(dir, f));
  const groups = files.reduce((n, f) => n + JSON.parse(fs.readFileSync(f, 'utf8')).applications.length, 0);
  return { files, units: files.length, groups };
}

/**
 * In the page, before its scripts: times the opening of unit bundles. A capture-phase
 * `change` listener on the file input takes the event's time stamp; `Blob.text()` (how
 * the page reads a file) notes when the last read resolved; a MutationObserver waits
 * until the page lists `units` units (各单位) and says `groups` groups: that many rows, or
 * a paged table whose `aria-rowcount` counts them (with its first rows shown). Then a
 * requestAnimationFrame callback posts a MessageChannel message, which runs once that
 * frame has been rendered (as `typing` in bench-browser.js).
 */
function openProbe({ units, groups, rowsSel }) {
  const text = Blob.prototype.text;
  Blob.prototype.text = function () {
    return text.call(this).then((t) => {
      if (window.__open) window.__open.read = performance.now();
      return t;
    });
  };
  const listed = () => {
    const table = document.querySelector('[data-bureau-groups]');
    if (!table || document.querySelectorAll('[data-bureau-units] tbody tr').length !== units) return false;
    const shown = document.querySelectorAll(rowsSel).length;
    const said = Number(table.getAttribute('aria-rowcount')) - 1;
    return shown === groups || (shown > 0 && said === groups);
  };
  addEventListener(
    'change',
    (ev) => {
      if (!ev.target.matches || !ev.target.matches('input[data-action="open-units"]')) return;
      const o = (window.__open = { start: ev.timeStamp });
      new MutationObserver((_, obs) => {
        if (!listed()) return;
        obs.disconnect();
        o.dom = performance.now();
        o.rows = document.querySelectorAll(rowsSel).length;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            o.paint = performance.now();
            if (window.__wake) window.__wake();
          };
          ch.port2.postMessage(0);
        });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowcount'] });
    },
    { capture: true },
  );
}

/** Resolves once `window[key].paint` is set (woken by the probe: no polling in the measured frames). */
function painted(page, key, timeout = 120000) {
  return page.evaluate(
    ([k, ms]) =>
      new Promise((done, fail) => {
        const t = setTimeout(() => fail(new Error(`${k}: not painted within ${ms} ms`)), ms);
        window.__wake = () => window[k] && window[k].paint && (clearTimeout(t), done());
        window.__wake();
      }),
    [key, timeout],
  );
}

/** A fresh page on `#/unit/bureau` with nothing kept from before (and its probe, if given). */
async function bureauPage(browser, url, probe) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (probe) await page.addInitScript(openProbe, probe);
  await page.goto(`${url}#/unit/bureau`);
  await ready(page);
  await page.waitForSelector('input[data-action="open-units"]', { state: 'attached' });
  // The files kept from a last visit are read at start; none in a fresh context.
  await page.waitForSelector('[data-bureau-kept="0"]', { state: 'attached', timeout: 30000 });
  return { context, page };
}

/**
 * Opens `files` through the page's file input, `runs` times, each in a fresh context:
 * change event → every unit and group listed and painted (ms, in the page), split into
 * change → the last file read and the rest (parse, overview, tables, paint); and the
 * wall time of setInputFiles → painted as the bench sees it.
 */
async function openUnits(browser, url, set, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await bureauPage(browser, url, { units: set.units, groups: set.groups, rowsSel: GROUPS });
    const t0 = Date.now();
    await page.setInputFiles('input[data-action="open-units"]', set.files);
    await painted(page, '__open');
    const wall = Date.now() - t0;
    const o = await page.evaluate(() => ({
      ...window.__open,
      // Persons on two units' lists (none in bench.sh's bundles).
      shared: Number(document.querySelector('[data-bureau-shared]')?.getAttribute('data-bureau-shared')),
    }));
    out.push({ ms: o.paint - o.start, read: o.read - o.start, dom: o.dom - o.start, rows: o.rows, shared: o.shared, wall });
    await context.close();
  }
  return out;
}

/**
 * With `set` open: `n` decisions, each on another group (spread over the rows shown),
 * set to 入选 as a person does it (the select's value, then `input` and `change`
 * dispatched, in the page), ~`gap` ms apart. Each: dispatch → the totals say one more
 * group selected (入选团组 summed over the categories in [data-selection-totals], 入选 in
 * the group's unit's row and in the all-units row of [data-selection-units]), found by a
 * MutationObserver, then the rAF + MessageChannel probe → painted. The row is scrolled
 * into view first, two frames before the decision.
 */
async function decide(browser, url, set, n, gap = 250) {
  const { context, page } = await bureauPage(browser, url, null);
  await page.setInputFiles('input[data-action="open-units"]', set.files);
  await page.waitForSelector(GROUPS, { timeout: 120000 });
  await page.waitForSelector('[data-selection-units] tr[data-unit="all"]');
  // Let the kept files' write to IndexedDB end before measuring.
  await page.waitForSelector('[data-bureau-kept]:not([data-bureau-kept="0"]):not([data-bureau-kept="reading"])', { state: 'attached', timeout: 60000 });
  await page.waitForTimeout(500);
  const out = [];
  for (let k = 0; k < n; k++) {
    await page.evaluate(
      ([sel, k, n]) => {
        const rows = [...document.querySelectorAll(sel)].filter((r) => !r.dataset.decision);
        const row = rows[Math.floor((k * rows.length) / n) % rows.length];
        row.scrollIntoView({ block: 'center' });
        window.__row = row;
      },
      [GROUPS, k, n],
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    const d = await page.evaluate(() => {
      const cell = (tr, i) => (tr ? Number(tr.children[i].textContent) : NaN);
      const units = (u) => document.querySelector(`[data-selection-units] tr[data-unit="${CSS.escape(u)}"]`);
      const totals = () =>
        [...document.querySelectorAll('[data-selection-totals] tr[data-category]')]
          .filter((tr) => tr.dataset.category !== 'key_fields')
          .reduce((s, tr) => s + cell(tr, 1), 0);
      const row = window.__row;
      const unit = row.dataset.unit;
      const counts = () => [totals(), cell(units(unit), 2), cell(units('all'), 2)];
      const want = counts().map((c) => c + 1);
      const d = (window.__decide = { want });
      new MutationObserver((_, obs) => {
        const now = counts();
        if (now.some((c, i) => c !== want[i])) return;
        obs.disconnect();
        d.dom = performance.now();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            d.paint = performance.now();
            if (window.__wake) window.__wake();
          };
          ch.port2.postMessage(0);
        });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      const select = row.querySelector('[data-field="decision"]');
      d.start = performance.now();
      select.value = 'selected';
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      d.handlers = performance.now();
      return { want };
    });
    await painted(page, '__decide', 30000);
    const r = await page.evaluate(() => window.__decide);
    out.push({ ms: r.paint - r.start, dom: r.dom - r.start, handlers: r.handlers - r.start, want: d.want });
    await page.waitForTimeout(gap);
  }
  await context.close();
  return out;
}

/** Both rows' measurements: { units, groups, bytes, open: [...], decide: [...] }. */
async function bureau(browser, url, dir = DIR, { runs = RUNS, decisions = DECISIONS } = {}) {
  const set = bundlesIn(dir);
  const bytes = set.files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const open = await openUnits(browser, url, set, runs);
  const decided = await decide(browser, url, set, decisions);
  return { units: set.units, groups: set.groups, bytes, rowsShown: open[0].rows, shared: open[0].shared, open, decide: decided };
}

const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const verdict = (value, budget) => (Number.isFinite(value) ? (value <= budget ? 'met' : 'MISSED') : '—');

/** The table's rows: [label, value, '', '', budget, verdict] (bench.js's columns). */
function rows(r) {
  if (!r) return [];
  const open = r.open.map((x) => x.ms);
  const dec = r.decide.map((x) => x.ms);
  const n = r.groups.toLocaleString('en');
  const at = (k) => ms(median(r.open.map((x) => x[k])));
  return [
    [`bureau: open ${r.units} bundles → ${n} listed, median`, ms(median(open)), '', '', String(BUDGET_OPEN), verdict(median(open), BUDGET_OPEN)],
    [`  the same, p95 (${open.length} opens), ms`, ms(quantile(open, 0.95)), '', '', String(BUDGET_OPEN), verdict(quantile(open, 0.95), BUDGET_OPEN)],
    ['  median: files read / all in the DOM, ms', `${at('read')} / ${at('dom')}`],
    ['  wall: setInputFiles → painted, ms', at('wall')],
    [`  ${(r.bytes / 1048576).toFixed(1)} MB; group rows in DOM / shared persons`, `${r.rowsShown} / ${r.shared}`],
    [`bureau, ${n} groups: decision → totals, median`, ms(median(dec)), '', '', String(BUDGET_DECIDE), verdict(median(dec), BUDGET_DECIDE)],
    [`  the same, p95 (${dec.length} decisions), ms`, ms(quantile(dec, 0.95)), '', '', String(BUDGET_DECIDE), verdict(quantile(dec, 0.95), BUDGET_DECIDE)],
    ['  median: handlers / totals in the DOM, ms', `${ms(median(r.decide.map((x) => x.handlers)))} / ${ms(median(r.decide.map((x) => x.dom)))}`],
  ];
}

module.exports = { bureau, rows, bundlesIn };

if (require.main === module) {
  const { serve, launch } = require('../e2e/support');
  const DIST = path.join(ROOT, process.env.PEIXUN_DIST || 'dist');
  const load = os.loadavg();
  (async () => {
    const srv = await serve(DIST);
    const browser = await launch();
    let r;
    try {
      r = await bureau(browser, srv.url);
    } finally {
      await browser.close();
      await srv.close();
    }
    const line = (...c) => console.log(c[0].padEnd(50) + c.slice(1).map((x) => String(x).padStart(14)).join(''));
    line('metric', 'peixun', '', '', 'budget', '');
    for (const row of rows(r)) line(...row);
    console.log(`\nopen, ms each: ${r.open.map((x) => ms(x.ms)).join(' ')}`);
    console.log(`decision, ms each: ${r.decide.map((x) => ms(x.ms)).join(' ')}`);
    console.log(`load average at start: ${load.map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs)`);
    fs.mkdirSync(path.join(ROOT, 'target', 'bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'target', 'bench', 'bureau.json'), JSON.stringify(r, null, 1));
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
