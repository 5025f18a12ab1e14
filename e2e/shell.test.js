'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { serve, ready, PAGES, visitEveryPage, fileSession } = require('./support');

const shared = fileSession();

test('the shell renders in Chinese with the product name and every navigation link', async () => {
  const page = await shared.browser.newPage();
  await page.goto(shared.server.url);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal((await page.textContent('.masthead__product')).trim(), '因公出国（境）培训项目申报助手');
  const labels = (await page.$$eval('nav a', (as) => as.map((a) => a.textContent.trim())));
  assert.deepEqual(labels, PAGES.map((p) => p.label));
  assert.equal((await page.textContent('main h1')).trim(), '工作台');
  await page.close();
});

test('every navigation link reaches its page, and a reload stays there', async () => {
  const page = await shared.browser.newPage();
  await page.goto(shared.server.url);
  await ready(page);
  await visitEveryPage(page, assert);
  for (const p of PAGES) {
    await page.goto(`${shared.server.url}#/${p.slug}`);
    await page.reload();
    await ready(page);
    assert.equal((await page.textContent('main h1')).trim(), p.title, `reload on #/${p.slug}`);
  }
  await page.close();
});

test('the rules page lists the registry with the 2020 limits', async () => {
  const page = await shared.browser.newPage();
  await page.goto(`${shared.server.url}#/rules`);
  await ready(page);
  const age = await page.textContent('tr[data-rule="age-limit"]');
  assert.match(age, /优秀青年人才培养 ≤ 40 周岁/);
  assert.match(age, /一\(一\)–\(三\)/);
  await page.close();
});

test('an unknown route falls back to the workspace instead of a blank page', async () => {
  const page = await shared.browser.newPage();
  await page.goto(`${shared.server.url}#/no-such-page`);
  await ready(page);
  assert.equal((await page.textContent('main h1')).trim(), '工作台');
  await page.close();
});

test('the app works when the site lives under a sub-path', async (t) => {
  const sub = await serve(undefined, '/institutes/iphy/peixun/');
  t.after(() => sub.close());
  const page = await shared.browser.newPage();
  const failed = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  await page.goto(`${sub.url}#/data`);
  await ready(page);
  assert.equal((await page.textContent('main h1')).trim(), '数据与设置');
  await visitEveryPage(page, assert);
  const sw = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(sw, sub.url);
  assert.deepEqual(failed, []);
  await page.close();
});
