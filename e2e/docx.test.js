'use strict';
// 附件1 and 单位总体排序意见 as Word files: exported through the real download, read back
// with python-docx (scripts/setup.sh installs it). Every field in its table cell, A4
// portrait, title and stamp lines; a batch of 3 is 3 forms; the opinions in rank order,
// whole. Hostile text comes back as text.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ready, fileSession, download, newContext, goTo } = require('./support');

const shared = fileSession();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-docx-'));

/** The document as python-docx reads it: sections, top-level paragraphs, tables by caption. */
const READ = `
import json, sys, docx
from docx.table import _Cell
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
def caption(t):
    c = t._tbl.tblPr.find(qn('w:tblCaption'))
    return c.get(qn('w:val')) if c is not None else ''
print(json.dumps({
  'sections': [{'w': s.page_width, 'h': s.page_height, 'portrait': s.orientation == 0} for s in d.sections],
  'paragraphs': [p.text for p in d.paragraphs],
  'footer': d.sections[0].footer._element.xml,
  'tables': [[caption(t), [[_Cell(tc, t).text for tc in r._tr.tc_lst] for r in t.rows]] for t in d.tables],
}, ensure_ascii=False))
`;
function readDocx(file) {
  return JSON.parse(execFileSync('python3', ['-c', READ, file], { maxBuffer: 64 << 20 }).toString());
}
const tables = (doc, caption) => doc.tables.filter(([c]) => c === caption).map(([, rows]) => rows);

/** What a reader sees of typed text: CR LF and CR are line breaks, what XML 1.0 cannot hold is U+FFFD. */
const asRead = (s) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');

async function examples() {
  const context = await newContext(shared.browser);
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  return { context, page };
}

async function printView(page, id) {
  await page.goto(`${shared.server.url}#/apply/${id}/print`);
  await page.waitForSelector('[data-print="form-1"]');
}

const stored = (page, id) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `peixun/app/${id}`);

function assertPage(doc) {
  for (const s of doc.sections) {
    assert.deepEqual(s, { w: 7560310, h: 10692130, portrait: true }, 'A4 portrait');
  }
  assert.match(doc.footer, /<w:instrText[^>]*> PAGE <\/w:instrText>/, 'page numbers');
}

/** The form's title, stamp lines, and the print view's cells equal to the .docx's. */
async function assertForm(page, doc, a) {
  assertPage(doc);
  assert.equal(doc.sections.length, 1);
  assert.ok(doc.paragraphs.includes('附件1'));
  assert.ok(doc.paragraphs.includes('因公出国（境）培训项目计划申请表'));
  const [seal] = tables(doc, '单位意见');
  assert.match(seal[0][0], /^单位意见：[\s\S]*单位（盖章）\n年　　月　　日$/);
  const [basic] = tables(doc, '基本信息');
  assert.deepEqual(basic[0], ['项目名称', asRead(a.title)]);
  assert.equal(basic[5][1], asRead(a.lead_unit));
  const [hosts] = tables(doc, '境外培训机构');
  a.hosts.forEach((h, i) => {
    assert.deepEqual([hosts[i + 1][1], hosts[i + 1][2], hosts[i + 1][4], hosts[i + 1][5], hosts[i + 1][6]],
      [h.name_zh, h.name_en, h.city, h.website, h.contact].map(asRead), `host ${i}`);
  });
  const [members] = tables(doc, '团组成员');
  const [reach] = tables(doc, '团组成员专业、外语与联系方式');
  assert.equal(members.length, a.members.length + 1);
  a.members.forEach((m, i) => {
    const row = members[i + 1];
    assert.deepEqual([row[1], row[3] || null, row[4], row[6]], [asRead(m.name), m.birth_date, asRead(m.unit), asRead(m.position)], `member ${i}`);
    assert.ok(row[5].startsWith(asRead(m.title)), `title of member ${i}`);
    assert.deepEqual(reach[i + 1].slice(1), [m.name, m.discipline, m.foreign_language, m.phone, m.email].map(asRead), `member ${i}`);
  });
  for (const [caption, field] of [['项目理由', 'rationale'], ['培训内容与日程安排', 'content'], ['预期目标与成果', 'objectives'], ['回国后成果分享计划', 'sharing_plan']]) {
    assert.deepEqual(tables(doc, caption)[0], [[caption], [asRead(a[field])]], caption);
  }
  assert.deepEqual(tables(doc, '联系人')[0][0], ['联系人', a.contact.name, '联系电话', a.contact.phone, '电子邮箱', a.contact.email].map(asRead));

  // The print view shows the same tables, cell by cell (labels such as 项目类别 included).
  const printed = await page.$$eval('[data-print="form-1"] table[data-table]', (ts) => ts.map((t) => [t.dataset.table, [...t.rows].map((r) => [...r.cells].map((c) => c.textContent))]));
  assert.equal(printed.length, doc.tables.length - 1, 'every table but the stamp box');
  for (const [caption, rows] of printed) {
    assert.deepEqual(rows.map((r) => r.map(asRead)), tables(doc, caption)[0], `printed ${caption}`);
  }
}

test('the sample application exports as .docx with every field in its cell, like its print view', async () => {
  const { context, page } = await examples();
  await page.waitForSelector('tr[data-app]');
  const id = await page.$eval('tr[data-app]', (r) => r.dataset.app);
  await printView(page, id);
  const file = await download(page, () => page.click('[data-action="export-docx"]'), tmp, { timeout: 30000 });
  assert.match(path.basename(file), /^附件1-.*-20200110\.docx$/);
  assert.match(await page.textContent('[data-docx-message="export-docx"]'), /已导出 Word 文件/);
  const a = await stored(page, id);
  const doc = readDocx(file);
  await assertForm(page, doc, a);
  // The members' phone, e-mail and title level are on the printed form too.
  const print = await page.textContent('[data-print="form-1"]');
  for (const m of a.members) {
    assert.ok(print.includes(m.phone) && print.includes(m.email), `${m.name}'s phone and e-mail printed`);
  }
  assert.match(print, /（(正高级|副高级|中级|初级)）/);
  fs.copyFileSync(file, path.join(tmp, 'sample.docx'));
  await context.close();
});

test('a hostile application exports as text: markup, entities, control characters and line breaks', async () => {
  const { context, page } = await examples();
  const nasty = '<script>alert(1)</script> & &amp; "q" \u202Eevil\u202C 👩‍🔬 𠀀\u0001\u001B';
  await page.click('[data-action="new"]');
  await page.waitForSelector('[id="f-title"]');
  await page.fill('[id="f-title"]', `=1+1 ${nasty}`);
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  const open = async (section) => {
    await page.click(`.task-list a[href$="/${section}"]`);
    await page.waitForSelector(`[data-section="${section}"]`);
  };
  await open('members');
  await page.click('[data-action="add-member"]');
  await page.fill('[id="f-members[0].name"]', `+张${nasty}`);
  await page.fill('[id="f-members[0].email"]', `<b>@${nasty}`);
  await open('schedule');
  await page.click('[data-action="add-host"]');
  await page.fill('[id="f-hosts[0].name_zh"]', `@SUM(A1) ${nasty}`);
  await open('content');
  await page.fill('[id="f-content"]', `第一行 ${nasty}\n\t第二行\n\n第四行`);
  await page.waitForFunction((k) => (JSON.parse(localStorage.getItem(k) || '{}').content || '').includes('第四行'), `peixun/app/${id}`);
  await printView(page, id);
  const file = await download(page, () => page.click('[data-action="export-docx"]'), tmp, { timeout: 30000 });
  const a = await stored(page, id);
  assert.ok(a.title.includes('\u0001'), 'the control character was typed and saved');
  const doc = readDocx(file);
  await assertForm(page, doc, a);
  assert.equal(tables(doc, '基本信息')[0][0][1], `=1+1 <script>alert(1)</script> & &amp; "q" \u202Eevil\u202C 👩‍🔬 𠀀\uFFFD\uFFFD`);
  assert.equal(tables(doc, '培训内容与日程安排')[0][1][0].split('\n').length, 4, 'four lines, the blank one kept');
  await context.close();
});

test('a batch of 3 is one .docx of 3 forms in the unit order; the ranking opinion reads back in rank order, each opinion whole', async () => {
  const { context, page } = await examples();
  await page.waitForSelector('tr[data-app]');
  assert.equal(await page.locator('tr[data-app]').count(), 3);
  await goTo(page, 'unit');
  await page.waitForSelector('[data-rank-row]');
  const order = await page.$$eval('[data-rank-row]', (rs) => rs.map((r) => r.dataset.rankRow));
  const apps = await Promise.all(order.map((id) => stored(page, id)));
  const file = await download(page, () => page.click('[data-action="export-forms-docx"]'), tmp, { timeout: 30000 });
  assert.match(path.basename(file), /^附件1-(.+-)?20200110\.docx$/);
  const doc = readDocx(file);
  assertPage(doc);
  assert.equal(doc.sections.length, 3, 'a section (new page, pages from 1) per form');
  assert.equal(doc.paragraphs.filter((p) => p === '因公出国（境）培训项目计划申请表').length, 3);
  assert.deepEqual(tables(doc, '基本信息').map((t) => t[0][1]), apps.map((a) => a.title));
  assert.equal(tables(doc, '单位意见').length, 3);

  await page.goto(`${shared.server.url}#/unit/opinion`);
  await page.waitForSelector('[data-print="opinion"] textarea');
  const opinions = ['同意推荐。\n该团组学科基础扎实，\n\n培训内容与本单位“十四五”规划一致。', '排在第二位：<b>经费自筹</b> & 单位配套', '长'.repeat(600) + '\n结尾'];
  for (const [i, id] of order.entries()) {
    const box = page.locator(`[id="opinion-${id}"]`);
    await box.fill(opinions[i]);
    await box.blur();
  }
  // The print view's box holds every line (a textarea, not a one-line input).
  assert.equal(await page.inputValue(`[id="opinion-${order[0]}"]`), opinions[0]);
  const opinionFile = await download(page, () => page.click('[data-action="export-opinion-docx"]'), tmp, { timeout: 30000 });
  assert.match(path.basename(opinionFile), /^单位总体排序意见-(.+-)?20200110\.docx$/);
  const o = readDocx(opinionFile);
  assertPage(o);
  assert.ok(o.paragraphs.includes('单位总体排序意见'));
  assert.ok(o.paragraphs.includes('单位（盖章）') && o.paragraphs.includes('2020年1月10日'), 'stamp and date lines');
  const [ranked] = tables(o, '总体排序');
  assert.deepEqual(ranked, [['排序', '项目名称', '单位意见'], ...apps.map((a, i) => [String(i + 1), a.title, opinions[i]])]);
  await context.close();
});

test('the applications ticked on 工作台 export as one .docx, in the workspace order', async () => {
  const { context, page } = await examples();
  await page.waitForSelector('tr[data-app]');
  const ids = await page.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app));
  assert.equal(await page.isDisabled('[data-action="docx-selected"]'), true, 'nothing ticked yet');
  // Ticked last first: the file follows the list, not the ticking.
  for (const id of [ids[2], ids[0]]) await page.check(`tr[data-app="${id}"] [data-action="select"]`);
  const file = await download(page, () => page.click('[data-action="docx-selected"]'), tmp, { timeout: 30000 });
  assert.match(path.basename(file), /^附件1（2 份）-(.+-)?20200110\.docx$/);
  const doc = readDocx(file);
  assertPage(doc);
  assert.equal(doc.sections.length, 2);
  const apps = await Promise.all([ids[0], ids[2]].map((id) => stored(page, id)));
  assert.deepEqual(tables(doc, '基本信息').map((t) => t[0][1]), apps.map((a) => a.title));
  assert.match(await page.textContent('[data-docx-message="docx-selected"]'), /已导出所选申请的附件1/);
  await context.close();
});
