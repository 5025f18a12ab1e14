'use strict';
// 核销表: rows typed by keyboard, money read exactly (0.10 + 0.20 = 0.30), a typo refused
// with its reason and nothing changed, a row outside the period flagged, the sharing list
// for the yearly review, XLSX read back with openpyxl, A4 landscape print.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { openApp } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-reimb-'));
const f = (row, field) => `[id="r-${row}-${field}"]`;

async function row(page, i, fields) {
  await page.click('[data-action="add-row"]');
  await page.waitForSelector(f(i, 'person'));
  for (const [field, value] of Object.entries(fields)) await page.fill(f(i, field), value);
}

test('a unit fills the 核销表 for 2019-09 – 2020-08: exact totals, a flagged row, XLSX and print', async (t) => {
  // In 2021 the period settled is 2020-09 – 2021-08: every row here lies before it.
  const { page } = await openApp(t, '#/execution/reimbursement', { clock: '2021-03-01T09:00:00+08:00' });
  await page.waitForSelector('#period-year');
  await page.selectOption('#period-year', '2020');
  assert.equal(await page.textContent('[data-period]'), '核销期：2019-09-01 至 2020-08-31');
  assert.match(await page.textContent('[data-settlement]'), /2020-09-01 至 2020-09-30/);

  const trip = { project: '量子材料表征技术研修', country: '德国', exit_date: '2020-06-01', return_date: '2020/6/14' };
  await row(page, 0, { person: '张三', ...trip, expense_date: '2020-06-20', other: '0.10', accommodation: '12,345.67' });
  await row(page, 1, { person: '李二', ...trip, expense_date: '2019-08-31', other: '0.20', academy_funding: '6000' });

  // A European decimal comma is refused with its reason; the stored amount stays as it was.
  await page.fill(f(1, 'meals'), '12,5');
  assert.match(await page.textContent(`[id="r-1-meals-error"]`), /千位分隔符/);
  assert.equal(await page.getAttribute(f(1, 'meals'), 'aria-invalid'), 'true');
  await page.fill(f(1, 'meals'), '');
  await page.keyboard.press('Tab');

  const total = page.locator('[data-total] td');
  await page.waitForFunction(() => document.querySelector('[data-total] td:nth-child(11)')?.textContent === '¥0.30');
  assert.deepEqual((await total.allTextContents()).slice(0, 2), ['合计', '2 人次']);
  assert.equal(await total.nth(11).textContent(), '¥12,345.97');
  assert.equal(await total.nth(14).textContent(), '¥6,345.97');
  // Stored in fen, never floats.
  await page.waitForFunction(() => localStorage.getItem('peixun/index').includes('600000'));
  const index = JSON.parse(await page.evaluate(() => localStorage.getItem('peixun/index')));
  const rows = JSON.stringify(index).match(/"other":\s*(\d+)/g);
  assert.deepEqual(rows, ['"other":10', '"other":20']);

  // 2019-08-31 is the day before the period: that row is marked in the table.
  assert.deepEqual(await page.$$eval('[data-reimbursement-table] tbody tr', (trs) => trs.map((tr) => tr.dataset.outOfPeriod ?? '')), ['', '1', '']);
  assert.match(await page.textContent('[data-reimbursement-table] tbody tr:nth-child(2)'), /不在核销期内/);
  // The rule checks the period settled this year: rows of 2019–2020 are all outside it today.
  assert.equal(await page.locator('[data-row="1"] [data-rule="reimbursement-period"]').count(), 1);

  // XLSX from the worker, read back with openpyxl.
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('[data-action="export-xlsx"]')]);
  const xlsx = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(xlsx);
  assert.match(path.basename(xlsx), /^核销表-2020.*\.xlsx$/);
  const read = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps({"title": ws.title, "rows": [list(r) for r in ws.iter_rows(values_only=True)]}, ensure_ascii=False, default=str))
`, xlsx]).toString());
  assert.equal(read.title, '核销表');
  const [totals] = read.rows.filter((r) => r[0] === '合计');
  assert.equal(totals[10], 0.3);
  assert.equal(totals[11], 12345.97);
  assert.equal(totals[14], 6345.97);
  assert.deepEqual(read.rows.map((r) => r[0]).slice(5, 7), ['张三', '李二']);

  // Printed on A4 landscape without the page chrome.
  await page.click('a[href="#/execution/reimbursement/print"]');
  await page.waitForSelector('[data-print="reimbursement"]');
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(tmp, 'reimbursement.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  assert.match(execFileSync('pdfinfo', [pdf]).toString(), /Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
  assert.match(text, /中国科学院因公出国（境）院内资助费用核销表（单位）/);
  assert.match(text, /¥12,345\.97/);
  assert.doesNotMatch(text, /返回核销表|依据《/);
});

test('the yearly review lists every group\'s sharing activities with counts per form', async (t) => {
  const { page } = await openApp(t);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  const apps = await page.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app));
  for (const [app, date, form, audience] of [[apps[0], '2020-11-02', 0, '80'], [apps[1], '2020-10-20', 2, '30']]) {
    await page.goto(`${page.url().split('#')[0]}#/execution/${app}`);
    await page.click('[data-action="add-activity"]');
    await page.fill('[id="f-execution.sharing[0].date"]', date);
    await page.check(`[id="f-execution.sharing[0].form-${form}"]`);
    await page.fill('[id="f-execution.sharing[0].audience"]', audience);
  }
  await page.click('a[href="#/execution"]');
  await page.waitForSelector('[data-sharing-review] table');
  assert.equal(await page.textContent('[data-sharing-totals]'), '2 个团组共开展 2 次分享活动，听众 110 人次');
  assert.deepEqual(await page.$$eval('[data-activity-row]', (rs) => rs.map((r) => r.dataset.activityRow)), [apps[1], apps[0]]);
  assert.match(await page.textContent('[data-form="学术报告"]'), /1 次，80 人次/);
});
