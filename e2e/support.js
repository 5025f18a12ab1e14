// Shared pieces of the end-to-end tests: a static server for dist/ that a test can stop,
// and Debian's Chromium driven by playwright-core with no network of its own.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const DIST = path.resolve(__dirname, '..', process.env.PEIXUN_DIST || 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1 under `prefix` (e.g. "/sub/dir/"); resolves to { url, close }.
 * `root` may be a function, read on each request (a deployment replaced under open tabs).
 */
function serve(root = DIST, prefix = '/') {
  const rootOf = typeof root === 'function' ? root : () => root;
  const server = http.createServer((req, res) => {
    const root = rootOf();
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN', // date inputs in yyyy/mm/dd order, as Chinese users see them
];

/** A fresh headless Chromium (a new, empty profile each time). */
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A server and a browser for one test, both closed when the test ends, pass or fail. */
async function session(t, root) {
  const server = await serve(root);
  const browser = await launch();
  t.after(async () => {
    await browser.close().catch(() => {});
    await server.close();
  });
  return { server, browser };
}

/** Waits until the wasm app has mounted and no part of the page is still loading (工作台's list). */
async function ready(page) {
  await page.waitForSelector('html[data-ready="1"]', { timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector('main .loading'), null, { timeout: 15000 });
}

/** Waits until a service worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 15000,
  });
}

const PAGES = [
  { slug: '', label: '工作台', title: '工作台' },
  { slug: 'apply', label: '申请表', title: '申请表（附件1）' },
  { slug: 'unit', label: '单位汇总', title: '单位汇总' },
  { slug: 'execution', label: '执行与核销', title: '执行与核销' },
  { slug: 'rules', label: '规则说明', title: '规则说明' },
  { slug: 'data', label: '数据与设置', title: '数据与设置' },
];

/** Clicks every navigation link and checks that its page shows. */
async function visitEveryPage(page, assert) {
  for (const p of PAGES) {
    await page.click(`nav a[data-route="${p.slug}"]`);
    await page.waitForSelector(`main[data-page="${p.slug}"]`);
    assert.equal((await page.textContent('main h1')).trim(), p.title);
    assert.equal(await page.getAttribute(`nav a[data-route="${p.slug}"]`, 'aria-current'), 'page');
  }
}

/**
 * Goes to a page by its navigation link and waits until that page is there and its heading
 * has the focus the app gives it after a navigation. Focusing the heading scrolls to the
 * top: on a loaded machine that can come after the next click was aimed, which then lands
 * where the page was (a lost click; CI once waited 90 s for an export that was never asked).
 */
async function goTo(page, route) {
  const link = `nav a[data-route="${route}"]`;
  // Already there: the click changes nothing and no heading is focused.
  if ((await page.getAttribute(link, 'aria-current')) === 'page') return page.click(link);
  await page.click(link);
  await page.waitForFunction(
    (r) =>
      document.querySelector(`main[data-page="${r}"]`) &&
      !document.querySelector('main .loading') &&
      document.activeElement &&
      document.activeElement.matches('main h1'),
    route,
    { timeout: 15000 },
  );
}

module.exports = { DIST, serve, launch, session, ready, controlled, PAGES, visitEveryPage, goTo };

/** Presses Tab (keyboard only) until the element matching `selector` has focus. */
async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Tabs to a field and types into it, as a person at a keyboard would. */
async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** Where every test's clock stands unless it says otherwise: inside the 2020 round. */
const FIXED_NOW = '2020-01-10T10:00:00+08:00';

/**
 * A fresh context with a Chinese browser locale, Beijing time and a clock that stands
 * still at `clock` (timers still run): a test never depends on the machine's today.
 */
async function newContext(browser, { clock = FIXED_NOW, ...options } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  // `clock: null`: the real clock, for a test that reads performance marks (the fake
  // clock replaces `performance`); such a test must not depend on the date.
  if (clock !== null) await context.clock.setFixedTime(new Date(clock));
  return context;
}

/** A new page in a fresh context (see `newContext`). */
async function newPage(browser, options = {}) {
  return (await newContext(browser, options)).newPage();
}

/** A server, a browser and a Chinese-locale page with the app loaded, for one test. */
async function openApp(t, hash = '', options = {}) {
  const { server, browser } = await session(t);
  const page = await newPage(browser, options);
  await page.goto(`${server.url}${hash}`);
  await ready(page);
  return { server, browser, page };
}

/**
 * One server (of dist/) and one browser for all the tests of a file: started before the
 * first, closed after the last. Read `.server` and `.browser` inside the tests.
 */
function fileSession() {
  const { before, after } = require('node:test');
  const shared = {};
  before(async () => {
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser.close();
    await shared.server.close();
  });
  return shared;
}

/** Clicks with `click()`, waits for the download and saves it in `dir` under its suggested name. */
async function download(page, click, dir, { timeout } = {}) {
  const [dl] = await Promise.all([page.waitForEvent('download', timeout ? { timeout } : {}), click()]);
  const file = require('node:path').join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

Object.assign(module.exports, { tabTo, typeInto, FIXED_NOW, newContext, newPage, openApp, fileSession, download });

/**
 * axe-core's serious and critical violations on the page, one line each, prefixed with
 * `where` (the page's context must bypass the CSP: axe comes as an inline script).
 */
async function seriousViolations(page, where) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: require('axe-core').source });
  }
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

Object.assign(module.exports, { seriousViolations });

/**
 * Polls `fn` in the page (it may return a promise, which is awaited: waitForFunction would
 * take the promise itself as a true value) until it is true; fails after `timeout` ms.
 */
async function until(page, fn, arg, { timeout = 30000, every = 250 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`until: not true within ${timeout} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Whether every part of the app is in the service worker's cache (数据与设置's source). */
const allCached = () =>
  fetch('./__peixun-offline.txt').then((r) => r.text()).then((t) => t.trim().split('\n').every((l) => l.endsWith(' 1')));

Object.assign(module.exports, { until, allCached });

/**
 * Runs `action`, then waits until the save it caused has run: the header's save status
 * (`data-save-status`) went to "pending" after `action` began, and later to `to` ("saved";
 * "failed" where the app must write nothing). Every value is recorded as it changes, so a
 * status that already said `to` before the action does not count. For a test that then
 * asserts what was (or was not) written: a positive sign that the app has reacted, never a
 * fixed sleep. (Same document only: a reload loses the record.)
 */
async function saveRan(page, action, to = 'saved') {
  await page.evaluate(() => {
    const read = () => document.querySelector('[data-save-status]')?.dataset.saveStatus;
    const seen = (window.__peixunSaveStatus = [read()]);
    window.__peixunSaveObserver?.disconnect();
    const push = (value) => {
      if (value !== seen[seen.length - 1]) seen.push(value);
    };
    // Several changes may come in one batch: each record's old value is the value the
    // change before it set.
    window.__peixunSaveObserver = new MutationObserver((records) => {
      const changes = records.filter((r) => r.type === 'attributes');
      for (const r of changes.slice(1)) push(r.oldValue);
      push(read());
    });
    window.__peixunSaveObserver.observe(document.documentElement, {
      subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-save-status'],
    });
  });
  // A status already "pending" before the action is not the action's: only what follows counts.
  const from = await page.evaluate(() => window.__peixunSaveStatus.length);
  await action();
  await page.waitForFunction(([from, to]) => {
    const seen = window.__peixunSaveStatus.slice(from);
    const i = seen.indexOf('pending');
    return i >= 0 && seen.indexOf(to, i + 1) > i;
  }, [from, to], { timeout: 15000 });
}

/**
 * Waits until no save is waiting (the header's status is not "pending"): a change the app
 * made in reaction to something is written by then, so what storage holds is final.
 */
async function noSavePending(page) {
  await page.waitForSelector('[data-save-status]:not([data-save-status="pending"])', { state: 'attached' });
}

/**
 * Where the tests' screenshots go: the README's docs/screenshots only under
 * `make screenshots` (PEIXUN_SCREENSHOTS=1); else e2e/artifacts/screenshots (gitignored),
 * so `make test` leaves the checkout as it was.
 */
const SCREENSHOTS = process.env.PEIXUN_SCREENSHOTS === '1'
  ? path.resolve(__dirname, '..', 'docs', 'screenshots')
  : path.resolve(__dirname, 'artifacts', 'screenshots');

Object.assign(module.exports, { saveRan, noSavePending, SCREENSHOTS });

/** Imports `file` on 工作台 through the preview and waits until it is saved. */
async function importFile(page, file) {
  await page.setInputFiles('input[data-action="import"]', file);
  await page.waitForSelector('[data-import-preview] [data-plan-summary]', { timeout: 30000 });
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]', { timeout: 30000 });
  await page.waitForSelector('[data-save-status="saved"]', { timeout: 30000 });
}

/**
 * Another tab's version of draft `id`, written from `page` (a real second tab) over the
 * stored text `base`: the title changed and the revision one higher.
 */
function writeOtherVersion(page, id, base, title) {
  return page.evaluate(([k, text, t]) => {
    const app = JSON.parse(text);
    app.title = t;
    app.revision += 1;
    localStorage.setItem(k, JSON.stringify(app));
  }, [`peixun/app/${id}`, base, title]);
}

Object.assign(module.exports, { importFile, writeOtherVersion });
