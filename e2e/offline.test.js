'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { DIST, session, ready, controlled, visitEveryPage, newContext, until } = require('./support');

/** What 数据与设置 says is available offline, once it stops changing to 'all' or times out. */
async function offlineStatus(page, server, want, said = () => true) {
  await page.goto(`${server.url}#/data`);
  await page.waitForSelector('[data-offline-status]');
  const now = async () => ({
    status: await page.getAttribute('[data-offline-status]', 'data-offline-status'),
    text: await page.textContent('[data-offline-status]'),
  });
  let shown = await now();
  // A poll, not a wait for time: the page reads the worker's cache again on each click,
  // until it says `want` (and `said` holds of its text), 30 s at most.
  for (let i = 0; i < 100 && want && (shown.status !== want || !said(shown.text)); i++) {
    await page.waitForTimeout(300);
    await page.click('[data-action="check-offline"]');
    shown = await now();
  }
  return shown;
}

/**
 * Records, from before any script of the page runs, what the page posts to its service
 * worker (`window.__posted`) and each answer of `window.peixunSparing` (sw-register.js),
 * which the app asks in its idle preload (`window.__sparing`).
 */
async function watchSaving(context) {
  await context.addInitScript(() => {
    window.__posted = [];
    window.__sparing = [];
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (message, ...rest) {
      window.__posted.push(message);
      return post.call(this, message, ...rest);
    };
    let sparing;
    Object.defineProperty(window, 'peixunSparing', {
      configurable: true,
      get: () => sparing && (() => {
        const answer = sparing();
        window.__sparing.push(answer);
        return answer;
      }),
      set: (f) => { sparing = f; },
    });
  });
}

/**
 * Resolves in the browser's next idle period after every idle callback the page asked for
 * so far (they run in the order asked): sw-register.js's 「cache the rest」 and the app's
 * preload have each decided by then. No timeout: only an idle period runs it.
 */
const idleDone = (page) => page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));

/** Chromium's network emulation on the page's own requests (latency in ms, bytes/s). */
async function emulateNetwork(page, conditions) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
}

test('after one visit the app boots and navigates offline, with the server stopped', async (t) => {
  const { server, browser } = await session(t);
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  // The first install takes control of the page without reloading it (nothing typed is lost).
  await page.evaluate(() => { window.__sameDocument = true; });
  await controlled(page);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  // On an unmetered connection the rest (other pages, the export worker) is saved when idle.
  await page.click('[data-action="examples"]');
  const { status, text } = await offlineStatus(page, server, 'all');
  assert.equal(status, 'all', text);
  assert.match(text, /全部页面和导出功能都已保存在本浏览器中/);
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await visitEveryPage(page, assert);
  // The export works offline too (its worker was saved, never used).
  await page.click('nav a[data-route="unit"]');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('[data-action="export-xlsx"]')]);
  assert.match(dl.suggestedFilename(), /\.xlsx$/);
  // A deep link opened offline in a new tab boots too.
  const second = await context.newPage();
  await second.goto(`${server.url}#/rules`);
  await ready(second);
  assert.equal((await second.textContent('main h1')).trim(), '规则说明');
});

test('a new deployment is offered as 「有新版本，点击刷新」 and taken only on click', async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-deploy-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.cpSync(DIST, root, { recursive: true });
  const { server, browser } = await session(t, root);
  const page = await (await newContext(browser)).newPage();
  await page.goto(server.url);
  await ready(page);
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());

  // "Deploy" a new version: a service worker and a page with another version string.
  const sw = path.join(root, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
  const index = path.join(root, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(/(name="peixun-version" content=")([0-9a-f]+)/, '$1$2-next'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const button = page.locator('#peixun-update button');
  await button.waitFor({ timeout: 15000 });
  assert.equal((await button.textContent()).trim(), '有新版本，点击刷新');
  // Nothing changed behind the user's back: the old version still controls the page.
  assert.ok((await page.evaluate(() => caches.keys())).includes(before[0]));

  await Promise.all([page.waitForEvent('load'), button.click()]);
  await ready(page);
  // Once no tab runs the old version, its cache goes.
  const versions = () => page.evaluate(() => caches.keys().then((k) => k.filter((x) => x !== 'peixun-meta')));
  await until(page, () => caches.keys().then((k) => k.filter((x) => x !== 'peixun-meta').length === 1));
  const keys = await versions();
  assert.match(keys[0], /-next$/);
});

test('on a metered connection only what is used is saved; a page never used says it needs one online visit', async (t) => {
  const { server, browser } = await session(t);
  // The real clock: the page tells its worker what it fetched before the worker took over
  // from Resource Timing, which the fake clock's `performance` does not have (the data
  // page's chunks fetched at start were then never saved). Nothing here reads the date.
  const context = await newContext(browser, { clock: null });
  await watchSaving(context);
  const page = await context.newPage();
  // A 2G-like connection (round trip 1.5 s): the browser reports it as metered-slow.
  await emulateNetwork(page, { latency: 1500, downloadThroughput: 2e6, uploadThroughput: 1e6 });
  await page.goto(server.url);
  await ready(page);
  assert.match(await page.evaluate(() => navigator.connection.effectiveType), /2g/);
  await controlled(page);
  // Idle: on an unmetered connection the page would have asked its worker for the rest by
  // now (sw-register.js, at the first idle moment once controlled); here it spared it.
  await idleDone(page);
  assert.deepEqual(await page.evaluate(() => window.__sparing), [true], 'the app\'s idle preload was told to spare');
  assert.ok(!(await page.evaluate(() => window.__posted)).includes('cache-rest'), 'the rest is not asked for');
  // The worker saves what the page fetched as it comes (on this slow link, after the page
  // shows): asked again until the page in use is among the saved.
  const { status, text } = await offlineStatus(page, server, 'partial', (t) => !/尚未保存到本机：.*数据与设置/.test(t));
  assert.equal(status, 'partial', text);
  assert.match(text, /尚未保存到本机：.*单位汇总/);
  assert.doesNotMatch(text, /尚未保存到本机：.*数据与设置/, 'the page in use is saved');

  await context.setOffline(true);
  await page.click('nav a[data-route="unit"]');
  await page.waitForSelector('[data-unavailable]', { timeout: 30000 });
  assert.match(await page.textContent('[data-offline-never]'), /联网时打开一次，之后断网也能使用/);

  // Used once online, it works offline. The worker's network is back first (a file it has
  // not cached goes to the server: a 404 answers, offline the fetch fails), else 「重试」
  // would meet the same failure.
  await context.setOffline(false);
  await until(page, () => fetch('./__peixun-online-probe').then(() => true, () => false));
  await page.click('[data-action="retry-page"]');
  await page.waitForSelector('main[data-page="unit"] #unit-name', { timeout: 60000 });
  await page.click('nav a[data-route=""]');
  await context.setOffline(true);
  await page.click('nav a[data-route="unit"]');
  await page.waitForSelector('main[data-page="unit"] #unit-name');
  assert.equal((await page.textContent('main h1')).trim(), '单位汇总');
  assert.equal(await page.locator('[data-unavailable]').count(), 0);
});

test('on a phone-like link that Chromium reports as 4g the rest waits for its first use', async (t) => {
  const { server, browser } = await session(t);
  // The real clock: the fake one replaces `performance`, whose timings the page reads.
  const context = await newContext(browser, { clock: null });
  await watchSaving(context);
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  // 1.6 Mbit/s, 150 ms: the bench's phone. navigator.connection does not call it metered;
  // the page's own timing of its first module does.
  await emulateNetwork(page, { latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 });
  await page.goto(server.url);
  await ready(page);
  await controlled(page);
  // Idle: both decisions are made (see the metered test): the app's preload fetches the
  // backup export's chunk (on any connection) and spares the editor's.
  await idleDone(page);
  assert.deepEqual(await page.evaluate(() => window.__sparing), [true], 'the app\'s idle preload was told to spare');
  assert.ok(!(await page.evaluate(() => window.__posted)).includes('cache-rest'), 'the rest is not asked for');
  const { status, text } = await offlineStatus(page, server);
  assert.equal(status, 'partial', text);
  assert.match(text, /尚未保存到本机：.*导出 XLSX \/ Word/);
  assert.match(text, /断网时可以使用：.*工作台/);
  // Nor does the page preload the editor there; the backup export it does.
  assert.ok(!fetched.some((p) => p.endsWith('/split_editor.wasm')), 'the editor waits for its first use');
  assert.ok(fetched.some((p) => p.endsWith('/split_application_bundle.wasm')), 'the backup export is preloaded');
});

/**
 * A front for `server` that holds sw.js back until `release()`: the page fetches what it
 * needs before its service worker controls it, as on a phone whose worker installs over
 * the same slow link (Chromium's emulation does not slow the worker's own fetches).
 */
async function holdingWorker(t, server) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const front = http.createServer(async (req, res) => {
    if (req.url.startsWith('/sw.js')) await held;
    const up = http.request(new URL(req.url, server.url), { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => { release(); front.closeAllConnections(); front.close(resolve); }));
  return { url: `http://127.0.0.1:${front.address().port}/`, release };
}

test('成员信息卡 opened by its link on a phone-like link works offline afterwards, its checks and export too', async (t) => {
  const { server, browser } = await session(t);
  const front = await holdingWorker(t, server);
  // The real clock: the page times its first module (then nothing else is saved when idle).
  const context = await newContext(browser, { clock: null });
  const page = await context.newPage();
  await emulateNetwork(page, { latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 });
  await page.goto(`${front.url}#/card`);
  await ready(page);
  await page.waitForSelector('main[data-page="card"] form input');
  await page.fill('[id="f-members[0].name"]', '周合作');
  await page.waitForFunction(() => /还有 \d+ 个错误/.test(document.querySelector('[data-card-check]').textContent));
  // All of it came before the service worker controlled the page (the card's files in one
  // response, its tools after): the worker keeps them all the same.
  front.release();
  await controlled(page);
  await page.goto(`${front.url}#/data`);
  await page.waitForSelector('[data-offline-status]');
  const saved = () => page.textContent('[data-offline-status]');
  for (let i = 0; i < 100 && !/断网时可以使用：[^。]*成员信息卡/.test(await saved()); i++) {
    // A poll, as in offlineStatus: until the worker has kept what the page used.
    await page.waitForTimeout(300);
    await page.click('[data-action="check-offline"]');
  }
  const text = await saved();
  assert.match(text, /断网时可以使用：[^。]*成员信息卡/);
  assert.match(text, /尚未保存到本机：.*单位汇总/, 'nothing else was saved on this link');

  await context.setOffline(true);
  await page.goto(`${front.url}#/card`);
  await page.reload();
  await ready(page);
  await page.waitForSelector('main[data-page="card"] form input');
  assert.equal(await page.inputValue('[id="f-members[0].name"]'), '周合作');
  await page.waitForFunction(() => /还有 \d+ 个错误/.test(document.querySelector('[data-card-check]').textContent));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-card"]')]);
  assert.match(dl.suggestedFilename(), /^成员信息卡-周合作/);
});
