'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DIST, session, ready, controlled, visitEveryPage, newContext } = require('./support');

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
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await visitEveryPage(page, assert);
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
  const page = await browser.newPage();
  await page.goto(server.url);
  await ready(page);
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());

  // "Deploy" a new version: a service worker with another version string.
  const sw = path.join(root, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const button = page.locator('#peixun-update button');
  await button.waitFor({ timeout: 15000 });
  assert.equal((await button.textContent()).trim(), '有新版本，点击刷新');
  // Nothing changed behind the user's back: the old version still controls the page.
  assert.ok((await page.evaluate(() => caches.keys())).includes(before[0]));

  await Promise.all([page.waitForEvent('load'), button.click()]);
  await ready(page);
  const keys = await page.evaluate(() => caches.keys());
  assert.equal(keys.length, 1);
  assert.match(keys[0], /-next$/);
});
