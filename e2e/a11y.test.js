'use strict';
// axe-core finds no serious or critical accessibility violation on any page: the workspace,
// each editor section, 单位汇总 and its views, 执行与核销, 核销表, the member card, the
// import preview and the rule-set pages.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { session, ready, newPage, seriousViolations } = require('./support');

/** No serious or critical violation where the page is now. */
async function audit(page, where) {
  // axe is injected as an inline script: only this test's context bypasses the CSP for it.
  assert.deepEqual(await seriousViolations(page, where), []);
}

test('axe-core: no serious or critical violations on the workspace, every editor section and check answers', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser, { bypassCSP: true });
  await page.goto(server.url);
  await ready(page);
  await audit(page, 'empty workspace');
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  await audit(page, 'workspace');
  await page.click('tr[data-app] a');
  for (const s of ['basic', 'schedule', 'members', 'content', 'contact', 'check']) {
    await page.click(`.task-list a[href$="/${s}"]`);
    await page.waitForSelector(`[data-editor-page="${s}"]`);
    // Show every finding, as after marking the section done.
    if (s !== 'check') await page.check('#section-done');
    await audit(page, s);
  }
  for (const p of ['rules', 'data']) {
    await page.click(`nav a[data-route="${p}"]`);
    await page.waitForSelector(`main[data-page="${p}"]`);
    await audit(page, p);
  }
});

test('axe-core: no serious or critical violations on the office, execution, card, import and rule-set pages', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser, { bypassCSP: true });
  await page.goto(server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  const visit = async (hash, selector, where) => {
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector(selector);
    await audit(page, where);
  };
  await visit('#/unit', 'main[data-page="unit"] h1', '单位汇总');
  for (const view of ['print', 'opinion', 'bureau']) await visit(`#/unit/${view}`, 'main[data-page="unit"] :is(h1, h2)', `单位汇总/${view}`);
  await visit('#/execution', 'main[data-page="execution"] h1', '执行与核销');
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('peixun/index')).applications[0]);
  await visit(`#/execution/${id}`, 'main[data-page="execution"] h1', '执行记录');
  await visit('#/execution/reimbursement', '#period-year', '核销表');
  await page.click('[data-action="add-row"]');
  await page.waitForSelector('[id="r-0-person"]');
  await audit(page, '核销表 with a row');
  await visit('#/card', 'main[data-page="card"] h1', '成员信息卡');
  await visit('#/rule-sets', 'main[data-page="rule-sets"] h1', '规则集');
  await page.click('[data-action="copy-rule-set"]');
  await page.waitForSelector('#rs-form-title');
  await audit(page, '规则集 form');
  // The import preview, with a file that cannot be read beside one that can.
  await page.goto(`${server.url}#/`);
  const fixtures = path.join(__dirname, '..', 'tests', 'fixtures');
  await page.setInputFiles('input[data-action="import"]', [path.join(fixtures, 'unit-3-ranked.peixun.json'), path.join(fixtures, 'truncated.peixun.json')]);
  await page.waitForSelector('[data-import-preview] [data-plan-summary]');
  await audit(page, 'import preview');
});
