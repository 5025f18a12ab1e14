'use strict';
// The escape hatch: the app broken on purpose (a corrupt wasm, a panic, a start that
// hangs), the error screen, and recover.html saving every draft byte for byte.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DIST, session, ready, controlled, newContext } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-recover-'));
// The main app's first module (app-<hash>/peixun_bg.wasm), not a lazy chunk of it nor the
// xlsx worker's (peixun-xlsx_bg.wasm); and the copies of it that a first visit opened on a
// page other than 工作台 fetches with that page's files (start_<page>.wasm).
const APP_WASM = /^app-[0-9a-f]+\/(peixun_bg|start_[\w-]+)\.wasm$/;
const APP_WASM_URL = /\/app-[0-9a-f]+\/peixun_bg\.wasm$/;
/** The app's first module and its copies in a copy of dist/, as paths relative to it. */
const appWasm = (root) => fs.readdirSync(root, { recursive: true }).filter((f) => APP_WASM.test(f));

/** A copy of dist/ this test may break; served by its own server. */
function copyOfDist(t) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-broken-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.cpSync(DIST, root, { recursive: true });
  return root;
}

/** Every localStorage key and value. */
const snapshot = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** Drafts made the way a person makes them: the examples, plus one typed by hand. */
async function seedDrafts(page) {
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  await page.click('[data-action="new"]');
  await page.waitForSelector('[id="f-title"]');
  await page.fill('[id="f-title"]', '草稿：<b>量子</b> &amp; 👩‍🔬 𠀀');
  await page.waitForFunction(() =>
    Object.keys(localStorage).some((k) => k.startsWith('peixun/app/') && localStorage.getItem(k).includes('草稿：')),
  );
  await page.evaluate(() => {
    // Another script's key on the same origin: listed, but not the app's.
    localStorage.setItem('other-tool/settings', '{"x":1}');
    // A damaged draft (the app lists no such id): backed up as the raw string it is.
    localStorage.setItem('peixun/app/damaged', '{"title":"半截\u0000\t\\u12');
  });
  const saved = await snapshot(page);
  assert.ok(Object.keys(saved).filter((k) => k.startsWith('peixun/app/')).length >= 4, 'three examples and one typed');
  return saved;
}

/** From the error screen to recover.html, by keyboard; checks the list and the file. */
async function recover(page, saved) {
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'recover', 'focus starts on 恢复数据');
  await Promise.all([page.waitForURL(/recover\.html$/), page.keyboard.press('Enter')]);
  await page.waitForSelector('[data-key]');
  const mine = Object.keys(saved).filter((k) => k.startsWith('peixun/'));
  const listed = await page.$$eval('tr[data-key]', (rows) => rows.map((r) => r.dataset.key));
  assert.deepEqual(listed, mine);
  assert.match(await page.textContent('tr[data-foreign="other-tool/settings"]'), /不是申报助手的数据/);
  assert.match(await page.textContent('[data-entries]'), /申请：草稿：<b>量子<\/b> &amp; 👩‍🔬 𠀀/);
  assert.equal(await page.$('[data-entries] b'), null, 'a title is text, not markup');
  assert.match(await page.textContent('tr[data-key="peixun/app/damaged"]'), /无法解析，仍原样备份/);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')]);
  assert.match(dl.suggestedFilename(), /^peixun-备份-\d{8}-\d{4}\.json$/);
  const file = path.join(tmp, `${Date.now()}.json`);
  await dl.saveAs(file);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(backup.format, 'peixun-backup');
  assert.equal(backup.version, 1);
  assert.ok(!Number.isNaN(Date.parse(backup.saved_at)) && backup.saved_at.endsWith('Z'));
  assert.equal(backup.origin, new URL(page.url()).origin);
  const expected = Object.fromEntries(mine.map((k) => [k, saved[k]]));
  assert.deepEqual(backup.entries, expected, 'every peixun/ key and value, byte for byte');
  assert.deepEqual(Object.keys(backup), ['format', 'version', 'saved_at', 'origin', 'entries']);
  // And the browser still holds them: nothing was cleared on the way.
  assert.deepEqual(await snapshot(page), saved);
}

test('a corrupt wasm shows 「申报助手未能启动」 and recover.html saves every draft byte for byte', async (t) => {
  const root = copyOfDist(t);
  const { server, browser } = await session(t, root);
  // No service worker: it would serve the good wasm from its cache.
  const context = await newContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  const saved = await seedDrafts(page);

  // The reload is on the editor (seedDrafts left it there), which no service worker serves
  // here: it fetches start_apply.wasm, the first module and the editor's files together.
  const wasm = appWasm(root);
  assert.ok(wasm.some((f) => f.endsWith('/peixun_bg.wasm')) && wasm.some((f) => f.endsWith('/start_apply.wasm')), wasm.join());
  for (const f of wasm) fs.writeFileSync(path.join(root, f), Buffer.from('this is not wasm, it is garbage'));
  await page.reload();
  await page.waitForSelector('#peixun-failure[data-kind="start"]', { timeout: 5000 });
  assert.equal(await page.textContent('#peixun-failure h1'), '申报助手未能启动');
  assert.match(await page.textContent('#peixun-failure'), /草稿仍保存在本浏览器中/);
  assert.match(await page.textContent('#peixun-failure [data-detail]'), /CompileError|WebAssembly|magic/i);
  assert.equal(await page.$('html[data-ready]'), null);
  await recover(page, saved);
});

test('a panic shows 「程序出错了」, keeps the drafts, and recover.html saves them', async (t) => {
  const { server, browser } = await session(t);
  const context = await newContext(browser, { serviceWorkers: 'block' });
  // The fault, injected from outside the build: once armed, the DOM refuses new elements,
  // and Leptos' renderer unwraps that error (a real Rust panic in the release build).
  await context.addInitScript(() => {
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function (...args) {
      if (window.__peixunFault) throw new DOMException('injected by the test', 'InvalidStateError');
      return create.apply(this, args);
    };
  });
  const page = await context.newPage();
  const logged = [];
  page.on('console', (m) => logged.push(m.text()));
  await page.goto(server.url);
  await ready(page);
  const saved = await seedDrafts(page);

  await page.evaluate(() => { window.__peixunFault = true; });
  // The page panics on its way: no heading gets the focus (not goTo).
  await page.click('nav a[data-route="rules"]');
  await page.waitForSelector('#peixun-failure[data-kind="panic"]', { timeout: 5000 });
  assert.equal(await page.textContent('#peixun-failure h1'), '程序出错了');
  assert.match(await page.textContent('#peixun-failure [data-detail]'), /panicked at/);
  assert.ok(logged.some((l) => l.includes('panicked at')), 'console_error_panic_hook still logs');
  assert.equal(await page.$('nav'), null, 'the broken app is gone');
  assert.deepEqual(await snapshot(page), saved);
  // The dead app's pagehide handler runs on the way out; recover() checks storage after it.
  await recover(page, saved);
});

test('a start that hangs shows a notice with 恢复数据, which goes away when the app arrives', async (t) => {
  const { server, browser } = await session(t);
  const context = await newContext(browser, { serviceWorkers: 'block' });
  await context.addInitScript(() => { window.PEIXUN_BOOT_TIMEOUT_MS = 300; });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(APP_WASM_URL, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#peixun-failure[data-kind="timeout"]', { timeout: 5000 });
  assert.equal(await page.textContent('#peixun-failure h1'), '申报助手还没有启动');
  assert.equal(await page.getAttribute('#peixun-failure a[data-action="recover"]', 'href'), 'recover.html');
  release();
  await ready(page);
  await page.waitForSelector('#peixun-failure', { state: 'detached' });
  assert.equal((await page.textContent('main h1')).trim(), '工作台');
  assert.match(await page.title(), /^工作台 · /);
});

test('recover.html works offline from the service worker cache', async (t) => {
  const { server, browser } = await session(t);
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await controlled(page);
  await page.click('[data-action="examples"]');
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === 3);
  const saved = await snapshot(page);
  await server.close();
  await context.setOffline(true);
  await page.goto(`${server.url}recover.html`);
  await page.waitForSelector('[data-key]');
  assert.equal(await page.locator('tr[data-key^="peixun/app/"]').count(), 3);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')]);
  const file = path.join(tmp, 'offline.json');
  await dl.saveAs(file);
  assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')).entries, saved);
});

test('axe-core: no serious or critical violations on the error screen and recover.html', async (t) => {
  const axe = require('axe-core'); // here, so the tests above run without it
  const root = copyOfDist(t);
  for (const f of appWasm(root)) fs.writeFileSync(path.join(root, f), 'garbage');
  const { server, browser } = await session(t, root);
  // axe is injected as an inline script: only this context bypasses the CSP for it.
  const context = await newContext(browser, { serviceWorkers: 'block', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => localStorage.setItem('peixun/app/x', '{"title":"研修"}'));
  await page.waitForSelector('#peixun-failure');
  for (const [where, url] of [['error screen', null], ['recover.html', `${server.url}recover.html`]]) {
    if (url) await page.goto(url);
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  }
});
