'use strict';
// Two tabs on the same drafts: a change in one shows up in the other; when both changed
// the same draft, neither overwrites the other until the user chooses.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { openApp, ready, noSavePending, writeOtherVersion } = require('./support');

// Adds a 核销表 row and types its person, in one task (no save can come between).
const addRow = (page, person) => page.evaluate((name) => {
  document.querySelector('[data-action="add-row"]').click();
  return new Promise((done) => requestAnimationFrame(() => {
    const input = document.querySelector('[id="r-0-person"]');
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    done();
  }));
}, person);

// The app's name for a version of the index: FNV-1a (64 bits) of its UTF-8 text, in hex.
const version = (text) => {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
};

const stored = (page, id) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `peixun/app/${id}`);

test('an edit in one tab shows up in the other; a clash asks which to keep and loses nothing', async (t) => {
  const { page: a, server } = await openApp(t);
  await a.click('[data-action="examples"]');
  await a.waitForSelector('tr[data-app]');
  const id = await a.$eval('tr[data-app]', (r) => r.dataset.app);
  const b = await a.context().newPage();
  await b.goto(`${server.url}#/apply/${id}/basic`);
  await ready(b);
  await a.goto(`${server.url}#/apply/${id}/basic`);
  await a.waitForSelector('[id="f-title"]');

  // A types, saves; B (no unsaved change) takes A's version at once.
  await a.fill('[id="f-title"]', '标题：来自标签页 A');
  await a.waitForFunction((k) => localStorage.getItem(k).includes('来自标签页 A'), `peixun/app/${id}`);
  await b.waitForFunction(() => document.querySelector('[id="f-title"]').value === '标题：来自标签页 A');
  assert.equal(await b.locator('[data-tab-conflicts]').count(), 0);

  // A new application made in B appears in A's workspace.
  await b.goto(`${server.url}#/`);
  await b.click('[data-action="new"]');
  await b.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === 4);
  await a.goto(`${server.url}#/`);
  await a.waitForFunction(() => document.querySelectorAll('tr[data-app]').length === 4);

  // Both change the same draft before either sees the other's save: each tab keeps its
  // own text on screen, storage keeps the first save, and both tabs ask.
  await a.goto(`${server.url}#/apply/${id}/basic`);
  await b.goto(`${server.url}#/apply/${id}/basic`);
  await Promise.all([a.waitForSelector('[id="f-title"]'), b.waitForSelector('[id="f-title"]')]);
  await Promise.all([
    a.evaluate(() => { const i = document.querySelector('[id="f-title"]'); i.value = 'A 的改动'; i.dispatchEvent(new Event('input', { bubbles: true })); }),
    b.evaluate(() => { const i = document.querySelector('[id="f-title"]'); i.value = 'B 的改动'; i.dispatchEvent(new Event('input', { bubbles: true })); }),
  ]);
  const sel = `[data-tab-conflict="${id}"]`;
  await Promise.race([a, b].map((p) => p.waitForSelector(sel).catch(() => null)));
  // Both tabs' views of storage agree once the other's write has reached them.
  const title = async (p) => (await stored(p, id)).title;
  let saved;
  for (let i = 0; i < 50; i++) {
    const [x, y] = [await title(a), await title(b)];
    if (x === y) { saved = x; break; }
    await a.waitForTimeout(100); // a poll (5 s at most) for a condition, not a wait for time
  }
  assert.ok(['A 的改动', 'B 的改动'].includes(saved), saved);
  // The tab whose version is not stored still shows its own text and asks.
  const loser = saved === 'A 的改动' ? b : a;
  const winner = loser === a ? b : a;
  const mine = saved === 'A 的改动' ? 'B 的改动' : 'A 的改动';
  assert.equal(await loser.inputValue('[id="f-title"]'), mine);
  await loser.waitForSelector(sel);
  assert.equal(await loser.getAttribute('[data-save-status]', 'data-save-status'), 'failed');

  // It keeps its own: written over the other's. The other tab follows, or, if it was
  // asked too (two writes a few ms apart), its open question now offers this version.
  await loser.click(`${sel} [data-action="keep-mine"]`);
  await loser.waitForFunction(([k, v]) => JSON.parse(localStorage.getItem(k)).title === v, [`peixun/app/${id}`, mine]);
  await winner.waitForFunction(([v, s]) => document.querySelector('[id="f-title"]').value === v || document.querySelector(s), [mine, sel]);
  if (await winner.locator(sel).count()) await winner.click(`${sel} [data-action="take-theirs"]`);
  await winner.waitForFunction((v) => document.querySelector('[id="f-title"]').value === v, mine);
  assert.equal(await loser.locator('[data-tab-conflicts]').count(), 0);
  assert.equal(await title(winner), mine);
});

test('taking the other tab\'s version replaces ours on screen and in storage', async (t) => {
  const { page: a, server } = await openApp(t);
  await a.click('[data-action="examples"]');
  await a.waitForSelector('tr[data-app]');
  const id = await a.$eval('tr[data-app]', (r) => r.dataset.app);
  await a.goto(`${server.url}#/apply/${id}/basic`);
  await a.waitForSelector('[id="f-title"]');
  const b = await a.context().newPage();
  await b.goto(`${server.url}#/`);
  await ready(b);
  // The other tab edits the version both started from while this one types: whether this
  // tab's save lands before or after (300 ms, load decides), neither version continues the
  // other, so this tab must ask.
  const base = await b.evaluate((k) => localStorage.getItem(k), `peixun/app/${id}`);
  await a.evaluate(() => {
    const i = document.querySelector('[id="f-title"]');
    i.value = '本页未保存的标题';
    i.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await writeOtherVersion(b, id, base, '另一标签页的标题');
  await a.waitForSelector(`[data-tab-conflict="${id}"]`);
  assert.equal(await a.inputValue('[id="f-title"]'), '本页未保存的标题');
  await a.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).title === '另一标签页的标题', `peixun/app/${id}`);
  await a.click(`[data-tab-conflict="${id}"] [data-action="take-theirs"]`);
  await a.waitForFunction(() => document.querySelector('[id="f-title"]').value === '另一标签页的标题');
  await a.waitForFunction(() => document.querySelector('[data-save-status]')?.dataset.saveStatus === 'saved');
  assert.equal((await stored(a, id)).title, '另一标签页的标题');
});

test('two tabs adding 核销表 rows at the same time keep both rows', async (t) => {
  const { page: a, server } = await openApp(t, '#/execution/reimbursement');
  const b = await a.context().newPage();
  await b.goto(`${server.url}#/execution/reimbursement`);
  await ready(b);
  await Promise.all([a.waitForSelector('#period-year'), b.waitForSelector('#period-year')]);
  // Both add a row and type into it before either tab's save (300 ms) reaches the other.
  await Promise.all([addRow(a, '甲（标签页 A）'), addRow(b, '乙（标签页 B）')]);
  const persons = (p) => p.evaluate(() => (JSON.parse(localStorage.getItem('peixun/index')).workspace.reimbursements || []).map((r) => r.person).sort());
  await a.waitForFunction(() => {
    const rows = JSON.parse(localStorage.getItem('peixun/index') || '{}').workspace?.reimbursements || [];
    return rows.length === 2 && rows.every((r) => r.person);
  }, null, { timeout: 5000 });
  assert.deepEqual(await persons(a), ['乙（标签页 B）', '甲（标签页 A）']);
  // Each tab shows both rows once the other's save has reached it.
  for (const p of [a, b]) {
    await p.waitForFunction(() => document.querySelectorAll('fieldset[data-row]').length === 2, null, { timeout: 5000 });
  }
  assert.deepEqual(await persons(b), ['乙（标签页 B）', '甲（标签页 A）']);
});

test('an index written over an older version (two tabs saving at once) gets this tab\'s row merged in again; one written over this tab\'s is taken as it is', async (t) => {
  const { page: a, server } = await openApp(t, '#/execution/reimbursement');
  await a.waitForSelector('#period-year');
  const index = () => a.evaluate(() => localStorage.getItem('peixun/index'));
  const rows = () => a.locator('fieldset[data-row]').count();
  await addRow(a, '甲（标签页 A）');
  await a.waitForFunction(() => JSON.parse(localStorage.getItem('peixun/index') || '{}').workspace?.reimbursements?.[0]?.person);
  const ours = JSON.parse(await index());
  assert.equal(ours.parent, '', 'written where no index was');

  // The other tab had not seen that write: it writes its own row over the same version,
  // and the browser keeps its write (the later one). Any page of the origin writes as a tab does.
  const other = await a.context().newPage();
  await other.goto(`${server.url}recover.html`);
  const write = (value) => other.evaluate((text) => localStorage.setItem('peixun/index', text), JSON.stringify(value));
  const row = { ...ours.workspace.reimbursements[0], id: 'other-tab-row', person: '乙（另一标签页）' };
  const theirs = { ...ours, workspace: { ...ours.workspace, reimbursements: [row] } };
  await write(theirs);
  await a.waitForFunction(() => JSON.parse(localStorage.getItem('peixun/index')).workspace.reimbursements.length === 2);
  const merged = JSON.parse(await index());
  assert.deepEqual(merged.workspace.reimbursements.map((r) => r.person).sort(), ['乙（另一标签页）', '甲（标签页 A）']);
  assert.equal(merged.parent, version(JSON.stringify(theirs)), 'written over the other tab\'s version');
  assert.equal(await rows(), 2);

  // A write over A's own version that removes A's row: nothing of A's was missed, so it is taken.
  const after = { ...merged, parent: version(await index()), workspace: { ...merged.workspace, reimbursements: [row] } };
  await write(after);
  await a.waitForFunction(() => document.querySelectorAll('fieldset[data-row]').length === 1);
  // And not written back: A's page shows, and the key keeps, the other tab's version. A
  // write-back would have been asked for as A took the change (the save status pending):
  // once nothing is pending, the key holds whatever A was going to write.
  await noSavePending(a);
  assert.equal(await index(), JSON.stringify(after));
  assert.equal(await rows(), 1);
});

test('another tab\'s writes that come before this tab can read drafts wait, in order, and are applied once it can', async (t) => {
  // A copy of the site whose reader of stored drafts is missing for a while (a half-updated
  // host): both tabs start on an empty browser, so they mount without it.
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const { DIST, session, newContext } = require('./support');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-tabs-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.cpSync(DIST, root, { recursive: true });
  const reader = path.join(root, fs.readdirSync(root).find((d) => d.startsWith('app-')), 'split_reader.wasm');
  fs.renameSync(reader, `${reader}.gone`);
  const { server, browser } = await session(t, root);
  const context = await newContext(browser, { serviceWorkers: 'block' });
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(server.url);
  await ready(a);
  await b.goto(server.url);
  await ready(b);

  // A adds the examples; B cannot read them yet and says so, writing nothing.
  await a.click('[data-action="examples"]');
  await a.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === 3);
  await b.waitForSelector('[data-save-status="failed"]');
  assert.match(await b.textContent('[data-save-status]'), /另一个标签页修改了数据.*没有下载成功/);
  assert.equal(await b.locator('tr[data-app]').count(), 0);

  // The file is back; A's next three reach B with the first three: all six, in A's order.
  fs.renameSync(`${reader}.gone`, reader);
  await a.click('[data-action="examples"]');
  await a.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === 6);
  await b.waitForFunction(() => document.querySelectorAll('tr[data-app]').length === 6);
  const ids = (p) => p.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app));
  assert.deepEqual(await ids(b), await ids(a));
  assert.deepEqual(JSON.parse(await b.evaluate(() => localStorage.getItem('peixun/index'))).applications, await ids(a));
});
