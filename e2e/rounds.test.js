'use strict';
// A new round travels with the applications: an HR office makes the 2026 rule-set in the
// browser, its exported bundle carries it, and a partner unit's browser adds it on import
// and checks the same applications against the same numbers (a 44-year-old youth member
// passes, a group of six fails, 2026 dates are inside the program window). The clock is
// fixed inside the round; after the round's deadline 工作台 says the round is over.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ready, fileSession, download, newPage, goTo } = require('./support');

const shared = fileSession();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-rounds-'));
const field = (p) => `[id="rs-${p}"]`;
const row = (id) => `main[data-page="rule-sets"] li[data-rule-set="${id}"]`;

/** A page in a fresh context whose clock stands still at `when` (Beijing time). */
async function openAt(when, hash = '') {
  const page = await newPage(shared.browser, { clock: when });
  await page.goto(`${shared.server.url}${hash}`);
  await ready(page);
  return page;
}

/** The applications a unit received from a leader: youth groups of 2026, made elsewhere. */
function applicationsFile() {
  const fixture = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'valid-youth.peixun.json'), 'utf8'),
  );
  const base = fixture.applications[0];
  const shift = (a) => Object.assign(a, { exit_date: '2026-06-01', return_date: '2026-06-21', history: [] });
  // 44 on the exit date: over 2020's 40, within the new round's 45.
  const aged44 = shift(structuredClone(base));
  aged44.id = 'b7a1c0de-2026-4000-8000-000000000044';
  aged44.title = '二〇二六年青年团组（44 岁成员）';
  aged44.members[1].birth_date = '1982-01-15';
  // Six members: within 2020's 2–6, over the new round's 3–5.
  const six = shift(structuredClone(base));
  six.id = 'b7a1c0de-2026-4000-8000-000000000006';
  six.title = '二〇二六年青年团组（6 人）';
  six.members = [0, 1, 2, 3, 4, 5].map((i) => ({
    ...base.members[i % base.members.length],
    id: `b7a1c0de-2026-4000-8000-00000000010${i}`,
    name: `成员${'甲乙丙丁戊己'[i]}`,
    birth_date: `198${i}-03-0${i + 1}`,
    is_leader: i === 0,
  }));
  const file = path.join(tmp, 'received.peixun.json');
  fs.writeFileSync(file, JSON.stringify({ ...fixture, applications: [aged44, six] }, null, 2));
  return { file, aged44: aged44.id, six: six.id };
}

async function importFiles(page, files) {
  await goTo(page, '');
  await page.setInputFiles('input[data-action="import"]', files);
  await page.waitForSelector('[data-import-preview] [data-file]');
}

/** The rules of the findings on an application's 核对 page (every finding, not only those of fields left). */
async function findingRules(page, id) {
  await page.goto(`${shared.server.url}#/apply/${id}/check`);
  // This application's 核对 page (the page may have shown another's a moment ago): the
  // editor is made anew for each application, its task list, findings and count together.
  await page.waitForSelector(`.task-list a[href="#/apply/${id}/check"][aria-current="page"]`);
  await page.waitForSelector('[data-editor-page="check"] [data-errors]');
  return page.$$eval('[data-editor-page="check"] .finding-summary li[data-rule]', (els) =>
    els.map((e) => `${e.dataset.rule} ${e.dataset.path}`),
  );
}

test('a round made in one browser travels in its bundles and the other browser checks by its numbers', async () => {
  const office = await openAt('2026-02-01T09:00:00+08:00', '#/rule-sets');
  await office.click(`${row('cas-2020')} [data-action="copy-rule-set"]`);
  await office.waitForSelector(field('id'));
  const fill = [
    ['id', 'cas-2026'],
    ['name', '中国科学院 2026 年度因公出国（境）培训项目'],
    ['program_year.start', '2026-01-01'],
    ['program_year.end', '2026-12-31'],
    ['categories.youth.max_age', '45'],
    ['categories.youth.min_members', '3'],
    ['categories.youth.max_members', '5'],
    ['categories.keytech.min_members', '3'],
    ['categories.keytech.max_members', '5'],
    ['submission_deadline', '2026-03-31'],
  ];
  for (const [p, v] of fill) await office.fill(field(p), v);
  // A 2026 holiday of the unit's province on top of the State Council's: the rule-set
  // replaces the built-in 2026 with its own year.
  await office.click('[data-action="add-year"]');
  await office.fill(field('calendar[0].year'), '2026');
  await office.fill(field('calendar[0].source'), '国办发明电〔2025〕7号及本省通知');
  await office.fill(field('calendar[0].holidays'), '2026-10-01 2026-10-08 国庆节、中秋节\n2026-10-09 2026-10-09 省定假日');
  await office.click('[data-action="save-and-use"]');
  await office.waitForSelector(`${row('cas-2026')} [data-in-use]`);
  await office.waitForSelector('[data-save-status="saved"]');

  // The office receives applications made elsewhere (no rule-set in the file) …
  const received = applicationsFile();
  await importFiles(office, [received.file]);
  assert.equal(await office.locator('[data-rule-set-offer]').count(), 0, 'cas-2020 is known: nothing to offer');
  await office.click('[data-action="confirm-import"]');
  await office.waitForSelector('[data-import-done]');
  // … and sends everything on: the bundle carries the round.
  const sent = await download(office, () => office.click('[data-action="export-all"]'), tmp);
  const bundle = JSON.parse(fs.readFileSync(sent, 'utf8'));
  assert.equal(bundle.rule_set, 'cas-2026');
  assert.equal(bundle.rules.id, 'cas-2026');
  assert.equal(bundle.rules.categories.youth.max_age, 45);
  assert.equal(bundle.applications.length, 2);

  // A partner unit's browser, still on the built-in round, imports it.
  const partner = await openAt('2026-02-01T09:00:00+08:00');
  const before = await partner.evaluate(() => localStorage.getItem('peixun/index'));
  await importFiles(partner, [sent]);
  const offer = '[data-rule-set-offer="cas-2026"]';
  await partner.waitForSelector(offer);
  assert.match(await partner.textContent(offer), /本浏览器还没有/);
  assert.ok(await partner.isChecked(`${offer} [data-action="add-rule-set"]`));
  assert.ok(await partner.isChecked(`${offer} [data-action="use-rule-set"]`));
  assert.equal(await partner.evaluate(() => localStorage.getItem('peixun/index')), before, 'nothing before 确认导入');
  await partner.click('[data-action="confirm-import"]');
  await partner.waitForSelector('[data-import-done]');
  await partner.waitForFunction(() => (localStorage.getItem('peixun/index') || '').includes('"rule_set":"cas-2026"'));

  // Both browsers find the same, by the new numbers.
  for (const page of [office, partner]) {
    const aged = await findingRules(page, received.aged44);
    for (const rule of ['age-limit', 'within-year', 'group-size']) {
      assert.ok(!aged.some((f) => f.startsWith(rule)), `${rule} under cas-2026: ${aged}`);
    }
    const six = await findingRules(page, received.six);
    assert.ok(six.some((f) => f.startsWith('group-size')), `a group of 6 fails 3–5: ${six}`);
  }

  // The same files under the built-in round: the 44-year-old and the 2026 dates fail.
  await partner.goto(`${shared.server.url}#/rule-sets`);
  await partner.click(`${row('cas-2020')} [data-action="use-rule-set"]`);
  await partner.waitForSelector(`${row('cas-2020')} [data-in-use]`);
  const aged2020 = await findingRules(partner, received.aged44);
  assert.ok(aged2020.some((f) => f.startsWith('age-limit')), `${aged2020}`);
  assert.ok(aged2020.some((f) => f.startsWith('within-year')), `${aged2020}`);
  await office.context().close();
  await partner.context().close();
});

test('工作台 says once that a round is over after its deadline, and not before', async () => {
  const during = await openAt('2020-01-10T09:00:00+08:00');
  await during.waitForSelector('main[data-page=""] h1');
  assert.equal(await during.locator('[data-round-over]').count(), 0);
  await during.context().close();

  const after = await openAt('2026-11-28T09:00:00+08:00');
  await after.click('[data-action="examples"]');
  await after.waitForSelector('[data-round-over]');
  assert.equal(await after.locator('[data-round-over]').count(), 1);
  assert.match(await after.textContent('[data-round-over]'), /申报截止日期 2020-01-31 已过/);
  // With the way to end the round's personal data here: the link opens 清除本机数据 asked,
  // in view, with the backup offered first.
  await after.click('[data-round-over] [data-link="clear-data"]');
  await after.waitForSelector('#clear-data [data-clear-asked] [data-action="clear-export-backup"]');
  assert.match(await after.textContent('[data-clear-what]'), /将从本浏览器删除 3 份申请/);
  await after.waitForFunction(() => {
    const focused = document.activeElement;
    const r = focused.getBoundingClientRect();
    return focused.dataset.action === 'clear-export-backup' && r.top >= 0 && r.bottom <= innerHeight;
  });
  await after.goBack();
  await after.waitForSelector('[data-round-over]');
  await after.click('[data-round-over] a[href="#/rule-sets"]');
  await after.waitForSelector(row('cas-2020'));
  await after.context().close();
});
