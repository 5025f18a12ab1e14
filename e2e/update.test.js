'use strict';
// A new deployment under two open tabs (two real builds whose wasm differs: dist/ and
// dist-next/, `make build build-next`): every tab is offered the update, the tab that
// takes it reloads into the new version, and the other keeps running its own version
// whole (pages it never opened, its export worker) until it asks; a file no cache and no
// server has is an error, never index.html.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DIST, serve, launch, newContext, ready, controlled, download, until, allCached } = require('./support');

const NEXT = path.resolve(__dirname, '..', process.env.PEIXUN_DIST_NEXT || 'dist-next');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-update-'));

const versionOf = (root) =>
  fs.readFileSync(path.join(root, 'index.html'), 'utf8').match(/<meta name="peixun-version" content="([0-9a-f]+)"/)[1];
const appDir = (root) => fs.readdirSync(root).find((f) => /^app-[0-9a-f]+$/.test(f));
const pageVersion = (p) => p.$eval('meta[name="peixun-version"]', (m) => m.content);

test('an update taken in one tab never switches the other; both stay whole', async (t) => {
  assert.ok(fs.existsSync(path.join(NEXT, 'index.html')), `no second build at ${NEXT}: run \`make build-next\``);
  const [old, next] = [versionOf(DIST), versionOf(NEXT)];
  assert.notEqual(old, next, 'the two builds differ');
  assert.notEqual(appDir(DIST), appDir(NEXT), 'their wasm differs');

  let root = DIST;
  const server = await serve(() => root);
  const browser = await launch();
  t.after(async () => {
    await browser.close().catch(() => {});
    await server.close();
  });
  const context = await newContext(browser);
  const a = await context.newPage();
  await a.goto(server.url);
  await ready(a);
  await controlled(a);
  await a.click('[data-action="examples"]');
  await a.waitForSelector('[data-save-status="saved"]');
  const b = await context.newPage();
  await b.goto(server.url);
  await ready(b);
  await controlled(b);
  await b.evaluate(() => { window.__sameDocument = true; });

  // A tab open a while on an unmetered connection has saved its whole deployment (on a
  // metered one, only the pages used: another page then asks for a reload after an update).
  await until(b, allCached, null, { timeout: 60000 });

  // The deployment changes; both tabs are offered it.
  root = NEXT;
  await a.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await Promise.all([a, b].map((p) => p.waitForSelector('#peixun-update [data-action="update"]', { timeout: 30000 })));

  // A takes it and runs the new version; B is not reloaded and still runs the old one.
  await Promise.all([a.waitForEvent('load'), a.click('[data-action="update"]')]);
  await ready(a);
  assert.equal(await pageVersion(a), next);
  await a.goto(`${server.url}#/data`);
  await a.waitForSelector('[data-version]');
  assert.match(await a.textContent('[data-version]'), new RegExp(`本页版本：${next}（next）`));
  assert.equal(await b.evaluate(() => window.__sameDocument), true, 'B was not reloaded');
  assert.equal(await pageVersion(b), old);
  await b.waitForSelector('#peixun-update [data-action="update"]');

  // B opens pages it never opened (their chunks are the old deployment's) and exports
  // through its own worker, with the server now serving only the new deployment.
  const requested = [];
  context.on('request', (r) => requested.push(r.url()));
  for (const [route, title] of [['unit', '单位汇总'], ['rules', '规则说明'], ['data', '数据与设置']]) {
    await b.click(`nav a[data-route="${route}"]`);
    await b.waitForSelector(`main[data-page="${route}"] h1`);
    assert.equal((await b.textContent('main h1')).trim(), title);
    assert.equal(await b.locator('[data-unavailable]').count(), 0, `${route} loaded`);
  }
  assert.match(await b.textContent('[data-version]'), new RegExp(`本页版本：${old}$`));
  await b.click('nav a[data-route="unit"]');
  await b.waitForSelector('[data-action="export-xlsx"]');
  const oldWorker = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/name="peixun-worker" content="\.\/([^"]+)"/)[1];
  const file = await download(b, () => b.click('[data-action="export-xlsx"]'), tmp, { timeout: 60000 });
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString(), 'PK', 'an .xlsx (zip) file');
  assert.ok(requested.some((u) => u.endsWith(oldWorker)), `B's own worker (${oldWorker})`);

  // Offline, a file that no cache has is an error, not the app's page.
  await context.setOffline(true);
  const answer = await b.evaluate(() =>
    fetch('./app-0000000000000000/chunk_1.wasm').then((r) => `${r.status} ${r.headers.get('content-type')}`, (e) => `error ${e.name}`),
  );
  assert.equal(answer, 'error TypeError');
  await context.setOffline(false);

  // B takes the update when it asks; then the old deployment's cache is let go.
  await Promise.all([b.waitForEvent('load'), b.click('#peixun-update [data-action="update"]')]);
  await ready(b);
  assert.equal(await pageVersion(b), next);
  await until(b, (v) => caches.keys().then((k) => !k.includes(`peixun-${v}`)), old, { timeout: 10000 });
  assert.ok((await b.evaluate(() => caches.keys())).includes(`peixun-${next}`));
});
