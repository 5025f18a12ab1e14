'use strict';
// Every route at 375 px (Chromium's mobile emulation, touch), with the sample and with 300
// applications: no sideways scrolling, no text cell narrower than 6 characters (a document
// — 附件1, 附件2, 排序意见 — keeps its layout in a frame that scrolls by itself), axe-core
// clean; screenshots of 工作台, the editor, 单位汇总 and the member card (for the README's
// docs/screenshots under `make screenshots`, else e2e/artifacts/screenshots).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { session, ready, newPage, seriousViolations, SCREENSHOTS: SHOTS } = require('./support');

const PHONE = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, bypassCSP: true };
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'), 'utf8'));

function routes(id) {
  return ['#/', `#/apply/${id}/basic`, `#/apply/${id}/schedule`, `#/apply/${id}/members`, `#/apply/${id}/content`,
    `#/apply/${id}/contact`, `#/apply/${id}/check`, `#/apply/${id}/print`, '#/unit', '#/unit/print', '#/unit/opinion',
    '#/unit/bureau', '#/execution', `#/execution/${id}`, '#/execution/reimbursement', '#/rules', '#/data', '#/card', '#/rule-sets'];
}

/** Overflow and narrow cells where the page is now. */
const layout = (page) => page.evaluate(() => {
  const inFrame = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX)) return true;
    }
    return false;
  };
  // The text a reader sees (not a screen reader's visually hidden label); a visually hidden
  // cell (a card's column headings) is no cell on screen.
  const seen = (c) => {
    const copy = c.cloneNode(true);
    copy.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
    return copy.textContent.trim();
  };
  const hidden = (c) => {
    for (let e = c; e && e !== document.body; e = e.parentElement) if (e.getBoundingClientRect().width <= 2) return true;
    return false;
  };
  const narrow = [...document.querySelectorAll('main td, main th')]
    // A document (附件1, 附件2, 排序意见, 核销表) keeps its paper layout: its cells are not a list's.
    .filter((c) => c.getClientRects().length && !hidden(c) && seen(c).length > 1 && !inFrame(c) && !c.closest('[data-print]'))
    .filter((c) => c.getBoundingClientRect().width < 6 * parseFloat(getComputedStyle(c).fontSize))
    .map((c) => seen(c).slice(0, 12));
  return { width: document.documentElement.scrollWidth, narrow };
});

async function visitAll(page, server, where) {
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('peixun/index')).applications[0]);
  for (const hash of routes(id)) {
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('main :is(h1, h2)');
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    const { width, narrow } = await layout(page);
    assert.ok(width <= 375, `${where} ${hash}: page is ${width} px wide`);
    assert.deepEqual(narrow, [], `${where} ${hash}: cells narrower than 6 characters`);
    assert.deepEqual(await seriousViolations(page, `${where} ${hash}`), []);
  }
}

test('every route at 375 px with the sample: no sideways scrolling, readable cells, axe clean, screenshots', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser, PHONE);
  await page.goto(server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('[data-save-status="saved"]');
  await visitAll(page, server, 'sample');
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('peixun/index')).applications[0]);
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [hash, file] of [['#/', 'phone-workspace.png'], [`#/apply/${id}/members`, 'phone-editor.png'], ['#/unit', 'phone-unit.png'], ['#/card', 'phone-card.png']]) {
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('main :is(h1, h2)');
    // The page whole (no part still loading, fonts in) and painted, not a moment after a sleep.
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    await page.screenshot({ path: path.join(SHOTS, file) });
    assert.ok(fs.statSync(path.join(SHOTS, file)).size > 10000, file);
  }
});

test('every route at 375 px with 300 applications', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser, PHONE);
  await page.goto(server.url);
  await ready(page);
  const base = fixture.applications[0];
  const applications = Array.from({ length: 300 }, (_, i) => ({
    ...structuredClone(base),
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `${base.title}（第 ${i + 1} 组，研修方向与合作机构各不相同）`,
  }));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-phone-')), 'unit-300.peixun.json');
  fs.writeFileSync(file, JSON.stringify({ ...fixture, applications, members: [], ranking: [] }));
  await page.setInputFiles('input[data-action="import"]', file);
  await page.waitForSelector('[data-import-preview] [data-plan-summary]', { timeout: 30000 });
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]', { timeout: 30000 });
  await page.waitForSelector('[data-save-status="saved"]', { timeout: 30000 });
  await visitAll(page, server, '300');
});
