'use strict';
// Backups: 「导出全部数据」 holds every peixun/ key byte for byte, 「从备份恢复」 brings
// them back into an empty browser through the import preview, a week-old unbacked change
// shows a reminder, and the data page says whether storage is persistent.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DIST, openApp, newPage, newContext, ready, session, saveRan } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-backup-'));
const peixunKeys = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('peixun/') && k !== 'peixun/backup').sort().map((k) => [k, localStorage.getItem(k)])));

test('export all data, restore it into an empty browser: every draft and setting comes back', async (t) => {
  const { page, browser, server } = await openApp(t);
  await page.click('[data-action="examples"]');
  // The examples come with their chunk: wait until they are listed.
  await page.waitForSelector('tr[data-app]');
  await page.goto(`${server.url}#/execution/reimbursement`);
  await page.click('[data-action="add-row"]');
  await page.fill('[id="r-0-person"]', '张三');
  await page.fill('[id="r-0-other"]', '0.30');
  await page.goto(`${server.url}#/unit`);
  await page.fill('#unit-name', '中国科学院物理研究所');
  await page.keyboard.press('Tab');
  await page.goto(`${server.url}#/data`);
  await page.waitForSelector('[data-persisted]');
  await page.waitForFunction(() => !document.querySelector('[data-persisted]').textContent.includes('正在'));
  // What the page says is what the browser answers (not any sentence with the word in it).
  const granted = await page.evaluate(() => navigator.storage.persisted());
  assert.match(await page.textContent('[data-persisted]'), granted ? /^浏览器已同意持久存储/ : /^浏览器未同意持久存储/);
  assert.equal(await page.textContent('[data-last-backup]'), '还没有备份过。');

  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-backup"]')]);
  // The export saves what is pending first: the file holds what storage holds after it.
  const before = await peixunKeys(page);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  assert.match(path.basename(file), /^peixun-备份-\d{8}-\d{4}\.json$/);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(backup.format, 'peixun-backup');
  for (const [k, v] of Object.entries(before)) assert.equal(backup.entries[k], v, k);
  assert.match(await page.textContent('[data-last-backup]'), /^上次备份：\d{4}-\d\d-\d\d \d\d:\d\d$/);
  if (process.env.PEIXUN_FREEZE) fs.copyFileSync(file, process.env.PEIXUN_FREEZE);

  // A new browser profile: nothing there; restore through the import preview.
  const other = await newPage(browser);
  await other.goto(`${server.url}#/data`);
  await ready(other);
  await other.setInputFiles('input[data-action="import"]', file);
  // The preview's file line, not only its buttons (they show while the file is still read).
  await other.waitForSelector('[data-import-preview] [data-file]');
  assert.match(await other.textContent('main'), /备份：3 份申请及单位设置/);
  await other.click('[data-action="confirm-import"]');
  await other.waitForFunction((n) => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === n, 3);
  await other.waitForFunction(() => (localStorage.getItem('peixun/index') || '').includes('张三'));
  const restored = await peixunKeys(other);
  for (const k of Object.keys(before).filter((k) => k.startsWith('peixun/app/'))) {
    const [a, b] = [JSON.parse(before[k]), JSON.parse(restored[k])];
    for (const f of ['title', 'members', 'country', 'hosts', 'content']) assert.deepEqual(b[f], a[f], `${k} ${f}`);
  }
  const index = JSON.parse(restored['peixun/index']);
  assert.equal(index.workspace.reimbursements[0].other, 30);
});

test('a week after an unbacked change the app reminds, and a backup clears the reminder', async (t) => {
  const { page } = await openApp(t);
  await page.click('[data-action="examples"]');
  // The examples (their chunk fetched on the click) listed and saved before the reload.
  await page.waitForSelector('tr[data-app]');
  await page.waitForSelector('[data-save-status="saved"]');
  assert.equal(await page.locator('[data-backup-reminder]').count(), 0, 'not on day one');
  // Eight days ago this browser started keeping drafts without a backup.
  await page.evaluate(() => {
    const since = new Date(Date.now() - 8 * 86400e3).toISOString();
    localStorage.setItem('peixun/backup', JSON.stringify({ last: null, since }));
  });
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-backup-reminder="8"]');
  assert.match(await page.textContent('[data-backup-reminder]'), /还没有备份过/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-backup-reminder] [data-action="export-backup"]')]);
  assert.ok(await dl.path());
  await page.waitForSelector('[data-backup-reminder]', { state: 'detached' });
  const record = await page.evaluate(() => JSON.parse(localStorage.getItem('peixun/backup')));
  assert.ok(record.last, 'the backup time is kept');
});

test('a damaged draft never blocks a restore, and a damaged draft in this browser is said on start', async (t) => {
  const { page, browser, server } = await openApp(t);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  const ids = await page.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app));
  await page.goto(`${server.url}#/data`);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-backup"]')]);
  const file = path.join(tmp, `damaged-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  const broken = `peixun/app/${ids[0]}`;
  backup.entries[broken] = '{"title": "半截';
  fs.writeFileSync(file, JSON.stringify(backup));

  // A new browser: the two readable drafts come back, the damaged one is listed with its text.
  const other = await newPage(browser);
  await other.goto(`${server.url}#/data`);
  await ready(other);
  await other.setInputFiles('input[data-action="import"]', file);
  await other.waitForSelector('[data-damaged="1"]');
  assert.match(await other.textContent('[data-import-preview] [data-file]'), /备份：2 份申请及单位设置；1 项无法读取，未导入/);
  const item = `[data-damaged-key="${broken}"]`;
  const [raw] = await Promise.all([other.waitForEvent('download'), other.click(`${item} [data-action="download-damaged"]`)]);
  const rawFile = path.join(tmp, raw.suggestedFilename());
  await raw.saveAs(rawFile);
  assert.equal(fs.readFileSync(rawFile, 'utf8'), '{"title": "半截', 'the damaged entry, byte for byte');
  await other.click('[data-action="confirm-import"]');
  await other.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === 2);
  const keys = Object.keys(await peixunKeys(other)).filter((k) => k.startsWith('peixun/app/')).sort();
  assert.deepEqual(keys, ids.slice(1).map((id) => `peixun/app/${id}`).sort());

  // A draft this browser cannot read: said on start, kept as it is.
  await other.evaluate((key) => {
    localStorage.setItem(key, '{"title": "半截');
    const index = JSON.parse(localStorage.getItem('peixun/index'));
    index.applications.push(key.slice('peixun/app/'.length));
    localStorage.setItem('peixun/index', JSON.stringify(index));
  }, broken);
  await other.reload();
  await ready(other);
  await other.waitForSelector('[data-unreadable-drafts="1"]');
  assert.match(await other.textContent('[data-unreadable-drafts]'), /有 1 份草稿无法读取/);
  assert.equal(await other.getAttribute('[data-unreadable-drafts] a', 'href'), './recover.html');
  await other.click('nav a[data-route=""]');
  await other.waitForSelector('tr[data-app]');
  assert.equal(await other.locator('tr[data-app]').count(), 2);
  await other.click('tr[data-app] [data-action="duplicate"]');
  await other.waitForSelector('[data-save-status="saved"]');
  assert.equal(await other.evaluate((k) => localStorage.getItem(k), broken), '{"title": "半截', 'never written over');
});

test('an index this version cannot read (newer or damaged) is never written over', async (t) => {
  const { page, server } = await openApp(t);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('[data-save-status="saved"]');
  const before = await peixunKeys(page);
  const index = JSON.parse(before['peixun/index']);
  // As a later version would write it; then a damaged one.
  for (const text of [JSON.stringify({ ...index, schema: 2 }), before['peixun/index'].slice(0, 40)]) {
    await page.evaluate((v) => localStorage.setItem('peixun/index', v), text);
    await page.goto(`${server.url}#/`);
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-save-status="failed"]');
    assert.match(await page.textContent('[data-save-status]'), /本地数据无法读取.*未作任何改动/);
    // A change is made on screen and its save runs (pending, then refused): nothing is written.
    await saveRan(page, () => page.click('[data-action="new"]'), 'failed');
    await page.goto(`${server.url}#/data`);
    assert.equal(await page.evaluate(() => localStorage.getItem('peixun/index')), text, 'the index as it was');
    const after = await peixunKeys(page);
    assert.deepEqual(Object.keys(after).filter((k) => k.startsWith('peixun/app/')).sort(),
      Object.keys(before).filter((k) => k.startsWith('peixun/app/')).sort(), 'no draft added');
  }
});

test('saved drafts whose reader cannot be fetched are not shown and never written over', async (t) => {
  // A copy of the site, so that a file can go missing from it as from a half-updated host.
  const root = fs.mkdtempSync(path.join(tmp, 'site-'));
  fs.cpSync(DIST, root, { recursive: true });
  const app = fs.readdirSync(root).find((d) => d.startsWith('app-'));
  const reader = path.join(root, app, 'split_reader.wasm');
  assert.ok(fs.existsSync(reader), 'the build has a reader chunk');
  const { server, browser } = await session(t, root);
  const page = await (await newContext(browser, { serviceWorkers: 'block' })).newPage();
  await page.goto(server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('[data-save-status="saved"]');
  const before = await peixunKeys(page);
  // A backup made a week ago: a record this page cannot read now but must keep.
  const record = JSON.stringify({ last: '2020-01-03T09:00:00+08:00', since: '2020-01-01T09:00:00+08:00' });
  await page.evaluate((r) => localStorage.setItem('peixun/backup', r), record);
  // The list is a chunk of its own: its rows can come after the save.
  await page.waitForSelector('tr[data-app]');
  const drafts = await page.locator('tr[data-app]').count();
  assert.ok(drafts > 0);

  fs.renameSync(reader, `${reader}.gone`);
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-save-status="failed"]');
  assert.match(await page.textContent('[data-save-status]'), /读取数据的程序文件没有下载成功.*未作任何改动/);
  assert.equal(await page.locator('tr[data-app]').count(), 0);
  // A change made on screen and its save runs (pending, then refused): nothing is written.
  await saveRan(page, () => page.click('[data-action="new"]'), 'failed');
  await page.goto(`${server.url}#/data`);
  assert.deepEqual(await peixunKeys(page), before);
  assert.equal(await page.evaluate(() => localStorage.getItem('peixun/backup')), record, 'the backup record as it was');

  // The file back: every draft is there.
  fs.renameSync(`${reader}.gone`, reader);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await ready(page);
  await page.waitForSelector('tr[data-app]');
  assert.equal(await page.locator('tr[data-app]').count(), drafts);
});
