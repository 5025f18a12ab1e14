'use strict';
// The XLSX export cannot hang: a worker that fails to start and one that never answers
// each end in a Chinese message with 「重试」, and 重试 (with the real worker) downloads the
// file. The worker is kept between exports. The service worker is blocked so that the
// test's routes see the worker's script requests.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ready, fileSession, download, newContext, goTo } = require('./support');

const shared = fileSession();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-xlsx-'));
const LOADER = '**/peixun-xlsx_loader.js';

async function unitPage() {
  const context = await newContext(shared.browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  await goTo(page, 'unit');
  await page.waitForSelector('[data-action="export-xlsx"]');
  return { context, page };
}

/** The failed export's message, then 重试 with the real worker downloads the file. */
async function failsThenRetries(context, page, expected) {
  await page.click('[data-action="export-xlsx"]');
  await page.waitForSelector('[data-action="retry-xlsx"]', { timeout: 30000 });
  assert.match(await page.textContent('[data-export-message]'), expected);
  await context.unroute(LOADER);
  const file = await download(page, () => page.click('[data-action="retry-xlsx"]'), tmp, { timeout: 30000 });
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString(), 'PK', 'an .xlsx (zip) file');
  assert.equal(await page.locator('[data-action="retry-xlsx"]').count(), 0);
  assert.match(await page.textContent('[data-export-message]'), /已导出 XLSX/);
}

test('a worker that fails to start says so and 重试 exports', async () => {
  const { context, page } = await unitPage();
  await context.route(LOADER, (r) => r.fulfill({ contentType: 'text/javascript', body: 'throw new Error("broken worker")' }));
  await failsThenRetries(context, page, /导出程序出错（.*broken worker.*），没有生成文件。请点「重试」/);

  // Kept between exports: a second export does not fetch the worker again.
  let fetched = 0;
  context.on('request', (r) => r.url().endsWith('/peixun-xlsx_loader.js') && fetched++);
  const again = await download(page, () => page.click('[data-action="export-xlsx"]'), tmp, { timeout: 30000 });
  assert.ok(fs.statSync(again).size > 1000);
  assert.equal(fetched, 0, 'the worker was reused');
  await context.close();
});

test('a worker that never answers is given up after 20 s with 重试', async () => {
  const { context, page } = await unitPage();
  await context.route(LOADER, (r) => r.fulfill({ contentType: 'text/javascript', body: '/* never says ready */' }));
  const started = Date.now();
  await failsThenRetries(context, page, /导出程序在 20 秒内没有响应，没有生成文件。请点「重试」/);
  assert.ok(Date.now() - started >= 19000, 'not before the timeout');
  await context.close();
});
