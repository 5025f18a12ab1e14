'use strict';
// The split build: the first page fetches only the first module; a page's chunk comes when
// the page is first shown; a chunk that cannot be fetched is said on the page, nothing is
// lost, and 「重试」 brings the page once the file is there.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { DIST, ready, newPage, fileSession } = require('./support');

const BUNDLE = path.join(__dirname, '..', 'tests', 'fixtures', 'valid-youth.peixun.json');

const CHUNK = /\/app-[0-9a-f]+\/(split|chunk)_[^/]+\.wasm$/;

const shared = fileSession();

/** A fresh page (no service worker) and the wasm paths it requests from now on. */
async function watched() {
  // Resource timing and the app's performance mark: the real clock (no date is read here).
  const page = await newPage(shared.browser, { serviceWorkers: 'block', clock: null });
  const wasm = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.wasm')) wasm.push(p);
  });
  return { context: page.context(), page, wasm };
}

const storage = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

test('the first page fetches the first module only, then the editor when idle; a page fetches its chunk when first shown and gets focus', async () => {
  const { context, page, wasm } = await watched();
  await page.goto(shared.server.url);
  await ready(page);
  assert.equal((await page.textContent('main h1')).trim(), '工作台');
  const early = await page.evaluate(() => {
    const at = performance.getEntriesByName('peixun-interactive')[0].startTime;
    return performance.getEntriesByType('resource').filter((e) => e.startTime <= at && e.name.endsWith('.wasm')).map((e) => e.name);
  });
  // An empty browser: no page's chunk, nor the reader of stored drafts (nothing to read).
  assert.equal(early.length, 1, early.join());
  assert.match(early[0], /\/app-[0-9a-f]+\/peixun_bg\.wasm$/);
  // Once idle, the editor's chunks: opening it then waits for nothing.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/split_editor[^/]*\.wasm$/.test(e.name)));

  await page.click('nav a[href="#/rules"]');
  await page.waitForSelector('main[data-page="rules"] tr[data-rule="age-limit"]');
  assert.ok(wasm.some((p) => /\/split_rules[^/]*\.wasm$/.test(p)), wasm.join());
  assert.ok(!wasm.some((p) => /split_(unit|execution|data)/.test(p)), 'other pages stay unfetched');
  await page.waitForFunction(() => document.activeElement && document.activeElement.matches('main h1'));
  assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), '规则说明');
  await context.close();
});

test('a browser with saved drafts fetches their reader beside the first module, before the page is interactive', async () => {
  const { context, page } = await watched();
  await page.goto(shared.server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('[data-save-status="saved"]');
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('tr[data-app]').count(), 3);
  const early = await page.evaluate(() => {
    const at = performance.getEntriesByName('peixun-interactive')[0].startTime;
    return performance.getEntriesByType('resource').filter((e) => e.startTime <= at && e.name.endsWith('.wasm')).map((e) => e.name);
  });
  // The loader preloads the first module and the reader's files (no page's chunk), and all
  // came before the page was interactive (工作台's list, which the drafts need, may too).
  const preloaded = await page.$$eval('link[rel="preload"]', (ls) => ls.map((l) => l.href).filter((h) => h.endsWith('.wasm')));
  for (const f of preloaded) assert.ok(early.includes(f), `${f} came before the page was interactive`);
  assert.ok(preloaded.some((u) => /\/app-[0-9a-f]+\/peixun_bg\.wasm$/.test(u)), preloaded.join());
  assert.ok(preloaded.some((u) => /\/split_reader\.wasm$/.test(u)), preloaded.join());
  assert.ok(!preloaded.some((u) => /\/split_(editor|unit|execution|rules|data|card|rule_sets|workspace_list)\.wasm$/.test(u)), preloaded.join());
  await context.close();
});

test('a chunk that cannot be fetched says so on the page, leaves the drafts alone, and 「重试」 loads it', async () => {
  const { context, page } = await watched();
  await page.goto(shared.server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('peixun/app/')));
  await page.waitForSelector('[data-save-status="saved"]');
  const before = await storage(page);

  // The unit page's chunks: the network refuses them.
  const refuse = (route) => route.abort('internetdisconnected');
  await page.route(CHUNK, refuse);
  await page.click('nav a[href="#/unit"]');
  await page.waitForSelector('[data-unavailable]');
  assert.equal((await page.textContent('[data-unavailable] h1')).trim(), '本页暂时无法打开');
  assert.match(await page.textContent('[data-unavailable] [role="alert"]'), /数据都还在本浏览器中/);
  await page.waitForFunction(() => document.activeElement && document.activeElement.matches('[data-unavailable] h1'));
  assert.equal(await storage(page), before, 'storage untouched');
  assert.equal(await page.$('#peixun-failure'), null, 'not the error screen: the app still runs');

  // Back on the network: 重试 loads the page in place.
  await page.unroute(CHUNK, refuse);
  await page.click('[data-action="retry-page"]');
  await page.waitForSelector('main[data-page="unit"] h1');
  await page.waitForFunction(() => !document.querySelector('[data-unavailable]'));
  assert.equal((await page.textContent('main h1')).trim(), '单位汇总');
  await page.waitForFunction(() => document.activeElement && document.activeElement.matches('main h1'));
  assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), '单位汇总', 'focus moves to the page that came');
  assert.equal(await storage(page), before);
  await context.close();
});

test('an import whose code cannot be fetched says so, imports nothing, and works once the files are there', async () => {
  const { context, page } = await watched();
  await page.goto(shared.server.url);
  await ready(page);
  const before = await storage(page);
  const readFiles = /\/app-[0-9a-f]+\/split_read_files[^/]*\.wasm$/;
  const preview = /\/app-[0-9a-f]+\/split_import_preview[^/]*\.wasm$/;
  const refuse = (route) => route.abort('internetdisconnected');
  await page.route(readFiles, refuse);
  await page.route(preview, refuse);
  await page.setInputFiles('input[data-action="import"]', BUNDLE);
  await page.waitForSelector('[data-import-error]');
  assert.match(await page.textContent('[data-import-error]'), /没有下载成功.*没有导入任何内容/);
  assert.equal(await page.$('[data-import-preview]'), null, 'no preview without its code');
  assert.equal(await storage(page), before, 'nothing imported');

  // The file is read, but the preview's own code is refused: 重试 and 取消, and 取消 leaves
  // nothing behind.
  await page.unroute(readFiles, refuse);
  await page.setInputFiles('input[data-action="import"]', BUNDLE);
  await page.waitForSelector('[data-import-unavailable]');
  assert.equal(await page.$('[data-import-error]'), null, 'the old message went with the new import');
  await page.click('[data-import-unavailable] [data-action="cancel-import"]');
  await page.waitForSelector('[data-import-unavailable]', { state: 'detached' });
  assert.equal(await storage(page), before);

  // With the files there, the same file imports.
  await page.unroute(preview, refuse);
  await page.setInputFiles('input[data-action="import"]', BUNDLE);
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('peixun/app/')));
  await context.close();
});

test('成员信息卡 opened by its link comes with the first module in one response; its checks and export follow the form, and a stored card is read back', async () => {
  const { context, page, wasm } = await watched();
  // The card's tools (its findings and export): refused at first, to see the page say so.
  const tools = /\/app-[0-9a-f]+\/split_card_tools\.wasm$/;
  const refuse = (route) => route.abort('internetdisconnected');
  await page.route(tools, refuse);
  await page.goto(`${shared.server.url}#/card`);
  await ready(page);
  await page.waitForSelector('main[data-page="card"] form input');
  // No service worker serves this page: the first module and the card's dozens of chunks
  // came in one response, start_card.wasm, and none of them on its own.
  const app = fs.readdirSync(DIST).find((d) => d.startsWith('app-'));
  const start = fs.readFileSync(path.join(DIST, app, 'start_card.wasm'));
  const inStart = JSON.parse(start.subarray(4, 4 + start.readUInt32LE(0)).toString()).map(([f]) => f);
  assert.equal(inStart[0], 'peixun_bg.wasm');
  assert.ok(inStart.includes('split_card.wasm'), inStart.join());
  assert.ok(wasm.some((p) => p.endsWith(`/${app}/start_card.wasm`)), wasm.join());
  assert.ok(!wasm.some((p) => inStart.includes(path.basename(p))), wasm.join());
  // The form works without its tools: typing is saved; the page says checks are missing.
  await page.fill('[id="f-members[0].name"]', '周合作');
  await page.waitForFunction(() => (localStorage.getItem('peixun/card') || '').includes('周合作'));
  await page.waitForFunction(() => /没有下载成功/.test(document.querySelector('[data-card-check]').textContent));

  // Once the file can be fetched, 导出 fetches the tools and exports; the findings show.
  await page.unroute(tools, refuse);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-card"]')]);
  assert.match(dl.suggestedFilename(), /^成员信息卡-周合作.*\.json$/);
  await page.waitForFunction(() => /还有 \d+ 个错误/.test(document.querySelector('[data-card-check]').textContent));

  // A reload reads the stored card back through the reader's chunk (preloaded beside the
  // first module, as for any browser with saved data); a stored card is never overwritten
  // by an empty one.
  await page.reload();
  await ready(page);
  await page.waitForSelector('main[data-page="card"] form input');
  assert.equal(await page.inputValue('[id="f-members[0].name"]'), '周合作');
  const preloaded = await page.$$eval('link[rel="preload"]', (ls) => ls.map((l) => l.href));
  assert.ok(preloaded.some((u) => /\/split_reader\.wasm$/.test(u)), preloaded.join());
  await page.waitForFunction(() => /还有 \d+ 个错误/.test(document.querySelector('[data-card-check]').textContent));
  assert.match(await page.evaluate(() => localStorage.getItem('peixun/card')), /周合作/);
  await context.close();
});

test('a stored member card that cannot be read is said so and left as it is until a new one is filled in', async () => {
  const { context, page } = await watched();
  await page.goto(shared.server.url);
  await ready(page);
  const damaged = '{"member":{"name":"周合作","birth_date":"1986-13-45"},"category":';
  await page.evaluate((t) => localStorage.setItem('peixun/card', t), damaged);
  await page.goto(`${shared.server.url}#/card`);
  await page.reload();
  await ready(page);
  await page.waitForSelector('main[data-page="card"] form input');
  assert.match(await page.textContent('[data-card-unreadable]'), /无法读取.*在这里填写会替换它/);
  assert.equal(await page.getAttribute('[data-card-unreadable] a', 'href'), 'recover.html');
  assert.equal(await page.inputValue('[id="f-members[0].name"]'), '');
  // The page has done all it does on opening: its tools (checks and export, a chunk fetched
  // after the form is painted) have come and checked the blank card.
  await page.waitForFunction(() => !/检查中/.test(document.querySelector('[data-card-check]').textContent));
  assert.equal(await page.evaluate(() => localStorage.getItem('peixun/card')), damaged, 'opening the page wrote nothing');
  assert.equal((await page.textContent('.save-note')).trim(), '', 'no save said');
  // Filling in a new card replaces it, as the notice says.
  await page.fill('[id="f-members[0].name"]', '吴新');
  await page.waitForFunction(() => (localStorage.getItem('peixun/card') || '').includes('吴新'));
  await context.close();
});
