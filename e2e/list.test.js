'use strict';
// Finding and acting on many applications: with 300 imported, 工作台 searches by a member's
// name, filters by category and 「有错误」, sorts by title, selects all shown and exports
// exactly those; the query survives a reload (it is in the URL); 删除所选 goes with one
// 「撤销」. 单位汇总 filters its ranking list the same way and exports its selection.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { openApp, download, until, importFile, tabTo, seriousViolations } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-list-'));
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'), 'utf8'));
const N = 300;
const idOf = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const CATEGORIES = ['lead', 'youth', 'keytech'];
// Every tenth has 欧阳明 as a member; every fourth a leader born in 1950 (over every age limit).
const named = (i) => i % 10 === 0;
const broken = (i) => i % 4 === 0;

function bundle() {
  const base = fixture.applications[0];
  const applications = Array.from({ length: N }, (_, i) => {
    const a = structuredClone(base);
    a.id = idOf(i);
    a.title = `${base.title}第${i}号`;
    a.category = CATEGORIES[i % 3];
    a.members = a.members.map((m, k) => ({ ...m, id: `${idOf(i).slice(0, -2)}${k}${k}` }));
    if (named(i)) a.members[1].name = '欧阳明';
    if (broken(i)) a.members[0].birth_date = '1950-01-01';
    return a;
  });
  return { ...fixture, applications, members: [], ranking: [] };
}

async function importAll(page) {
  const file = path.join(tmp, 'unit-300.peixun.json');
  fs.writeFileSync(file, JSON.stringify(bundle()));
  await importFile(page, file);
}

const count = (page) => page.textContent('[data-shown-count]');
const shownTitles = (page, row) => page.$$eval(`${row} .cell--title, ${row} .ranking__title`, (els) => els.map((e) => e.textContent));
const idsIn = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).applications.map((a) => a.id).sort();

// Youth (i % 3 == 1), with 欧阳明 (i % 10 == 0) and an error (i % 4 == 0): i = 40, 100, 160, 220, 280.
const expected = Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 === 1 && named(i) && broken(i));

test('300 applications: search, filter, sort, select all shown, export exactly those; the URL keeps the query', async (t) => {
  const { page, server } = await openApp(t);
  await importAll(page);
  await page.waitForSelector('tr[data-app] [data-status="problems"]', { timeout: 30000 });
  assert.equal(await count(page), `显示 ${N} / ${N}`);
  assert.equal(await page.getAttribute('[data-shown-count]', 'role'), 'status');

  await page.fill('#list-search', '欧阳明');
  await until(page, () => document.querySelector('[data-shown-count]').textContent === '显示 30 / 300');
  await page.selectOption('#filter-category', 'youth');
  await page.selectOption('#filter-findings', 'errors');
  assert.equal(await count(page), `显示 ${expected.length} / ${N}`);
  await page.click('th [data-sort="title"]');
  assert.equal(await page.getAttribute('th:has([data-sort="title"])', 'aria-sort'), 'ascending');
  const titles = await shownTitles(page, 'tr[data-app]');
  // Code point order, as the core sorts: 第100号 before 第40号.
  assert.deepEqual(titles, expected.map((i) => `${fixture.applications[0].title}第${i}号`).sort());
  assert.match(titles[0], /第100号$/);
  assert.match(titles.at(-1), /第40号$/);
  // Rows kept through the search and the sort take their new places, and their controls
  // are named with their titles.
  assert.deepEqual(
    await page.$$eval('tr[data-app]', (rows) => rows.map((r) => r.getAttribute('aria-rowindex'))),
    titles.map((_, k) => String(k + 2)),
  );
  const last = titles.at(-1);
  assert.equal(await page.getByRole('checkbox', { name: `选择 ${last}`, exact: true }).count(), 1);
  for (const verb of ['导出', '复制', '删除']) {
    assert.equal(await page.getByRole('button', { name: `${verb} ${last}`, exact: true }).count(), 1);
  }

  // The query is in the URL (written once the list is painted): a reload shows the same
  // list in the same order.
  await until(page, () => location.hash === '#/?q=%E6%AC%A7%E9%98%B3%E6%98%8E&cat=youth&find=errors&sort=title');
  await page.reload();
  await page.waitForSelector('tr[data-app] [data-status="problems"]', { timeout: 30000 });
  assert.equal(await page.inputValue('#list-search'), '欧阳明');
  assert.equal(await page.inputValue('#filter-category'), 'youth');
  assert.equal(await count(page), `显示 ${expected.length} / ${N}`);
  assert.deepEqual(await shownTitles(page, 'tr[data-app]'), titles);

  await page.check('[data-action="select-shown"]');
  assert.equal(await page.textContent('[data-action="export-selected"]'), `导出所选（${expected.length}）`);
  const file = await download(page, () => page.click('[data-action="export-selected"]'), tmp);
  assert.deepEqual(idsIn(file), expected.map(idOf).sort());

  // Narrower: the selection follows what is shown.
  await page.fill('#list-search', '欧阳明 第22');
  await until(page, () => document.querySelector('[data-shown-count]').textContent === '显示 1 / 300');
  assert.equal(await page.textContent('[data-action="export-selected"]'), '导出所选（1）');
  await page.fill('#list-search', '欧阳明');
  assert.equal(await page.textContent('[data-action="export-selected"]'), '导出所选（1）');
  assert.equal(await page.evaluate(() => document.querySelector('[data-action="select-shown"]').indeterminate), true);

  // Delete the shown ones at once; one 「撤销」 brings all five back, in storage too.
  await page.check('[data-action="select-shown"]');
  await page.click('[data-action="delete-selected"]');
  assert.equal(await count(page), `显示 0 / ${N - expected.length}`);
  await until(page, (n) => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === n, N - expected.length);
  await page.click('[data-action="undo"]');
  assert.equal(await count(page), `显示 ${expected.length} / ${N}`);
  await until(page, (n) => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === n, N);

  // 清除条件 shows everything in the workspace's order, and the URL is plain again.
  await page.click('[data-action="clear-filters"]');
  assert.equal(await count(page), `显示 ${N} / ${N}`);
  await until(page, () => location.hash === '#/');
  assert.ok(server);
});

test('单位汇总: the ranking list searched, filtered by status and sorted; moving is by typed rank only then', async (t) => {
  const { page } = await openApp(t);
  await importAll(page);
  await page.goto(page.url().replace(/#.*$/, '#/unit?q=%E6%AC%A7%E9%98%B3%E6%98%8E&cat=youth&find=errors&sort=title&desc=1'));
  await page.waitForSelector('[data-rank-row]');
  // The same five as on 工作台, sorted by title, descending.
  const want = expected;
  assert.equal(await count(page), `显示 ${want.length} / ${N}`);
  const titles = await shownTitles(page, '[data-rank-row]');
  assert.deepEqual(titles, want.map((i) => `${fixture.applications[0].title}第${i}号`).sort().reverse());
  // 上移 / 下移 are hidden while filtered or sorted; a typed rank still moves a row.
  assert.equal(await page.isVisible('[data-rank-row] [data-action="rank-up"] >> nth=1'), false);
  assert.match(await page.textContent('[aria-labelledby="ranking-title"] .field__hint'), /清除条件/);

  await page.check('[data-action="select-shown"]');
  const file = await download(page, () => page.click('[data-action="export-selected"]'), tmp);
  assert.deepEqual(idsIn(file), want.map(idOf).sort());

  // The status filter: none of these is marked done in this browser.
  await page.selectOption('#filter-status', 'done');
  assert.equal(await count(page), `显示 0 / ${N}`);
  await page.selectOption('#filter-status', '');
  await page.click('[data-action="clear-filters"]');
  assert.equal(await count(page), `显示 ${N} / ${N}`);
  assert.equal(await page.isVisible('[data-rank-row] [data-action="rank-up"] >> nth=1'), true);
  assert.equal(await page.isDisabled('[data-rank-row] [data-action="rank-up"] >> nth=1'), false);
});

// A page of 100 rows at a time (e2e/bureau-scale checks the bureau's 3,000 groups).
const rowIds = (page, row, attr) => page.$$eval(row, (rs, a) => rs.map((r) => r.getAttribute(a)), attr);
const focusedRow = (page) => page.evaluate(() => document.activeElement.closest('[data-rank-row]')?.dataset.rankRow);

test('工作台 pages 300 applications: 100 rows a page with their places, found by search on any page, exported all', async (t) => {
  const { page } = await openApp(t, '', { bypassCSP: true });
  await importAll(page);
  await page.waitForSelector('tr[data-app] [data-status="problems"]', { timeout: 30000 });
  assert.equal(await page.textContent('[data-page-said]'), '第 1–100 项，共 300 项');
  assert.deepEqual(await rowIds(page, 'tr[data-app]', 'data-app'), Array.from({ length: 100 }, (_, i) => idOf(i)));
  assert.equal(await page.getAttribute('table.drafts', 'aria-rowcount'), '301');
  assert.equal(await page.getAttribute(`tr[data-app="${idOf(0)}"]`, 'aria-rowindex'), '2');
  assert.deepEqual(await seriousViolations(page, '工作台, page 1 of 3'), []);

  // By keyboard: Tab reaches 下一页; Enter shows rows 101–200, in the table's numbering.
  await tabTo(page, '[data-pager] [data-action="page-next"]');
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('[data-page-said]').textContent === '第 101–200 项，共 300 项');
  assert.deepEqual(await rowIds(page, 'tr[data-app]', 'data-app'), Array.from({ length: 100 }, (_, i) => idOf(100 + i)));
  assert.equal(await page.getAttribute(`tr[data-app="${idOf(150)}"]`, 'aria-rowindex'), '152');
  // The last page by the picker.
  await page.selectOption('[data-pager] [data-action="page-pick"]', '3');
  await until(page, () => document.querySelector('[data-page-said]').textContent === '第 201–300 项，共 300 项');
  assert.equal(await page.isDisabled('[data-pager] [data-action="page-next"]'), true);

  // A search starts at its first page and finds a row of any page; the single page says nothing.
  await page.fill('#list-search', '第7号');
  await until(page, () => document.querySelector('[data-shown-count]').textContent === '显示 1 / 300');
  assert.deepEqual(await rowIds(page, 'tr[data-app]', 'data-app'), [idOf(7)]);
  assert.equal(await page.textContent('[data-page-said]'), '');
  await page.fill('#list-search', '');
  await until(page, () => document.querySelector('[data-page-said]').textContent === '第 1–100 项，共 300 项');

  // 全选显示的 takes every row the filters show, on every page: the export holds all 300.
  await page.check('[data-action="select-shown"]');
  assert.equal(await page.textContent('[data-action="export-selected"]'), `导出所选（${N}）`);
  const file = await download(page, () => page.click('[data-action="export-selected"]'), tmp);
  assert.deepEqual(idsIn(file), Array.from({ length: N }, (_, i) => idOf(i)).sort());
});

test('单位汇总 pages its ranking: a typed rank or 上移 / 下移 at a page edge moves the row to its page, focus kept', async (t) => {
  const { page } = await openApp(t, '', { bypassCSP: true });
  await importAll(page);
  await page.goto(page.url().replace(/#.*$/, '#/unit'));
  await page.waitForSelector('[data-rank-row]');
  const ranking = () => rowIds(page, '[data-rank-row]', 'data-rank-row');
  assert.equal(await page.textContent('[data-pager] [data-page-said]'), '第 1–100 项，共 300 项');
  assert.deepEqual(await ranking(), Array.from({ length: 100 }, (_, i) => idOf(i)));
  assert.equal(await page.getAttribute(`[data-rank-row="${idOf(99)}"]`, 'aria-posinset'), '100');
  assert.equal(await page.getAttribute(`[data-rank-row="${idOf(99)}"]`, 'aria-setsize'), '300');
  assert.match(await page.textContent('[aria-labelledby="ranking-title"] .field__hint'), /移到其他页请输入名次/);
  assert.deepEqual(await seriousViolations(page, '总体排序, page 1 of 3'), []);

  // The 3rd typed to rank 250: the list shows page 3, the focus still in its rank box.
  await tabTo(page, `[data-rank-input="${idOf(2)}"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('250');
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('[data-page-said]').textContent === '第 201–300 项，共 300 项');
  await page.waitForFunction((id) => document.activeElement.matches(`[data-rank-input="${id}"]`), idOf(2));
  assert.equal(await page.inputValue(`[data-rank-input="${idOf(2)}"]`), '250');
  assert.equal(await page.getAttribute(`[data-rank-row="${idOf(2)}"]`, 'aria-posinset'), '250');

  // 上移 on the first row of page 3 (rank 201, the 202nd application) takes it to page 2's last place.
  const first = (await ranking())[0];
  assert.equal(first, idOf(201));
  await tabTo(page, `[data-rank-row="${first}"] [data-action="rank-up"]`);
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('[data-page-said]').textContent === '第 101–200 项，共 300 项');
  await page.waitForFunction((id) => document.activeElement.matches(`[data-rank-row="${id}"] [data-action="rank-up"]`), first);
  assert.equal((await ranking()).at(-1), first);
  assert.equal(await page.inputValue(`[data-rank-input="${first}"]`), '200');
  // And 下移 on that last row of page 2 takes it back to page 3's first place.
  await page.keyboard.press('Tab');
  assert.equal(await focusedRow(page), first);
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('[data-page-said]').textContent === '第 201–300 项，共 300 项');
  await page.waitForFunction((id) => document.activeElement.matches(`[data-rank-row="${id}"] [data-action="rank-down"]`), first);
  assert.equal((await ranking())[0], first);

  // Dragging moves a row within the page: the third of page 3 dropped on its first row.
  const rows = await ranking();
  await page.dragAndDrop(`[data-rank-row="${rows[2]}"] .ranking__meta`, `[data-rank-row="${rows[0]}"] .ranking__meta`);
  await until(page, (id) => document.querySelector('[data-rank-row]').dataset.rankRow === id, rows[2]);
  assert.equal(await page.inputValue(`[data-rank-input="${rows[2]}"]`), '201');

  // The whole ranking is stored, across the pages: 300 ranked, the moved ones in place.
  await until(
    page,
    (want) => (JSON.parse(localStorage.getItem('peixun/index')).workspace.ranking || []).join() === want,
    (() => {
      const order = Array.from({ length: N }, (_, i) => idOf(i)).filter((id) => id !== idOf(2));
      order.splice(249, 0, idOf(2));
      order.splice(200, 0, ...order.splice(202, 1));
      return order.join();
    })(),
  );
});
