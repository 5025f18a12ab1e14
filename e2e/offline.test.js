'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DIST, session, ready, controlled, visitEveryPage, newContext, until } = require('./support');

/** What 数据与设置 says is available offline, once it stops changing to 'all' or times out. */
async function offlineStatus(page, server, want) {
  await page.goto(`${server.url}#/data`);
  await page.waitForSelector('[data-offline-status]');
  for (let i = 0; i < 100 && want && (await page.getAttribute('[data-offline-status]', 'data-offline-status')) !== want; i++) {
    await page.waitForTimeout(300);
    await page.click('[data-action="check-offline"]');
  }
  return { status: await page.getAttribute('[data-offline-status]', 'data-offline-status'), text: await page.textContent('[data-offline-status]') };
}

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
  const context = await newContext(browser);
  const page = await context.newPage();
  // A 2G-like connection (round trip 1.5 s): the browser reports it as metered-slow.
  await emulateNetwork(page, { latency: 1500, downloadThroughput: 2e6, uploadThroughput: 1e6 });
  await page.goto(server.url);
  await ready(page);
  assert.match(await page.evaluate(() => navigator.connection.effectiveType), /2g/);
  await controlled(page);
  await page.waitForTimeout(3000);
  const { status, text } = await offlineStatus(page, server);
  assert.equal(status, 'partial', text);
  assert.match(text, /尚未保存到本机：.*单位汇总/);
  assert.doesNotMatch(text, /尚未保存到本机：.*数据与设置/, 'the page in use is saved');

  await context.setOffline(true);
  await page.click('nav a[data-route="unit"]');
  await page.waitForSelector('[data-unavailable]', { timeout: 30000 });
  assert.match(await page.textContent('[data-offline-never]'), /联网时打开一次，之后断网也能使用/);

  // Used once online, it works offline.
  await context.setOffline(false);
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
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  // 1.6 Mbit/s, 150 ms: the bench's phone. navigator.connection does not call it metered;
  // the page's own timing of its first module does.
  await emulateNetwork(page, { latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 });
  await page.goto(server.url);
  await ready(page);
  await controlled(page);
  await page.waitForTimeout(4000);
  const { status, text } = await offlineStatus(page, server);
  assert.equal(status, 'partial', text);
  assert.match(text, /尚未保存到本机：.*导出 XLSX \/ Word/);
  assert.match(text, /断网时可以使用：.*工作台/);
  // Nor does the page preload the editor there; the backup export it does.
  assert.ok(!fetched.some((p) => p.endsWith('/split_editor.wasm')), 'the editor waits for its first use');
  assert.ok(fetched.some((p) => p.endsWith('/split_application_bundle.wasm')), 'the backup export is preloaded');
});
