'use strict';
// Personal data has an end: 「清除本机数据」 on 数据与设置 offers the backup first, names what
// will go (applications, persons), asks once more, and then leaves no `peixun/` key behind,
// not even after the page is hidden (the save that runs then writes nothing); the bureau's
// kept unit bundles (IndexedDB) go too; another tab stops saving and keeps what it shows.
// Cancelling changes nothing. The app's offline files are not storage and stay.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ready, fileSession, download, newPage, goTo } = require('./support');

const shared = fileSession();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-clear-'));
/** How many unit bundles the bureau keeps (after the app made its database). */
const keptBundles = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('peixun-bureau');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const count = db.transaction('unit-bundles').objectStore('unit-bundles').count();
    count.onsuccess = () => { db.close(); resolve(count.result); };
    count.onerror = () => reject(count.error);
  };
}));
const keys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('peixun/')).sort());

test('清除本机数据: backup first, what goes is named, asked twice, then no peixun/ key is left', async () => {
  const page = await newPage(shared.browser);
  await page.goto(shared.server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  await page.waitForSelector('[data-save-status="saved"]');
  // The bureau keeps a unit bundle it opened.
  await page.goto(`${shared.server.url}#/unit/bureau`);
  await page.setInputFiles('input[data-action="open-units"]', path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'));
  await page.waitForSelector('[data-bureau-groups] tr[data-group]');
  await page.waitForSelector('[data-bureau-kept="1"]', { state: 'attached' });
  assert.equal(await keptBundles(page), 1);
  // The offline files, once the service worker has them.
  await page.waitForFunction(async () => (await caches.keys()).length > 0);
  const cached = await page.evaluate(async () => (await caches.keys()).sort());
  // A second tab on 工作台 with the drafts.
  const other = await page.context().newPage();
  await other.goto(shared.server.url);
  await ready(other);
  await other.waitForSelector('tr[data-app]');
  const before = await keys(page);
  assert.ok(before.filter((k) => k.startsWith('peixun/app/')).length === 3, before.join());

  await goTo(page, 'data');
  await page.click('[data-action="clear-data"]');
  await page.waitForSelector('[data-clear-asked]');
  // The three examples' members: each a person of their own.
  const persons = await page.evaluate(() => {
    const apps = Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).map((k) => JSON.parse(localStorage.getItem(k)));
    return new Set(apps.flatMap((a) => a.members.map((m) => `${m.name}|${m.birth_date}`))).size;
  });
  assert.match(await page.textContent('[data-clear-what]'), new RegExp(`将从本浏览器删除 3 份申请、${persons} 位人员的资料`));

  // Cancelling changes nothing.
  await page.click('[data-clear-asked] [data-action="clear-cancel"]');
  await page.waitForSelector('[data-action="clear-data"]');
  assert.deepEqual(await keys(page), before);

  // The backup first: a real file with every key.
  await page.click('[data-action="clear-data"]');
  const file = await download(page, () => page.click('[data-action="clear-export-backup"]'), tmp);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const k of before.filter((k) => k !== 'peixun/backup')) assert.ok(k in backup.entries, `${k} in the backup`);
  await page.waitForSelector('[data-clear-backup]');

  await page.click('[data-action="clear-continue"]');
  await page.waitForSelector('[data-clear-confirm]');
  assert.ok((await keys(page)).length > 0, 'nothing removed before the second answer');
  await page.click('[data-action="confirm-clear"]');
  await page.waitForSelector('[data-cleared]');
  assert.deepEqual(await keys(page), []);
  assert.equal((await page.textContent('[data-save-status]')).trim(), '本机数据已清除：本页不再保存。刷新本页即可重新开始。');
  assert.equal(await keptBundles(page), 0, 'the bureau\'s kept bundles are gone');
  assert.deepEqual(await page.evaluate(async () => (await caches.keys()).sort()), cached, 'the offline files stay');

  // The other tab stops saving and keeps what it shows; its change and its pagehide write nothing.
  await other.waitForSelector('[data-stopped-saving]');
  assert.match(await other.textContent('[data-stopped-saving] h2'), /另一个标签页清除了本机数据，本页不再保存/);
  assert.equal(await other.locator('tr[data-app]').count(), 3);
  await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await keys(other), []);

  // Hidden (the page's last save runs at once): still nothing written.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await page.waitForSelector('[data-save-status="failed"]');
  assert.deepEqual(await keys(page), []);
  // 工作台 shows nothing of what was there.
  await goTo(page, '');
  await page.waitForSelector('[data-action="examples"]');
  assert.equal(await page.locator('tr[data-app]').count(), 0);
  assert.deepEqual(await keys(page), []);
  await page.context().close();
});
