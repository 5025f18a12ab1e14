'use strict';
// The bureau at academy scale: 100 unit bundles of 30 groups (3,000 groups) opened on
// 院人事局汇总与遴选. The list shows a page of 100 rows with its place in the whole
// (aria-rowcount / aria-rowindex, 「第 1–100 项，共 3000 项」 said politely); every group can
// be reached by the search and by the keyboard through the pages; a decision reaches the
// totals; a reload opens the same bundles again with the decision kept; axe finds no
// serious or critical violation on the paged list.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { session, newPage, ready, seriousViolations } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-bureau-scale-'));
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'), 'utf8'));
const UNITS = 100;
const GROUPS = 30;

/** 100 units' bundles, 30 groups each, every person their own. */
function unitFiles() {
  const files = [];
  for (let u = 0; u < UNITS; u++) {
    const b = structuredClone(fixture);
    b.unit = `中国科学院第${u}研究所`;
    b.members = [];
    b.applications = Array.from({ length: GROUPS }, (_, i) => {
      const a = structuredClone(fixture.applications[i % fixture.applications.length]);
      a.id = `u${u}-a${i}`;
      a.title = `第${u}所培训项目${i}`;
      a.history = [];
      a.lead_unit = b.unit;
      a.members.forEach((m, k) => {
        m.id = `u${u}-a${i}-m${k}`;
        m.name = `成员${u}-${i}-${k}`;
        m.unit = b.unit;
      });
      return a;
    });
    b.ranking = b.applications.map((a) => a.id);
    const file = path.join(tmp, `unit-${String(u).padStart(3, '0')}.peixun.json`);
    fs.writeFileSync(file, JSON.stringify(b));
    files.push(file);
  }
  return files;
}

const said = (page) => page.textContent('[data-page-said]');
const rowIds = (page) => page.$$eval('[data-bureau-groups] tbody tr', (trs) => trs.map((tr) => tr.dataset.group));

/** Presses Tab until `selector` has the focus (at most `max` times). */
async function tabTo(page, selector, max = 8) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    seen.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60)));
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.fail(`${selector} not reached by Tab (at ${at}; ${seen.join(' | ')})`);
}

test('3,000 groups: a page at a time, each reachable by search and keyboard; a reload keeps them', async (t) => {
  const files = unitFiles();
  const { server, browser } = await session(t);
  // axe is injected as an inline script: this context bypasses the CSP for it.
  const page = await newPage(browser, { bypassCSP: true });
  await page.goto(`${server.url}#/unit/bureau`);
  await ready(page);
  await page.waitForSelector('[data-bureau-kept="0"]', { state: 'attached' });
  const started = Date.now();
  await page.setInputFiles('input[data-action="open-units"]', files);
  await page.waitForSelector('[data-page-said]:has-text("共 3000 项")', { timeout: 60000 });
  t.diagnostic(`3,000 groups listed ${Date.now() - started} ms after the files were given`);
  assert.equal(await said(page), '第 1–100 项，共 3000 项');
  assert.equal(await page.getAttribute('[data-bureau-groups]', 'aria-rowcount'), '3001');
  const first = await rowIds(page);
  assert.equal(first.length, 100);
  assert.equal(first[0], 'u0-a0');
  assert.equal(await page.getAttribute('[data-bureau-groups] tbody tr:first-child', 'aria-rowindex'), '2');
  assert.deepEqual(await seriousViolations(page, 'the bureau with 3,000 groups'), []);

  // The search finds any group, on whichever page it is.
  await page.fill('[data-bureau-search]', '第57研究所 培训项目29');
  await page.waitForSelector('[data-page-said]:has-text("共 1 项")');
  assert.deepEqual(await rowIds(page), ['u57-a29']);
  const row = page.locator('[data-bureau-groups] tr[data-group="u57-a29"]');
  await row.locator('[data-field="decision"]').selectOption('selected');
  await page.waitForSelector('[data-bureau-groups] tr[data-group="u57-a29"][data-decision="selected"]');
  const allCells = () => page.$$eval('[data-selection-units] tr[data-unit="all"] td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual((await allCells()).slice(1, 5), ['3000', '1', '0', '2999']);

  // The keyboard: from the search box to 下一页 (page 2), then the page picker to the last.
  await page.fill('[data-bureau-search]', '');
  await page.waitForSelector('[data-page-said]:has-text("共 3000 项")');
  await page.focus('[data-bureau-search]');
  await tabTo(page, '[data-action="page-next"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-page-said]:has-text("第 101–200 项")');
  assert.equal((await rowIds(page))[0], 'u3-a10');
  assert.equal(await page.getAttribute('[data-bureau-groups] tbody tr:first-child', 'aria-rowindex'), '102');
  await page.keyboard.down('Shift');
  await tabTo(page, '[data-action="page-pick"]');
  await page.keyboard.up('Shift');
  await page.keyboard.press('End');
  await page.waitForSelector('[data-page-said]:has-text("第 2901–3000 项")');
  const last = await rowIds(page);
  assert.equal(last[last.length - 1], 'u99-a29');
  assert.equal(await page.getAttribute('[data-bureau-groups] tbody tr:last-child', 'aria-rowindex'), '3001');
  assert.ok(await page.isDisabled('[data-action="page-next"]'), 'no page after the last');

  // A reload opens the same 100 bundles again, with the decision.
  await page.waitForSelector('[data-bureau-kept="100"]');
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-page-said]:has-text("共 3000 项")', { timeout: 60000 });
  await page.fill('[data-bureau-search]', 'u57 第57所培训项目29');
  await page.waitForSelector('[data-page-said]:has-text("没有符合条件的项")');
  await page.fill('[data-bureau-search]', '第57所培训项目29');
  await page.waitForSelector('[data-bureau-groups] tr[data-group="u57-a29"][data-decision="selected"]');
});
