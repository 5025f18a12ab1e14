'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { session, ready, controlled, visitEveryPage, newContext } = require('./support');

test('a whole session requests nothing from any origin but its own, and breaks no CSP', async (t) => {
  const { server, browser } = await session(t);
  const context = await newContext(browser);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  // The service worker's own fetches are recorded too.
  context.on('serviceworker', (w) => w.on && w.on('request', (r) => requests.push(r.url())));
  const violations = [];
  const page = await context.newPage();
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
  page.on('pageerror', (e) => violations.push(String(e)));
  await page.goto(server.url);
  await ready(page);
  await controlled(page);
  await visitEveryPage(page, assert);
  await page.reload();
  await ready(page);
  await visitEveryPage(page, assert);

  assert.ok(requests.length >= 5, `recorded ${requests.length} requests`);
  const foreign = requests.filter((u) => !u.startsWith(server.origin + '/') && !/^(data|blob):/.test(u));
  assert.deepEqual(foreign, []);
  assert.deepEqual(violations, []);
  // The CSP is really there, with the loader allowed by hash only.
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});
