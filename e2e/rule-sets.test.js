'use strict';
// 规则集: an HR office copies the built-in rule-set, edits it into the next round's (a
// problem is shown at its field and nothing is saved until it is fixed), saves and uses
// it, exports the file; a second browser imports that file through the preview, uses it,
// and 规则说明 shows the new limits. A cut-off file is refused in Chinese, nothing changed.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ready, newPage, fileSession, download, seriousViolations, noSavePending } = require('./support');

const shared = fileSession();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-rule-sets-'));

const storage = (page) =>
  page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k !== 'peixun/backup').sort()));
const field = (p) => `[id="rs-${p}"]`;
const row = (id) => `main[data-page="rule-sets"] li[data-rule-set="${id}"]`;

async function open(hash) {
  const page = await newPage(shared.browser);
  await page.goto(`${shared.server.url}${hash}`);
  await ready(page);
  return page;
}

/** Waits until what this tab saved is in localStorage (the 300 ms autosave). */
async function saved(page) {
  await page.waitForSelector('[data-save-status="saved"]');
}

let exported;

test('copy the built-in rule-set, fix a problem at its field, save and use it, export it', async () => {
  const page = await open('#/rule-sets');
  await page.waitForSelector(`${row('cas-2020')} [data-in-use]`);
  assert.match(await page.textContent(row('cas-2020')), /内置/);

  // The built-in one is shown read-only, every number included.
  await page.click(`${row('cas-2020')} [data-action="view-rule-set"]`);
  await page.waitForSelector('[data-read-only-note]');
  assert.equal(await page.inputValue(field('categories.youth.max_age')), '40');
  assert.equal(await page.getAttribute(field('categories.youth.max_age'), 'readonly'), '');
  assert.equal(await page.locator('[data-action="save-rule-set"]').count(), 0);
  await page.click('[data-action="close-form"]');

  await page.click(`${row('cas-2020')} [data-action="copy-rule-set"]`);
  await page.waitForSelector('#rs-form-title');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'rs-form-title');
  assert.equal(await page.inputValue(field('id')), 'cas-2020-copy');
  assert.match(await page.inputValue(field('name')), /（副本）$/);

  await page.fill(field('id'), 'cas-2026');
  await page.fill(field('name'), '中国科学院 2026 年度因公出国（境）培训项目');
  await page.fill(field('program_year.start'), '2026-01-01');
  await page.fill(field('program_year.end'), '2026-12-31');
  await page.fill(field('categories.youth.max_age'), '45');
  await page.fill(field('categories.youth.min_members'), '6');
  await page.fill(field('categories.youth.max_members'), '5');
  await page.fill(field('categories.keytech.min_members'), '3');
  await page.fill(field('categories.keytech.max_members'), '5');
  // A notice numbered otherwise: the clause a rule cites is the rule-set's.
  const clauses = await page.inputValue(field('clauses'));
  assert.match(clauses, /^required 二\(八\)$/m);
  await page.fill(field('clauses'), clauses.replace(/^required .*$/m, 'required 第三条'));
  await page.fill(field('submission_deadline'), '2026/3/31');
  await page.press(field('submission_deadline'), 'Tab');
  assert.equal(await page.inputValue(field('submission_deadline')), '2026-03-31', 'shown the one way it is kept');

  // A year the app lacks, with a bad line first: its problem is at the year's holidays.
  await page.click('[data-action="add-year"]');
  await page.waitForSelector(field('calendar[0].year'));
  await page.fill(field('calendar[0].year'), '2027');
  await page.fill(field('calendar[0].source'), '国办发明电〔2026〕1号');
  await page.fill(field('calendar[0].holidays'), '2027-13-01 元旦');
  assert.match(
    await page.textContent('[data-field="calendar[0].holidays"] .finding--error'),
    /第 1 行：“2027-13-01” 不是有效的日期/,
  );
  await page.fill(field('calendar[0].holidays'), '2027-01-01 2027-01-01 元旦');
  await page.waitForSelector('[data-field="calendar[0].holidays"] .finding--error', { state: 'detached' });

  // Youth 6–5 is refused: shown at its field, focus to the summary, nothing saved.
  const before = await storage(page);
  await page.click('[data-action="save-and-use"]');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'rs-summary');
  assert.match(
    await page.textContent('[data-field="categories.youth.max_members"] .finding--error'),
    /最多人数 5 少于最少人数 6/,
  );
  assert.equal(await page.locator('#rs-summary li').count(), 1);
  // The summary's link moves focus to the field.
  await page.click('#rs-summary li a');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'rs-categories.youth.max_members');
  // A save would have been asked for with the click (status pending); none waits now.
  await noSavePending(page);
  assert.equal(await storage(page), before, 'nothing saved while there is a problem');

  await page.fill(field('categories.youth.min_members'), '3');
  await page.waitForSelector('#rs-summary', { state: 'detached' });
  await page.click('[data-action="save-and-use"]');
  await page.waitForSelector(`${row('cas-2026')} [data-in-use]`);
  assert.match(await page.textContent('[data-status]'), /已保存并改用规则集「中国科学院 2026 年度因公出国（境）培训项目」，所有申请按其检查/);
  assert.equal(await page.locator(`${row('cas-2020')} [data-in-use]`).count(), 0);
  await saved(page);
  await page.waitForFunction(() => (localStorage.getItem('peixun/index') || '').includes('cas-2026'));

  exported = await download(page, () => page.click(`${row('cas-2026')} [data-action="export-rule-set"]`), tmp);
  assert.equal(path.basename(exported), 'cas-2026.peixun-rules.json');
  const file = JSON.parse(fs.readFileSync(exported, 'utf8'));
  assert.equal(file.format, 'peixun-rules');
  assert.equal(file.rule_set.categories.youth.max_age, 45);
  assert.deepEqual([file.rule_set.categories.youth.min_members, file.rule_set.categories.youth.max_members], [3, 5]);
  assert.deepEqual([file.rule_set.categories.keytech.min_members, file.rule_set.categories.keytech.max_members], [3, 5]);
  assert.equal(file.rule_set.submission_deadline, '2026-03-31');
  assert.equal(file.rule_set.clauses.required, '第三条');
  assert.equal(file.rule_set.clauses.duration, '一(四) 培训时长');
  assert.deepEqual(file.rule_set.program_year.start, '2026-01-01');
  assert.deepEqual(file.rule_set.calendar, [
    { year: 2027, source: '国办发明电〔2026〕1号', holidays: [{ from: '2027-01-01', to: '2027-01-01', name: '元旦' }], workdays: [] },
  ]);
  await page.context().close();
});

test('the form refuses at its field what no round can mean, and takes it once it could', async () => {
  const page = await open('#/rule-sets');
  await page.click(`${row('cas-2020')} [data-action="copy-rule-set"]`);
  await page.waitForSelector('#rs-form-title');
  const error = (p) => `[data-field="${p}"] .finding--error`;
  /** Types `text` into the field at `p` and waits for its error to say `says`, or to go. */
  async function typed(p, text, says) {
    await page.fill(field(p), text);
    await page.press(field(p), 'Tab');
    if (says) {
      await page.waitForSelector(error(p));
      assert.match(await page.textContent(error(p)), says, `${p} = ${text}`);
    } else {
      await page.waitForSelector(error(p), { state: 'detached' });
    }
  }
  // The notice is of 2019-12-26, the round ends on 2020-12-31.
  await typed('submission_deadline', '2019-12-25', /申报截止日期 2019-12-25 早于通知的发布日期 2019-12-26/);
  await typed('submission_deadline', '2019-12-26', null);
  await typed('submission_deadline', '2021-01-01', /晚于项目执行期的结束日 2020-12-31/);
  await typed('submission_deadline', '2020-12-31', null);
  // The open-ended duration: none, or at least the longest listed (60 days).
  await typed('durations.open_ended_from', '0', /须至少为 1 天/);
  await typed('durations.open_ended_from', '59', /短于所列的最长天数 60 天/);
  await typed('durations.open_ended_from', '', null);
  await typed('durations.open_ended_from', '60', null);
  // A year's arrangement holds only its own days.
  await page.click('[data-action="add-year"]');
  await page.waitForSelector(field('calendar[0].year'));
  await page.fill(field('calendar[0].year'), '2027');
  await page.fill(field('calendar[0].source'), '国办发明电〔2026〕1号');
  await typed('calendar[0].holidays', '2026-12-31 2027-01-01 元旦', /超出 2027 年/);
  await typed('calendar[0].holidays', '2027-01-01 2027-01-01 元旦', null);
  await typed('calendar[0].workdays', '2028-01-02', /不在 2027 年/);
  await typed('calendar[0].workdays', '', null);
  // Twelve months end to start, and a settlement after the period.
  await typed('reimbursement.period_end', '8-30', /不是首尾相接的十二个月/);
  await typed('reimbursement.period_end', '8-31', null);
  await typed('reimbursement.settlement_window.from', '8-31', /应在核销期间结束（8月31日）之后开始/);
  await typed('reimbursement.settlement_window.from', '9-1', null);
  assert.equal(await page.locator('#rs-summary').count(), 0);
  await page.context().close();
});

test('a second browser imports the file through the preview, uses it, and 规则说明 shows its limits', async () => {
  assert.ok(exported, 'the first test exported the file');
  const page = await open('#/rules');
  assert.match(await page.textContent('tr[data-rule="age-limit"]'), /优秀青年人才培养 ≤ 40 周岁/);
  await page.click('[data-link="rule-sets"]');
  await page.waitForSelector(row('cas-2020'));

  const before = await storage(page);
  await page.setInputFiles('input[data-action="import-rule-set"]', exported);
  await page.waitForSelector('[data-preview="new"]');
  assert.match(
    await page.textContent('[data-rule-set-preview]'),
    /新规则集「中国科学院 2026 年度因公出国（境）培训项目」（编号 cas-2026）。与正在使用的规则集「中国科学院 2020 年度因公出国（境）培训项目」相比，有 \d+ 处不同/,
  );
  // Old → new, field by field, against the rule-set in use.
  const cells = (p) => page.locator(`[data-rule-set-preview] tr[data-path="${p}"] > *`).allTextContents();
  assert.deepEqual(await cells('categories.youth.max_age'), ['优秀青年人才培养 · 年龄上限（周岁）', '40', '45']);
  assert.deepEqual(await cells('submission_deadline'), ['申报截止日期', '2020-01-31', '2026-03-31']);
  assert.equal(await page.locator('[data-rule-set-preview] tr[data-path="categories.lead.max_age"]').count(), 0, 'the same numbers are not listed');
  assert.equal(await storage(page), before, 'nothing changes before 导入');

  await page.click('[data-action="confirm-rule-set-import"]');
  await page.waitForSelector(row('cas-2026'));
  await page.click('[data-action="use-imported"]');
  await page.waitForSelector(`${row('cas-2026')} [data-in-use]`);
  await saved(page);

  // Importing it again shows that nothing differs; a changed copy would list its fields.
  await page.setInputFiles('input[data-action="import-rule-set"]', exported);
  await page.waitForSelector('[data-preview="same"]');
  await page.click('[data-action="cancel-rule-set-import"]');

  await page.click('nav a[href="#/rules"]');
  await page.waitForSelector('main[data-page="rules"] tr[data-rule="age-limit"]');
  assert.match(await page.textContent('tr[data-rule="age-limit"]'), /优秀青年人才培养 ≤ 45 周岁/);
  assert.match(await page.textContent('tr[data-rule="required"] td[data-label="通知条款"]'), /^第三条$/);
  assert.equal(await page.getAttribute('main p.lead', 'data-rule-set'), 'cas-2026');
  // Kept across a reload.
  await page.reload();
  await ready(page);
  await page.waitForSelector('tr[data-rule="age-limit"]');
  assert.match(await page.textContent('tr[data-rule="age-limit"]'), /优秀青年人才培养 ≤ 45 周岁/);

  // Deleting the one in use asks on the page first, then falls back to the built-in one.
  await page.click('[data-link="rule-sets"]');
  await page.click(`${row('cas-2026')} [data-action="delete-rule-set"]`);
  assert.match(await page.textContent('[data-confirm-delete]'), /正在使用中，删除后所有申请将改按内置规则集/);
  await page.click('[data-action="cancel-delete"]');
  assert.equal(await page.locator('[data-confirm-delete]').count(), 0);
  await page.click(`${row('cas-2026')} [data-action="delete-rule-set"]`);
  await page.click('[data-action="confirm-delete"]');
  await page.waitForSelector(row('cas-2026'), { state: 'detached' });
  await page.waitForSelector(`${row('cas-2020')} [data-in-use]`);
  assert.match(await page.textContent('[data-status]'), /已删除规则集.*现按内置规则集/);
  await page.context().close();
});

test('a cut-off rule-set file is refused in Chinese and changes nothing; the built-in one\'s own file comes in as a copy', async () => {
  assert.ok(exported, 'the first test exported the file');
  const text = fs.readFileSync(exported, 'utf8');
  const bad = path.join(tmp, 'cut.peixun-rules.json');
  fs.writeFileSync(bad, text.slice(0, Math.floor(text.length / 2)));
  const page = await open('#/data');
  await page.click('[data-link="rule-sets"]');
  await page.waitForSelector(row('cas-2020'));
  const before = await storage(page);
  await page.setInputFiles('input[data-action="import-rule-set"]', bad);
  await page.waitForSelector('[data-import-refused]');
  const message = await page.textContent('[data-import-refused]');
  assert.match(message, /无法导入「cut\.peixun-rules\.json」，没有做任何更改/);
  assert.match(message, /[\u4e00-\u9fff]{4,}/);
  assert.equal(await page.locator('[data-rule-set-preview]').count(), 0);
  assert.equal(await page.locator('main li[data-rule-set]').count(), 1);
  // The refusal is the app's whole reaction: a save would be pending with it.
  await noSavePending(page);
  assert.equal(await storage(page), before);

  // The built-in rule-set's own file cannot replace it: it comes in as a copy.
  const builtIn = await download(page, () => page.click(`${row('cas-2020')} [data-action="export-rule-set"]`), tmp);
  await page.setInputFiles('input[data-action="import-rule-set"]', builtIn);
  await page.waitForSelector('[data-preview="same"]');
  assert.match(await page.textContent('[data-rule-set-preview]'), /内置规则集不能被替换/);
  assert.equal(await page.locator('[data-action="confirm-rule-set-import"]').count(), 0);
  await page.click('[data-action="import-as-copy"]');
  await page.waitForSelector('[data-preview="new"]');
  assert.match(await page.textContent('[data-rule-set-preview]'), /（编号 cas-2020-copy）/);
  await page.click('[data-action="confirm-rule-set-import"]');
  await page.waitForSelector(row('cas-2020-copy'));
  assert.equal(await page.locator(`${row('cas-2020')} [data-in-use]`).count(), 1, 'imported, not used');
  await page.context().close();
});

test('axe-core: no serious or critical violations on the list, the form with problems and the read-only form', async () => {
  const page = await newPage(shared.browser, { bypassCSP: true, viewport: { width: 375, height: 800 } });
  await page.goto(`${shared.server.url}#/rule-sets`);
  await ready(page);
  await page.waitForSelector(row('cas-2020'));
  const found = await seriousViolations(page, 'list');
  await page.click(`${row('cas-2020')} [data-action="copy-rule-set"]`);
  await page.fill(field('categories.lead.max_age'), '200');
  await page.fill(field('host_limits'), '14');
  await page.click('[data-action="save-rule-set"]');
  await page.waitForSelector('#rs-summary');
  found.push(...(await seriousViolations(page, 'form')));
  await page.click('[data-action="close-form"]');
  await page.click(`${row('cas-2020')} [data-action="view-rule-set"]`);
  await page.waitForSelector('[data-read-only-note]');
  found.push(...(await seriousViolations(page, 'read-only form')));
  // Nothing is wider than a 375 px screen.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  assert.deepEqual(found, []);
  await page.context().close();
});
