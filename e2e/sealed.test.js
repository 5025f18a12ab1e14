'use strict';
// Sealed bundles: a leader seals an export with a passphrase (typed twice), a partner in
// another browser is refused with a wrong passphrase (nothing changes) and opens it with
// the right one; peixun-check opens the browser's file and the browser opens the CLI's; a
// malformed envelope has its own message; a member card sealed on a phone-sized page (4×
// CPU) opens at the leader's, with the time to seal and to open said.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { session, newPage, ready, download, goTo, noSavePending } = require('./support');

const ROOT = path.join(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-sealed-'));
const PASS = '团组口令 2020 春';

const snapshot = (page) =>
  page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** peixun-check, built as `make test` builds it (the native tests build it first). */
function check(args) {
  return spawnSync('cargo', ['run', '--quiet', '--features', 'xlsx', '--bin', 'peixun-check', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

async function sealWith(page, click) {
  await page.check('[data-action="seal-exports"]');
  await click();
  await page.waitForSelector('[data-seal-dialog]');
  await page.fill('[data-seal-passphrase]', '短口令');
  await page.fill('[data-seal-again]', '短口令');
  await page.click('[data-action="seal-export"]');
  assert.match(await page.textContent('[data-seal-problem]'), /口令至少 8 个字符/);
  await page.fill('[data-seal-passphrase]', PASS);
  await page.fill('[data-seal-again]', `${PASS}!`);
  await page.click('[data-action="seal-export"]');
  await page.waitForSelector('[data-seal-problem]:has-text("两次输入的口令不一致")');
  await page.fill('[data-seal-again]', PASS);
  const started = Date.now();
  const file = await download(page, () => page.click('[data-action="seal-export"]'), tmp, { timeout: 60000 });
  const ms = Date.now() - started;
  await page.waitForSelector('[data-seal-said]:has-text("已加密导出")');
  return { file, ms };
}

/** Imports `file` on `page`: the passphrase asked; returns the time from 打开 to the preview. */
async function openSealed(page, file, passphrase) {
  await page.setInputFiles('input[data-action="import"]', file);
  await page.waitForSelector('[data-import-locked]');
  await page.fill('[data-passphrase]', passphrase);
  const started = Date.now();
  await page.click('[data-action="unlock"]');
  await page.waitForSelector('[data-import-preview] [data-plan-summary], [data-import-preview] [data-file-ok]', { timeout: 60000 });
  return Date.now() - started;
}

test('a leader seals a bundle; a partner opens it with the passphrase, a wrong one changes nothing; peixun-check opens it', async (t) => {
  const { server, browser } = await session(t);
  const leader = await newPage(browser);
  await leader.goto(server.url);
  await ready(leader);
  await leader.click('[data-action="examples"]');
  const row = leader.locator('tr[data-app]', { hasText: '优秀青年人才培养' });
  const appId = await row.getAttribute('data-app');
  const { file } = await sealWith(leader, () => row.locator('[data-action="export"]').click());
  assert.match(path.basename(file), /\.peixun\.sealed\.json$/);
  const text = fs.readFileSync(file, 'utf8');
  const envelope = JSON.parse(text);
  assert.equal(envelope.format, 'peixun-sealed');
  assert.equal(envelope.kdf.name, 'PBKDF2-SHA256');
  assert.equal(envelope.kdf.iterations, 600000);
  assert.equal(envelope.cipher.name, 'AES-256-GCM');
  assert.ok(!text.includes('优秀青年') && !text.includes('研究所'), 'nothing readable in the file');

  // Another browser profile: refused with a wrong passphrase, nothing changed.
  const partner = await newPage(browser);
  await partner.goto(server.url);
  await ready(partner);
  const before = await snapshot(partner);
  await partner.setInputFiles('input[data-action="import"]', file);
  await partner.waitForSelector('[data-import-locked]');
  await partner.fill('[data-passphrase]', '团组口令 2020 秋');
  await partner.click('[data-action="unlock"]');
  await partner.waitForSelector('[data-unlock-error]', { timeout: 60000 });
  assert.match(await partner.textContent('[data-unlock-error]'), /口令不正确，或文件已损坏/);
  assert.equal(await snapshot(partner), before, 'a wrong passphrase changes nothing');
  // The right one: the ordinary preview, then the import.
  await partner.fill('[data-passphrase]', PASS);
  await partner.click('[data-action="unlock"]');
  await partner.waitForSelector('[data-import-preview] [data-plan-summary]', { timeout: 60000 });
  await partner.click('[data-action="confirm-import"]');
  await partner.waitForSelector('[data-import-done]');
  await partner.waitForSelector(`tr[data-app="${appId}"]`);

  // The command line opens the browser's file.
  const passFile = path.join(tmp, 'pass.txt');
  fs.writeFileSync(passFile, `${PASS}\n`);
  const r = check(['--today', '2020-01-10', '--passphrase-file', passFile, file]);
  assert.ok(r.status === 0 || r.status === 1, `peixun-check exit ${r.status}: ${r.stderr}`);
  assert.match(r.stdout, /共检查 1 个文件/);
  const wrong = check(['--today', '2020-01-10', file]);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /是加密的数据包/);
});

test("the browser opens peixun-check's sealed file; a malformed envelope has its own message", async (t) => {
  const plain = path.join(tmp, 'youth.peixun.json');
  fs.copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'valid-youth.peixun.json'), plain);
  const passFile = path.join(tmp, 'cli-pass.txt');
  fs.writeFileSync(passFile, 'command line 口令');
  const r = check(['--seal', '--passphrase-file', passFile, plain]);
  assert.equal(r.status, 0, r.stderr);
  const sealedFile = path.join(tmp, 'youth.peixun.sealed.json');
  assert.ok(fs.existsSync(sealedFile));

  const { server, browser } = await session(t);
  const page = await newPage(browser);
  await page.goto(server.url);
  await ready(page);
  await openSealed(page, sealedFile, 'command line 口令');
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]');
  await page.waitForSelector('[data-save-status="saved"]');

  const bad = path.join(tmp, 'bad.sealed.json');
  fs.writeFileSync(bad, JSON.stringify({ ...JSON.parse(fs.readFileSync(sealedFile, 'utf8')), version: 2 }));
  const before = await snapshot(page);
  await page.setInputFiles('input[data-action="import"]', bad);
  await page.waitForSelector('[data-import-preview] [data-file-error]');
  assert.match(await page.textContent('[data-file-error]'), /加密文件的格式不正确：version 2/);
  assert.equal(await page.$('[data-import-locked]'), null, 'no passphrase asked for it');
  assert.equal(await snapshot(page), before);
});

test("a member card sealed on a phone-sized page (4× CPU) opens at the leader's", async (t) => {
  const { server, browser } = await session(t);
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const cdp = await phone.context().newCDPSession(phone);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await phone.goto(`${server.url}#/card`);
  await ready(phone);
  await phone.waitForSelector('[id="f-members[0].name"]');
  await phone.fill('[id="f-members[0].name"]', '周合作');
  const { file, ms: sealMs } = await sealWith(phone, () => phone.click('[data-action="export-card"]'));
  assert.match(path.basename(file), /^成员信息卡-周合作.*\.sealed\.json$/);

  const leader = await newPage(browser);
  const lcdp = await leader.context().newCDPSession(leader);
  await lcdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await leader.goto(server.url);
  await ready(leader);
  const openMs = await openSealed(leader, file, PASS);
  assert.match(await leader.textContent('[data-import-preview]'), /周合作/);
  t.diagnostic(`4× CPU: seal and download ${sealMs} ms, open to the preview ${openMs} ms`);
  console.log(`sealed card on a phone-sized page at 4× CPU: seal ${sealMs} ms, open ${openMs} ms`);
});

const appHistory = (page, id) =>
  page.evaluate((id) => (JSON.parse(localStorage.getItem(`peixun/app/${id}`) || '{}').history || []).length, id);

test('a cancelled seal exports nothing and marks nothing; a sealed backup restores elsewhere', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  const row = page.locator('tr[data-app]', { hasText: '优秀青年人才培养' });
  const appId = await row.getAttribute('data-app');
  await page.waitForSelector('[data-save-status="saved"]');
  const before = await appHistory(page, appId);

  // 工作台: the dialog is cancelled; the application is not marked as sent (nothing saved).
  await page.check('[data-action="seal-exports"]');
  await row.locator('[data-action="export"]').click();
  await page.waitForSelector('[data-seal-dialog]');
  await page.click('[data-action="cancel-seal"]');
  await page.waitForSelector('[data-seal-said]:has-text("已取消：没有导出文件")');
  await noSavePending(page);
  assert.equal(await appHistory(page, appId), before, 'a cancelled export leaves the version history as it was');
  // Sealed and downloaded: now it is marked.
  await sealWith(page, () => row.locator('[data-action="export"]').click());
  await page.waitForFunction(([id, n]) => (JSON.parse(localStorage.getItem(`peixun/app/${id}`)).history || []).length > n, [appId, before]);

  // 数据与设置: a cancelled backup is not remembered as one; a sealed one is.
  await goTo(page, 'data');
  assert.equal(await page.textContent('[data-last-backup]'), '还没有备份过。');
  await page.click('[data-action="export-backup"]');
  await page.waitForSelector('[data-seal-dialog]');
  await page.click('[data-action="cancel-seal"]');
  await page.waitForSelector('[data-seal-said]:has-text("已取消")');
  assert.equal(await page.textContent('[data-last-backup]'), '还没有备份过。');
  const { file } = await sealWith(page, () => page.click('[data-action="export-backup"]'));
  assert.match(path.basename(file), /^peixun-备份-\d{8}-\d{4}\.sealed\.json$/);
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).format, 'peixun-sealed');
  assert.match(await page.textContent('[data-last-backup]'), /^上次备份：/);

  // Another profile restores it with the passphrase, through the ordinary preview.
  const other = await newPage(browser);
  await other.goto(`${server.url}#/data`);
  await ready(other);
  await openSealed(other, file, PASS);
  assert.match(await other.textContent('main'), /备份：3 份申请及单位设置/);
  await other.click('[data-action="confirm-import"]');
  await other.waitForFunction((n) => Object.keys(localStorage).filter((k) => k.startsWith('peixun/app/')).length === n, 3);
});

test("the bureau's result file sealed opens at the unit", async (t) => {
  const { server, browser } = await session(t);
  const unitFile = path.join(ROOT, 'tests', 'fixtures', 'unit-3-ranked.peixun.json');
  const unitBundle = JSON.parse(fs.readFileSync(unitFile, 'utf8'));
  const first = unitBundle.applications[0].id;

  const bureau = await newPage(browser);
  await bureau.goto(`${server.url}#/unit/bureau`);
  await ready(bureau);
  await bureau.setInputFiles('input[data-action="open-units"]', [unitFile]);
  const row = bureau.locator(`[data-bureau-groups] tr[data-group="${first}"]`);
  await row.locator('[data-field="decision"]').selectOption('selected');
  await bureau.waitForSelector(`[data-bureau-groups] tr[data-group="${first}"][data-decision="selected"]`);
  const { file } = await sealWith(bureau, () => bureau.click(`[data-action="export-result"][data-unit="${unitBundle.unit}"]`));
  assert.match(path.basename(file), /^遴选结果-.*\.sealed\.json$/);

  const unit = await newPage(browser);
  await unit.goto(server.url);
  await ready(unit);
  await unit.setInputFiles('input[data-action="import"]', unitFile);
  await unit.waitForSelector('[data-import-preview] [data-file]');
  await unit.click('[data-action="confirm-import"]');
  await unit.waitForSelector('[data-import-done]');
  await unit.setInputFiles('input[data-action="import"]', file);
  await unit.waitForSelector('[data-import-locked]');
  await unit.fill('[data-passphrase]', PASS);
  await unit.click('[data-action="unlock"]');
  await unit.waitForSelector(`[data-result-plan] [data-result-item="${first}"]`, { timeout: 60000 });
});
