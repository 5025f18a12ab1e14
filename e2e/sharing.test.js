'use strict';
// Two units through files alone: the leader's and a partner's browser contexts.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { session, openApp, ready, newPage, download: saveDownload, saveRan, goTo } = require('./support');

const id = (p) => `[id="f-${p}"]`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-share-'));

const download = (page, click) => saveDownload(page, click, tmp);

async function importFiles(page, files) {
  await goTo(page, '');
  await page.setInputFiles('input[data-action="import"]', files);
  await page.waitForSelector('[data-import-preview] [data-file]');
}

/** Every localStorage key and value, to compare before and after. */
const snapshot = (page) =>
  page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

test('a group comes together through files: export, member card, import, conflict resolved field by field', async (t) => {
  const { server, browser } = await session(t);
  const leader = await newPage(browser);
  const partner = await newPage(browser);
  for (const p of [leader, partner]) {
    await p.goto(server.url);
    await ready(p);
  }

  // The leader's group: the example youth application.
  await leader.click('[data-action="examples"]');
  const row = leader.locator('tr[data-app]', { hasText: '优秀青年人才培养' });
  const appId = await row.getAttribute('data-app');
  const groupFile = await download(leader, () => row.locator('[data-action="export"]').click());
  assert.match(path.basename(groupFile), /\.peixun\.json$/);
  const group = JSON.parse(fs.readFileSync(groupFile, 'utf8'));
  assert.equal(group.format, 'peixun-bundle');
  assert.equal(group.kind, 'application');
  const exit = group.applications[0].exit_date;
  const before = group.applications[0].members.length;

  // The partner fills only their own card; the page shows none of this browser's drafts.
  await partner.goto(`${server.url}#/card`);
  await partner.waitForSelector(id('members[0].name'));
  await partner.check('[id="f-category-1"]');
  await partner.fill(id('members[0].name'), '周合作');
  await partner.check('[id="f-members[0].gender-1"]');
  await partner.fill(id('members[0].birth_date'), '1986-03-03');
  await partner.fill(id('members[0].unit'), '中国科学院大连化学物理研究所');
  await partner.check('[id="f-members[0].registered_staff-0"]');
  await partner.check('[id="f-members[0].title_level-2"]');
  await partner.fill(id('exit_date'), exit);
  // The country field suggests from the same list as the editor's (added after the form).
  await partner.waitForSelector('#country-list option[value="德国（DE）"]', { state: 'attached' });
  await partner.fill(id('country'), '德国（DE）');
  const cardFile = await download(partner, () => partner.click('[data-action="export-card"]'));
  const card = JSON.parse(fs.readFileSync(cardFile, 'utf8'));
  assert.equal(card.kind, 'member');
  assert.equal(card.members[0].name, '周合作');
  assert.equal(card.members[0].country, 'DE');

  // The leader adds the card to the group.
  await importFiles(leader, [cardFile]);
  await leader.selectOption('[data-card-target="0"]', appId);
  await leader.click('[data-action="confirm-import"]');
  await leader.waitForSelector('[data-import-done]');
  await leader.waitForFunction(
    ([key, n]) => JSON.parse(localStorage.getItem(key) || '{}').members?.length === n,
    [`peixun/app/${appId}`, before + 1],
  );

  // The partner reviews the group's file and edits the title; the leader edits it too.
  await importFiles(partner, [groupFile]);
  assert.equal(await partner.textContent('[data-plan-summary]'), '新增 1 份，更新 0 份，无变化 0 份，冲突 0 份');
  await partner.click('[data-action="confirm-import"]');
  await partner.click(`tr[data-app="${appId}"] a`);
  await partner.fill(id('title'), '人工智能芯片设计研修（合作单位修改）');
  await partner.click('.task-list a[href$="/content"]');
  await partner.fill(id('objectives'), '合作单位补充的预期目标。');
  await goTo(partner, '');
  const partnerFile = await download(partner, () => partner.locator(`tr[data-app="${appId}"] [data-action="export"]`).click());

  await leader.click(`tr[data-app="${appId}"] a`);
  await leader.fill(id('title'), '人工智能芯片设计研修（带头人修改）');
  await goTo(leader, '');
  await importFiles(leader, [partnerFile]);
  const conflict = leader.locator(`[data-item="${appId}"][data-action-kind="conflict"]`);
  await conflict.waitFor();
  assert.match(await conflict.locator('[data-conflict="title"]').textContent(), /带头人修改.*合作单位修改/s);
  // Nothing is imported until every field has a side.
  assert.equal(await leader.isDisabled('[data-action="confirm-import"]'), true);
  await conflict.locator('[data-action="all-mine"]').click();
  await conflict.locator('[data-conflict="objectives"] [data-choice="theirs"]').check();
  await leader.click('[data-action="confirm-import"]');
  await leader.waitForSelector('[data-import-done]');
  // Saved within 300 ms of the import.
  await leader.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).objectives === '合作单位补充的预期目标。', `peixun/app/${appId}`);
  const saved = await leader.evaluate((k) => JSON.parse(localStorage.getItem(k)), `peixun/app/${appId}`);
  assert.equal(saved.title, '人工智能芯片设计研修（带头人修改）', 'kept mine');
  assert.equal(saved.objectives, '合作单位补充的预期目标。', 'took theirs');
  assert.ok(saved.members.some((m) => m.name === '周合作'), 'the imported card is not lost');
});

test('every bad file gets its own message in Chinese and leaves the drafts byte for byte as they were', async (t) => {
  const { page } = await openApp(t);
  await saveRan(page, () => page.click('[data-action="examples"]'));
  // The export marks each application as sent, a change saved like any other: the
  // snapshot below is taken once that save has run.
  let good;
  await saveRan(page, async () => { good = await download(page, () => page.click('[data-action="export-all"]')); });
  const text = fs.readFileSync(good, 'utf8');
  const bundle = JSON.parse(text);
  const write = (name, content) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const wrongType = JSON.parse(text);
  wrongType.applications[0].duration_days = '十四';
  const many = { ...bundle, applications: Array.from({ length: 10000 }, (_, i) => ({ id: `app-${i}`, title: `申请${i}` })) };
  const cases = [
    [write('not-json.peixun.json', '这不是 JSON 文件'), /不是有效的 JSON/],
    [write('truncated.peixun.json', text.slice(0, Math.floor(text.length / 2))), /文件不完整/],
    [write('package.json', JSON.stringify({ name: 'x', version: '1.0.0', dependencies: {} })), /不是 peixun 数据包/],
    [write('v2.peixun.json', JSON.stringify({ ...bundle, version: 2 })), /版本 2.*请更新本程序/],
    [write('wrong-type.peixun.json', JSON.stringify(wrongType)), /applications\[0\]\.duration_days/],
    [write('huge.peixun.json', Buffer.alloc(21 * 1024 * 1024, 32)), /超过 20 MB/],
    [write('many.peixun.json', JSON.stringify(many)), /一次最多导入 1000 份申请/],
  ];
  const before = await snapshot(page);
  for (const [file, message] of cases) {
    await importFiles(page, [file]);
    const error = page.locator(`[data-file="${path.basename(file)}"][data-file-error]`);
    assert.match(await error.textContent(), message, path.basename(file));
    assert.equal(await page.isDisabled('[data-action="confirm-import"]'), true);
    await page.click('[data-action="cancel-import"]');
    assert.equal(await snapshot(page), before, `${path.basename(file)} changed nothing`);
  }
  // One bad file among good ones: the good one is still offered, the bad one reported.
  await importFiles(page, [cases[0][0], good]);
  assert.equal(await page.locator('[data-file-error]').count(), 1);
  assert.equal(await page.textContent('[data-plan-summary]'), '新增 0 份，更新 0 份，无变化 3 份，冲突 0 份');
  await page.click('[data-action="cancel-import"]');
  assert.equal(await snapshot(page), before);
});

test('files dropped anywhere on the page open the import preview', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser);
  await page.goto(`${server.url}#/rules`);
  await ready(page);
  const bundle = fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'valid-youth.peixun.json'), 'utf8');
  // A real drop event with a DataTransfer holding the file, as the browser fires it.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.peixun.json', { type: 'application/json' }));
    const target = document.querySelector('main');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bundle);
  await page.waitForSelector('[data-file="dropped.peixun.json"][data-file-ok]');
  assert.equal(await page.textContent('[data-plan-summary]'), '新增 1 份，更新 0 份，无变化 0 份，冲突 0 份');
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]');
  await goTo(page, '');
  // The route changes on hashchange, a task after the click: count on the workspace page.
  await page.waitForSelector('main[data-page=""] tr[data-app]');
  assert.equal(await page.locator('tr[data-app]').count(), 1);
});
