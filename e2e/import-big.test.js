'use strict';
// The largest import a file may hold (1,000 applications) with 300 conflicts: every
// conflict is reachable (pages, a filter, 「下一处未选择的冲突」), a filtered set is resolved
// at once, by keyboard too, and 确认导入 brings in exactly what was chosen.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { openApp, goTo } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-big-'));
const N = 1000;
const CONFLICTS = 300;
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'), 'utf8'));
const idOf = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const group = (i) => (i % 2 === 0 ? '甲组' : '乙组');

/** A unit bundle of N applications; the first CONFLICTS with `theirs` in their titles. */
function bundle(theirs) {
  const base = fixture.applications[0];
  const applications = Array.from({ length: N }, (_, i) => ({
    ...structuredClone(base),
    id: idOf(i),
    revision: 3,
    history: [],
    title: `${base.title}第${i}号${group(i)}${theirs && i < CONFLICTS ? '（对方修改）' : ''}`,
  }));
  return { ...fixture, applications, members: [], ranking: [] };
}

function write(name, value) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

async function importFile(page, file) {
  await goTo(page, '');
  await page.setInputFiles('input[data-action="import"]', file);
  await page.waitForSelector('[data-import-preview] [data-plan-summary]', { timeout: 30000 });
}

const titles = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('peixun/app/')).map((k) => [k.slice(11), JSON.parse(localStorage.getItem(k)).title])));

test('1,000 applications with 300 conflicts: every one reachable and resolved, then imported', async (t) => {
  const { page } = await openApp(t);
  await importFile(page, write('ours.peixun.json', bundle(false)));
  assert.equal(await page.textContent('[data-plan-summary]'), `新增 ${N} 份，更新 0 份，无变化 0 份，冲突 0 份`);
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]', { timeout: 30000 });
  await page.waitForFunction((n) => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === n, N, { timeout: 30000 });

  // The same applications edited elsewhere at the same revision: 300 conflicts.
  await importFile(page, write('theirs.peixun.json', bundle(true)));
  assert.equal(await page.textContent('[data-plan-summary]'), `新增 0 份，更新 0 份，无变化 ${N - CONFLICTS} 份，冲突 ${CONFLICTS} 份`);
  assert.match(await page.textContent('[data-plan-shown]'), /显示第 1–50 份，共 1000 份（第 1 \/ 20 页）/);
  assert.equal(await page.textContent('[data-action="confirm-import"]'), `还有 ${CONFLICTS} 处冲突需要选择`);

  // Conflicts only, by keyboard: the last page is reachable and holds the last conflict.
  await page.focus('[data-plan-kind]');
  await page.selectOption('[data-plan-kind]', 'conflict');
  assert.match(await page.textContent('[data-plan-shown]'), /共 300 份（第 1 \/ 6 页）/);
  for (let i = 0; i < 5; i++) {
    await page.focus('[data-action="next-page"]');
    await page.keyboard.press('Enter');
  }
  assert.match(await page.textContent('[data-plan-shown]'), /显示第 251–300 份，共 300 份（第 6 \/ 6 页）/);
  assert.equal(await page.locator(`[data-item="${idOf(CONFLICTS - 1)}"][data-action-kind="conflict"]`).count(), 1);
  assert.equal(await page.isDisabled('[data-action="next-page"]'), true);

  // 甲组 keeps ours, in one step for the 150 the filter shows (on all three of its pages).
  await page.fill('[data-plan-text]', '甲组');
  assert.match(await page.textContent('[data-plan-shown]'), /共 150 份/);
  assert.equal(await page.textContent('[data-action="shown-mine"]'), '筛选出的 150 份冲突：全部保留我的');
  await page.focus('[data-action="shown-mine"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.textContent('[data-action="confirm-import"]'), '还有 150 处冲突需要选择');

  // 「下一处未选择的冲突」 leaves the filter for the first open one (乙组 1) and focuses it.
  await page.click('[data-action="next-open"]');
  await page.waitForFunction((id) => document.activeElement?.closest('[data-item]')?.dataset.item === id, idOf(1));
  await page.keyboard.press('Enter'); // 全部保留我的 for that one
  assert.equal(await page.textContent('[data-action="confirm-import"]'), '还有 149 处冲突需要选择');
  // The rest of 乙组 takes theirs.
  await page.fill('[data-plan-text]', '乙组');
  await page.click('[data-action="shown-theirs"]');
  assert.equal(await page.isDisabled('[data-action="confirm-import"]'), false);
  // The bulk choice overrode the single one: 乙组 1 is theirs too.
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]', { timeout: 30000 });

  await page.waitForFunction((id) => (JSON.parse(localStorage.getItem(`peixun/app/${id}`)).title || '').includes('对方修改'), idOf(3));
  const stored = await titles(page);
  assert.equal(Object.keys(stored).length, N, 'nothing lost, nothing added');
  for (let i = 0; i < N; i++) {
    const theirs = i < CONFLICTS && group(i) === '乙组';
    assert.equal(stored[idOf(i)].includes('（对方修改）'), theirs, `application ${i}`);
  }
});
