'use strict';
// The HR office: 12 applications imported, ranked by keyboard, 附件2 on the page, as XLSX
// (read back with openpyxl), CSV and a landscape PDF, and the unit bundle.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { session, ready, newPage, tabTo, download: saveDownload } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-unit-'));

/** The unit's exports are large: 60 s for the XLSX worker's first start on a busy machine. */
const download = (page, click) => saveDownload(page, click, tmp, { timeout: 60000 });

/** A bundle of 12 applications made from the app's own examples, one title formula-like. */
async function twelveApplications(browser, server) {
  const page = await newPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  const file = await download(page, () => page.click('[data-action="export-all"]'));
  await page.context().close();
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  const apps = [];
  for (let i = 0; i < 12; i++) {
    const a = JSON.parse(JSON.stringify(bundle.applications[i % 3]));
    a.id = `app-${String(i + 1).padStart(2, '0')}`;
    a.title = i === 4 ? '=HYPERLINK("x")培训' : `${a.title}（${i + 1}）`;
    a.history = [];
    a.members.forEach((m, j) => { m.id = `${a.id}-m${j}`; });
    apps.push(a);
  }
  const out = path.join(tmp, 'twelve.peixun.json');
  fs.writeFileSync(out, JSON.stringify({ ...bundle, applications: apps }));
  return { file: out, apps };
}

const text0 = (pdf) => execFileSync('pdftotext', [pdf, '-']).toString();
const order = (page) => page.$$eval('[data-rank-row]', (rows) => rows.map((r) => r.dataset.rankRow));

test('an HR office ranks 12 applications by keyboard and exports 附件2 as XLSX, CSV and a landscape PDF', async (t) => {
  const { server, browser } = await session(t);
  const { file, apps } = await twelveApplications(browser, server);
  const page = await newPage(browser);
  await page.goto(`${server.url}#/unit`);
  await ready(page);
  await page.fill('#unit-name', '中国科学院物理研究所');
  await page.setInputFiles('input[data-action="import"]', [file]);
  await page.waitForSelector('[data-plan-summary]');
  assert.equal(await page.textContent('[data-plan-summary]'), '新增 12 份，更新 0 份，无变化 0 份，冲突 0 份');
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-rank-row]');
  const start = await order(page);
  assert.deepEqual(start, apps.map((a) => a.id));
  // Unranked until the office ranks: the ranking rule says so.
  assert.ok(await page.locator('.panel [data-rule="ranking"]').count() > 0);

  // By keyboard: the 3rd goes up twice, the 1st down once, the 12th is typed to rank 2.
  await tabTo(page, `[data-rank-row="${start[2]}"] [data-action="rank-up"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement.closest('[data-rank-row]')?.dataset.rankRow === id, start[2]);
  await page.keyboard.press('Enter');
  await tabTo(page, `[data-rank-row="${start[1]}"] [data-action="rank-down"]`);
  await page.keyboard.press('Enter');
  await tabTo(page, `[data-rank-input="${start[11]}"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  // 03 01 02 04 … → (02 down) 03 01 04 02 … → (12 to rank 2) 03 12 01 04 02 05 … 11.
  const expected = [start[2], start[11], start[0], start[3], start[1], ...start.slice(4, 11)];
  await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('[data-rank-row]')].map((r) => r.dataset.rankRow)) === want, JSON.stringify(expected));
  assert.equal(await page.locator('.panel [data-rule="ranking"]').count(), 0, 'every application ranked');

  // The on-page 附件2 follows the ranking.
  const tableOrder = await page.$$eval('[data-summary-row]', (rows) => rows.map((r) => r.dataset.summaryRow));
  assert.deepEqual(tableOrder, expected);
  const firstRank = await page.textContent(`[data-summary-row="${expected[0]}"] td:first-child`);
  assert.equal(firstRank, '1');

  // XLSX from the lazily loaded worker, read back with openpyxl.
  const xlsx = await download(page, () => page.click('[data-action="export-xlsx"]'));
  assert.match(path.basename(xlsx), /\.xlsx$/);
  const read = execFileSync('python3', ['-c', `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
print(json.dumps({"title": ws.title, "rows": rows}, ensure_ascii=False, default=str))
`, xlsx]).toString();
  const sheet = JSON.parse(read);
  assert.equal(sheet.title, '汇总表');
  const flat = sheet.rows.map((r) => r.filter((c) => c !== null).join('|'));
  assert.ok(flat.some((l) => l.includes('因公出国（境）培训项目计划申请汇总表')), 'title');
  assert.ok(flat.some((l) => l.includes('中国科学院物理研究所')), '填报单位');
  const header = sheet.rows.findIndex((r) => r[0] === '排序');
  assert.ok(header >= 0, 'header row');
  const columns = await page.$$eval('[data-summary-table] thead th', (ths) => ths.map((th) => th.textContent));
  assert.equal(columns.length, 15);
  assert.deepEqual(sheet.rows[header].slice(0, 15), columns, 'every header of 附件2');
  const data = sheet.rows.slice(header + 1, header + 13);
  const titles = expected.map((id) => apps.find((a) => a.id === id).title);
  assert.deepEqual(data.map((r) => String(r[0])), titles.map((_, i) => String(i + 1)));
  assert.deepEqual(data.map((r) => r[1]), titles);
  const totals = sheet.rows.slice(header + 13).filter((r) => r[0] === '合计');
  assert.ok(totals.length >= 4, 'totals rows');
  const persons = apps.reduce((n, a) => n + a.members.length, 0);
  assert.ok(totals.some((r) => String(r[5]) === String(persons)), `a total of ${persons} persons`);

  // CSV: a BOM for Excel, and the formula-like title made safe.
  const csv = fs.readFileSync(await download(page, () => page.click('[data-action="export-csv"]')));
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(csv.toString('utf8'), /'=HYPERLINK\(""x""\)培训/);

  // 附件2 printed on A4 landscape.
  await page.goto(`${server.url}#/unit/print`);
  await page.waitForSelector('[data-print="form-2"]');
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(tmp, 'form-2.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  assert.match(info, /Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts/, info);
  assert.doesNotMatch(text0(pdf), /导入完成|依据《/, "no page chrome on paper");
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
  assert.match(text, /因公出国（境）培训项目计划申请汇总表/);
  await page.emulateMedia({ media: 'screen' });

  // The unit bundle carries the ranking.
  await page.goto(`${server.url}#/unit`);
  await page.waitForSelector('[data-rank-row]');
  const unitFile = await download(page, () => page.click('[data-action="export-unit"]'));
  const unit = JSON.parse(fs.readFileSync(unitFile, 'utf8'));
  assert.equal(unit.kind, 'unit');
  assert.equal(unit.unit, '中国科学院物理研究所');
  assert.deepEqual(unit.ranking, expected);
});

test('the bureau view sums two units\' bundles per category and finds people on both lists', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser);
  const first = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'), 'utf8'));
  const second = JSON.parse(JSON.stringify(first));
  second.unit = '中国科学院另一研究所';
  second.applications.forEach((a, i) => { a.id = `second-${i}`; a.history = []; });
  second.ranking = second.applications.map((a) => a.id).reverse();
  // Everyone but one person in the second unit is renamed: that one is on both lists.
  second.applications.forEach((a) => a.members.forEach((m, j) => { if (!(a === second.applications[0] && j === 0)) m.name = `${m.name}乙`; }));
  const files = [path.join(tmp, 'unit-a.peixun.json'), path.join(tmp, 'unit-b.peixun.json')];
  fs.writeFileSync(files[0], JSON.stringify(first));
  fs.writeFileSync(files[1], JSON.stringify(second));

  await page.goto(`${server.url}#/unit/bureau`);
  await ready(page);
  await page.setInputFiles('input[data-action="open-units"]', files);
  await page.waitForSelector('[data-bureau-totals]');
  for (const [key, label] of [['youth', 'youth'], ['lead', 'lead'], ['keytech', 'keytech']]) {
    const apps = [...first.applications, ...second.applications].filter((a) => a.category === key);
    const persons = apps.reduce((n, a) => n + a.members.length, 0);
    const cells = await page.$$eval(`[data-bureau-totals] tr[data-category="${label}"] td`, (tds) => tds.map((td) => td.textContent));
    assert.equal(cells[1], String(apps.length), `${key} applications`);
    assert.equal(cells[2], String(persons), `${key} persons`);
  }
  const all = [...first.applications, ...second.applications];
  const total = await page.$$eval('[data-bureau-totals] tr[data-category="all"] td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(total.slice(1, 3), [String(all.length), String(all.reduce((n, a) => n + a.members.length, 0))]);
  assert.equal(await page.locator('[data-bureau-groups] tbody tr').count(), all.length);
  assert.equal(await page.getAttribute('[data-bureau-shared]', 'data-bureau-shared'), '1');
  assert.match(await page.textContent('[data-bureau-shared]'), new RegExp(second.applications[0].members[0].name));
  // Read-only: nothing was written.
  assert.equal(await page.evaluate(() => localStorage.getItem('peixun/index')), null);
});
