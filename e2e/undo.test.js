'use strict';
// 「撤销」 means undo: three applications deleted in a row come back one by one, in storage
// and at their rank; a removed member, host and 核销表 row come back at their place.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { openApp, tabTo, goTo } = require('./support');

const rows = (page) => page.$$eval('tr[data-app]', (trs) => trs.map((r) => r.dataset.app));
const order = (page) => page.$$eval('[data-rank-row]', (lis) => lis.map((r) => r.dataset.rankRow));
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
const toast = (page) => page.textContent('.toast', { timeout: 5000 });
const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 5000 });

/** 「载入示例」: 3 applications, listed and saved. */
async function examples(page) {
  await page.click('[data-action="examples"]');
  await waitFor(page, () => document.querySelectorAll('tr[data-app]').length === 3);
  await waitFor(page, () => {
    const index = JSON.parse(localStorage.getItem('peixun/index') || 'null');
    return index !== null && index.applications.length === 3 && index.applications.every((id) => localStorage.getItem(`peixun/app/${id}`));
  });
}

async function go(page, route, selector) {
  await goTo(page, route);
  await page.waitForSelector(selector);
}

/** Waits until `peixun/app/<id>` holds an application that `want` accepts (autosave writes within 300 ms). */
async function savedApp(page, id, want) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const app = await stored(page, `peixun/app/${id}`);
    if (app !== null && want(app)) return;
    if (Date.now() > deadline) assert.fail(`peixun/app/${id} not saved as expected: ${JSON.stringify(app)?.slice(0, 300)}`);
    await page.waitForTimeout(100); // a poll (5 s at most) for the condition, not a wait for time
  }
}

test('three deletes in a row are undone one by one: back in the list, in storage and at their rank', async (t) => {
  const { page } = await openApp(t);
  await examples(page);
  const listed = await rows(page);

  // The office ranks them: the last one first.
  await go(page, 'unit', '[data-rank-row]');
  await page.fill(`[data-rank-input="${listed[2]}"]`, '1');
  await page.press(`[data-rank-input="${listed[2]}"]`, 'Enter');
  const ranked = [listed[2], listed[0], listed[1]];
  await waitFor(page, (want) => JSON.stringify([...document.querySelectorAll('[data-rank-row]')].map((r) => r.dataset.rankRow)) === want, JSON.stringify(ranked));
  await waitFor(page, (want) => JSON.parse(localStorage.getItem('peixun/index')).workspace.ranking.join() === want, ranked.join());
  const titles = {};
  for (const id of listed) titles[id] = (await stored(page, `peixun/app/${id}`)).title;

  // All three deleted within 10 s, the middle one first.
  await go(page, '', 'tr[data-app]');
  for (const id of [listed[1], listed[0], listed[2]]) {
    await page.click(`tr[data-app="${id}"] [data-action="delete"]`);
    await page.waitForSelector(`tr[data-app="${id}"]`, { state: 'detached' });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `peixun/app/${id}`), null);
    assert.ok((await toast(page)).includes(`「${titles[id]}」`), await toast(page));
  }
  assert.equal((await rows(page)).length, 0);
  assert.match(await toast(page), /共 3 项可撤销/);
  assert.equal(await page.locator('[role="status"]:has(> .toast), .toast[role="status"]').count(), 1, 'announced politely');

  // 「撤销」 three times, by keyboard: the most recent first.
  await tabTo(page, '[data-action="undo"]');
  for (const [n, id] of [listed[2], listed[0], listed[1]].entries()) {
    assert.ok((await toast(page)).includes(`已删除申请「${titles[id]}」`), await toast(page));
    await page.keyboard.press('Enter');
    await waitFor(page, (want) => document.querySelectorAll('tr[data-app]').length === want, n + 1);
  }
  assert.deepEqual(await rows(page), listed);
  await page.waitForSelector('.toast', { state: 'detached' });

  // Saved again: every key and the index, with the ranking as it was.
  for (const id of listed) await savedApp(page, id, (app) => app.id === id);
  await waitFor(page, (want) => {
    const index = JSON.parse(localStorage.getItem('peixun/index'));
    return index.applications.join() === want[0] && index.workspace.ranking.join() === want[1];
  }, [listed.join(), ranked.join()]);

  // 单位汇总: the same ranking, every application ranked.
  await go(page, 'unit', '[data-rank-row]');
  assert.deepEqual(await order(page), ranked);
  assert.deepEqual(await page.$$eval('[data-rank-input]', (inputs) => inputs.map((i) => i.value)), ['1', '2', '3']);
});

test('a removed member, host and 核销表 row come back at their place', async (t) => {
  const { page } = await openApp(t);
  await examples(page);
  // The example with the most members (at least 2).
  const apps = await Promise.all((await rows(page)).map((id) => stored(page, `peixun/app/${id}`)));
  const app = apps.sort((a, b) => b.members.length - a.members.length)[0];
  assert.ok(app.members.length >= 2);
  const names = app.members.map((m) => m.name);

  // Member 2 removed and restored between members 1 and 3.
  await page.goto(`${page.url().split('#')[0]}#/apply/${app.id}/members`);
  await page.waitForSelector('[data-section="members"]');
  await page.click('[data-member="1"] [data-action="remove-member"]');
  await waitFor(page, (n) => document.querySelectorAll('[data-member]').length === n, names.length - 1);
  assert.match(await toast(page), new RegExp(`已删除成员 ${names[1]}`));
  await savedApp(page, app.id, (a) => a.members.length === names.length - 1);
  await page.click('[data-action="undo"]');
  await waitFor(page, (n) => document.querySelectorAll('[data-member]').length === n, names.length);
  assert.equal(await page.inputValue('[id="f-members[1].name"]'), names[1]);
  await savedApp(page, app.id, (a) => a.members.map((m) => m.name).join() === names.join());

  // The first host: removed, restored.
  await page.goto(`${page.url().split('#')[0]}#/apply/${app.id}/schedule`);
  await page.waitForSelector('[data-section="schedule"]');
  const hosts = app.hosts.map((h) => h.name_zh);
  assert.ok(hosts.length >= 1);
  await page.click('[data-host="0"] [data-action="remove-host"]');
  await waitFor(page, (n) => document.querySelectorAll('[data-host]').length === n, hosts.length - 1);
  assert.match(await toast(page), /已删除境外培训机构/);
  await savedApp(page, app.id, (a) => a.hosts.length === hosts.length - 1);
  await page.click('[data-action="undo"]');
  await waitFor(page, (n) => document.querySelectorAll('[data-host]').length === n, hosts.length);
  assert.equal(await page.inputValue('[id="f-hosts[0].name_zh"]'), hosts[0]);
  await savedApp(page, app.id, (a) => a.hosts.map((h) => h.name_zh).join() === hosts.join());

  // 核销表: a row typed, removed, restored.
  await page.goto(`${page.url().split('#')[0]}#/execution/reimbursement`);
  await page.waitForSelector('[data-action="add-row"]');
  await page.click('[data-action="add-row"]');
  await page.waitForSelector('[id="r-0-person"]');
  await page.fill('[id="r-0-person"]', '王小明');
  const savedRows = (want) =>
    waitFor(page, (w) => JSON.stringify(JSON.parse(localStorage.getItem('peixun/index')).workspace.reimbursements.map((r) => r.person)) === w, JSON.stringify(want));
  await savedRows(['王小明']);
  await page.click('[data-row="0"] [data-action="delete-row"]');
  await page.waitForSelector('[data-row="0"]', { state: 'detached' });
  assert.match(await toast(page), /已删除核销表第 1 行（王小明）/);
  await savedRows([]);
  await page.click('[data-action="undo"]');
  await page.waitForSelector('[id="r-0-person"]');
  assert.equal(await page.inputValue('[id="r-0-person"]'), '王小明');
  await savedRows(['王小明']);
});
