'use strict';
// A tab that is running when another tab (a newer version of the app, or a damaged write)
// leaves peixun/index in a form it cannot read never writes its own over it: it stops
// saving, keeps its changes on screen, says so and offers a backup of what it shows.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { openApp, download } = require('./support');

const MESSAGE = '另一个标签页使用了新版本的数据，请刷新本页';

// Adds a 核销表 row and types its person, in one task (no save can come between).
const addRow = (page, person) => page.evaluate((name) => {
  document.querySelector('[data-action="add-row"]').click();
  return new Promise((done) => requestAnimationFrame(() => {
    const inputs = document.querySelectorAll('fieldset[data-row] [id$="-person"]');
    const input = inputs[inputs.length - 1];
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    done();
  }));
}, person);

const index = (page) => page.evaluate(() => localStorage.getItem('peixun/index'));
const rows = (page) => page.locator('fieldset[data-row]').count();

// What a newer version of the app would write: a higher schema and a field this one lacks.
const newer = (text) => {
  const ours = JSON.parse(text);
  return JSON.stringify({ ...ours, schema: 2, parent: '', workspace: { ...ours.workspace, budget_lines: [{ id: 'b1', amount: 120000 }] } });
};

// A's 核销表 with one row, saved.
async function runningTab(t) {
  const { page: a, server } = await openApp(t, '#/execution/reimbursement');
  await a.waitForSelector('[data-action="add-row"]');
  await addRow(a, '甲（本页）');
  await a.waitForFunction(() => JSON.parse(localStorage.getItem('peixun/index') || '{}').workspace?.reimbursements?.[0]?.person === '甲（本页）');
  return { a, server };
}

test('another tab writes an index of a newer version: this tab stops saving, says so, keeps its change on screen and backs it up', async (t) => {
  const { a, server } = await runningTab(t);
  const b = await a.context().newPage();
  await b.goto(`${server.url}recover.html`);
  const theirs = newer(await index(a));
  await b.evaluate((text) => localStorage.setItem('peixun/index', text), theirs);

  // The running tab says it at once, where the save status is and in an alert.
  await a.waitForSelector('[data-stopped-saving]');
  assert.match(await a.textContent('[data-stopped-saving]'), new RegExp(MESSAGE));
  assert.equal(await a.getAttribute('[data-stopped-saving]', 'role'), 'alert');
  assert.equal(await a.getAttribute('[data-save-status]', 'data-save-status'), 'failed');
  assert.match(await a.textContent('[data-save-status]'), new RegExp(MESSAGE));

  // A settings change: on screen, and still not written, even when the page is left (its
  // save on pagehide runs in the event's dispatch, so it has run when this returns).
  await addRow(a, '乙（本页，未保存）');
  await a.waitForFunction(() => document.querySelectorAll('fieldset[data-row]').length === 2);
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await index(a), theirs, 'the newer version\'s index, byte for byte');
  assert.equal(await rows(a), 2);
  assert.equal(await a.getAttribute('[data-save-status]', 'data-save-status'), 'failed');

  // 「导出备份」: a backup of what this page shows (both rows), which 「从备份恢复」 reads.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-newer-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = await download(a, () => a.click('[data-stopped-saving] [data-action="export-page-backup"]'), dir);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(backup.format, 'peixun-backup');
  const saved = JSON.parse(backup.entries['peixun/index']);
  assert.equal(saved.schema, 1);
  assert.deepEqual(saved.workspace.reimbursements.map((r) => r.person), ['甲（本页）', '乙（本页，未保存）']);
  assert.equal(await index(a), theirs);
});

test('this tab\'s own save finds an index of a newer version already stored (before its event came): nothing is written over it', async (t) => {
  const { a } = await runningTab(t);
  // Written by this page's own script, so no storage event reaches it: its next save is
  // the first to see the newer index, as when another tab's write and this tab's save
  // come within the same moment.
  const theirs = newer(await index(a));
  await a.evaluate((text) => localStorage.setItem('peixun/index', text), theirs);
  await addRow(a, '乙（本页，未保存）');
  // The positive signal: the save ran, found the index unreadable and says so.
  await a.waitForSelector('[data-stopped-saving]');
  assert.match(await a.textContent('[data-save-status]'), new RegExp(MESSAGE));
  assert.equal(await index(a), theirs, 'the newer version\'s index, byte for byte');
  assert.equal(await rows(a), 2);
  // Further changes wait on screen too.
  await addRow(a, '丙（本页，未保存）');
  await a.waitForFunction(() => document.querySelectorAll('fieldset[data-row]').length === 3);
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await index(a), theirs);
});

test('a damaged index written by another tab stops this tab\'s saving too, and says it cannot be read', async (t) => {
  const { a, server } = await runningTab(t);
  const b = await a.context().newPage();
  await b.goto(`${server.url}recover.html`);
  const damaged = (await index(a)).slice(0, 40);
  await b.evaluate((text) => localStorage.setItem('peixun/index', text), damaged);
  await a.waitForSelector('[data-stopped-saving]');
  assert.match(await a.textContent('[data-stopped-saving]'), /另一个标签页写入的数据无法读取/);
  await addRow(a, '乙（本页，未保存）');
  await a.waitForFunction(() => document.querySelectorAll('fieldset[data-row]').length === 2);
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await index(a), damaged);
});
