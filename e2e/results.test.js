'use strict';
// The loop back: two units send their unit bundles; the bureau (院人事局) records its
// selection on them, sets categories and amounts, and sends each unit its result file;
// each unit imports it and 执行与核销 shows the outcome without typing; a category the
// unit had typed differently is a conflict it resolves; the academy-wide XLSX reads back
// (openpyxl) with every row and decision. Fixed clock.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { session, ready, newPage, download: saveDownload } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-results-'));
const download = (page, click) => saveDownload(page, click, tmp, { timeout: 60000 });
const BUREAU_DAY = '2020-03-02T09:00:00+08:00';

function units() {
  const first = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'), 'utf8'));
  const second = JSON.parse(JSON.stringify(first));
  second.unit = '中国科学院另一研究所';
  second.applications.forEach((a, i) => { a.id = `second-${i}`; a.history = []; a.title = `${a.title}（乙）`; });
  second.ranking = second.applications.map((a) => a.id).reverse();
  const files = [path.join(tmp, 'unit-a.peixun.json'), path.join(tmp, 'unit-b.peixun.json')];
  fs.writeFileSync(files[0], JSON.stringify(first));
  fs.writeFileSync(files[1], JSON.stringify(second));
  return { first, second, files };
}

/** A unit's own browser with its applications (what it sent the bureau). */
async function unitBrowser(browser, server, file) {
  const page = await newPage(browser);
  await page.goto(server.url);
  await ready(page);
  await page.setInputFiles('input[data-action="import"]', [file]);
  await page.waitForSelector('[data-import-preview] [data-file]');
  await page.click('[data-action="confirm-import"]');
  await page.waitForSelector('[data-import-done]');
  return page;
}

async function importResult(page, file) {
  await page.goto(`${page.url().split('#')[0]}#/`);
  await ready(page);
  await page.setInputFiles('input[data-action="import"]', [file]);
  await page.waitForSelector('[data-result-plan]');
}

async function records(page) {
  await page.goto(`${page.url().split('#')[0]}#/execution`);
  await page.waitForSelector('li[data-record]');
  return page.$$eval('li[data-record]', (lis) => Object.fromEntries(lis.map((li) => [li.dataset.record, li.textContent])));
}

test('the bureau\'s selection goes back to each unit as a file and into its execution records', async (t) => {
  const { server, browser } = await session(t);
  const { first, second, files } = units();
  const [a1, a2, a3] = first.applications.map((a) => a.id); // youth, lead, keytech
  const [b1, b2] = second.applications.map((a) => a.id);

  const unitA = await unitBrowser(browser, server, files[0]);
  const unitB = await unitBrowser(browser, server, files[1]);
  // Unit B had typed a category from a letter: 优秀青年 for its first group.
  await unitB.goto(`${server.url}#/execution/${b1}`);
  await unitB.waitForSelector('[id="f-execution.approved_category-1"]');
  await unitB.check('[id="f-execution.approved_category-1"]');
  await unitB.waitForFunction(() => (localStorage.getItem('peixun/app/second-0') || '').includes('"approved_category":"youth"'));

  // The bureau opens both units' bundles and decides.
  const bureau = await newPage(browser, { clock: BUREAU_DAY });
  await bureau.goto(`${server.url}#/unit/bureau`);
  await ready(bureau);
  await bureau.setInputFiles('input[data-action="open-units"]', files);
  await bureau.waitForSelector('[data-bureau-groups] tr[data-group]');
  assert.equal(await bureau.locator('[data-bureau-groups] tr[data-group]').count(), 6);
  const row = (unit, id) => bureau.locator(`[data-bureau-groups] tr[data-group="${id}"][data-unit="${unit}"]`);
  const decide = async (unit, id, decision, category, amount, note) => {
    await row(unit, id).locator('[data-field="decision"]').selectOption(decision);
    if (category) await row(unit, id).locator('[data-field="approved_category"]').selectOption(category);
    if (amount) {
      await row(unit, id).locator('[data-field="funding"]').fill(amount);
      await row(unit, id).locator('[data-field="funding"]').press('Tab');
    }
    if (note) {
      await row(unit, id).locator('[data-field="note"]').fill(note);
      await row(unit, id).locator('[data-field="note"]').press('Tab');
    }
  };
  const [A, B] = ['中国科学院物理研究所', '中国科学院另一研究所'];
  await decide(A, a1, 'selected', 'youth', '120,000.00');
  await decide(A, a2, 'selected', 'lead', '１５０,０００');
  await decide(B, b1, 'selected', 'lead', '80000.5');
  await decide(B, b2, 'not_selected', null, null, '本轮名额已满');
  // A bad amount is said and changes nothing.
  await row(A, a3).locator('[data-field="funding"]').fill('-5');
  await row(A, a3).locator('[data-field="funding"]').press('Tab');
  await bureau.waitForSelector('[data-funding-error]');
  assert.match(await bureau.textContent('[data-funding-error]'), /不能为负数/);
  assert.equal(await row(A, a3).getAttribute('data-decision'), '');

  const unitCells = async (unit) => bureau.$$eval(`[data-selection-units] tr[data-unit="${unit}"] td`, (tds) => tds.map((td) => td.textContent));
  assert.deepEqual((await unitCells(A)).slice(1, 7), ['3', '2', '0', '1', '4', '¥270,000.00']);
  assert.deepEqual((await unitCells(B)).slice(1, 7), ['3', '1', '1', '1', '3', '¥80,000.50']);
  assert.deepEqual((await unitCells('all')).slice(1, 7), ['6', '3', '1', '2', '7', '¥350,000.50']);
  const lead = await bureau.$$eval('[data-selection-totals] tr[data-category="lead"] td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(lead.slice(1), ['2', '4', '30', '¥230,000.50'], 'lead: 张伟 and B\'s three approved as lead, against the plan of 30');

  // Kept in this browser: a reload and the same files show the same decisions.
  await bureau.waitForFunction(() => (localStorage.getItem('peixun/index') || '').includes('本轮名额已满'));
  await bureau.reload();
  await ready(bureau);
  await bureau.setInputFiles('input[data-action="open-units"]', files);
  await bureau.waitForSelector('[data-bureau-groups] tr[data-group]');
  assert.equal(await row(B, b2).getAttribute('data-decision'), 'not_selected');
  assert.equal(await row(A, a2).locator('[data-field="funding"]').inputValue(), '150000.00');

  const fileA = await download(bureau, () => bureau.click(`[data-action="export-result"][data-unit="${A}"]`));
  const fileB = await download(bureau, () => bureau.click(`[data-action="export-result"][data-unit="${B}"]`));
  assert.equal(path.basename(fileA), `遴选结果-${A}-20200302.peixun.json`);
  const resultA = JSON.parse(fs.readFileSync(fileA, 'utf8'));
  assert.equal(resultA.kind, 'result');
  assert.deepEqual(resultA.results.map((r) => [r.id, r.decision, r.funding]), [[a1, 'selected', 12000000], [a2, 'selected', 15000000]]);

  // The academy-wide XLSX, read back with openpyxl.
  const xlsx = await download(bureau, () => bureau.click('[data-action="export-selection-xlsx"]'));
  const rows = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c if c is not None else "" for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))
`, xlsx], { encoding: 'utf8' }));
  const header = rows.findIndex((r) => r[0] === '序号');
  const groups = rows.slice(header + 1, header + 7);
  assert.deepEqual(groups.map((r) => [r[1], r[3], r[7]]), [
    [A, first.applications[2].title, '未定'], // unit A's ranking: keytech, youth, lead
    [A, first.applications[0].title, '入选'],
    [A, first.applications[1].title, '入选'],
    [B, second.applications[2].title, '未定'], // unit B's ranking is reversed
    [B, second.applications[1].title, '未入选'],
    [B, second.applications[0].title, '入选'],
  ]);
  assert.equal(groups[2][10], 150000);
  assert.equal(groups[4][8], '本轮名额已满');

  // Unit A imports its file: decisions, categories and amounts without typing. A row of
  // another unit's slipped into it (with an id unit A also has) is said at its row and
  // never applied.
  const foreign = { ...resultA.results[0], id: a3, unit: B, title: '另一单位的团组' };
  const fileA2 = path.join(tmp, 'result-a-with-a-foreign-row.peixun.json');
  fs.writeFileSync(fileA2, JSON.stringify({ ...resultA, results: [...resultA.results, foreign] }));
  await importResult(unitA, fileA2);
  assert.match(await unitA.textContent('[data-result-summary]'), /2 份申请的执行记录有变化/);
  assert.match(
    await unitA.textContent('[data-result-skipped] li[data-path="results[2].unit"]'),
    /第 3 条结果（.*）是「中国科学院另一研究所」的申请.*这一条不导入/,
  );
  assert.equal(await unitA.locator(`[data-result-item="${a3}"]`).count(), 0);
  await unitA.click('[data-action="confirm-import"]');
  await unitA.waitForSelector('[data-import-done]');
  let shown = await records(unitA);
  assert.match(shown[a1], /已批准 · 优秀青年人才培养 · 院资助 ¥120,000.00/);
  assert.match(shown[a2], /已批准 · 领军人才研修 · 院资助 ¥150,000.00/);
  assert.match(shown[a3], /待审批/);

  // Unit B: the category it typed is a conflict until chosen.
  await importResult(unitB, fileB);
  const conflict = `[data-result-item="${b1}"] [data-conflict="approved_category"]`;
  await unitB.waitForSelector(conflict);
  assert.match(await unitB.textContent('[data-action="confirm-import"]'), /还有 1 处冲突/);
  assert.ok(await unitB.isDisabled('[data-action="confirm-import"]'));
  await unitB.check(`${conflict} input[data-choice="theirs"]`);
  await unitB.waitForSelector('[data-action="confirm-import"]:not([disabled])');
  await unitB.click('[data-action="confirm-import"]');
  await unitB.waitForSelector('[data-import-done]');
  shown = await records(unitB);
  assert.match(shown[b1], /已批准 · 领军人才研修 · 院资助 ¥80,000.50/);
  assert.match(shown[b2], /未获批/);
  await unitB.goto(`${server.url}#/execution/${b2}`);
  await unitB.waitForSelector('[data-academy-funding]');
  assert.match(await unitB.textContent('[data-academy-funding]'), /人事局意见：本轮名额已满/);

  // Unit A's file is not for unit B: said, nothing changed.
  await unitB.waitForFunction(() => (localStorage.getItem('peixun/app/second-0') || '').includes('"academy_funding":8000050'));
  const before = await unitB.evaluate(() => localStorage.getItem('peixun/app/second-0'));
  await unitB.goto(`${server.url}#/`);
  await ready(unitB);
  await unitB.setInputFiles('input[data-action="import"]', [fileA]);
  await unitB.waitForSelector('[data-import-preview] [data-file-error]');
  assert.match(await unitB.textContent('[data-file-error]'), /在本工作区都找不到/);
  await unitB.click('[data-action="cancel-import"]');
  assert.equal(await unitB.evaluate(() => localStorage.getItem('peixun/app/second-0')), before);
});
