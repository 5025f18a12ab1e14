'use strict';
// Hostile input: markup, entities, bidi overrides, emoji, astral CJK and 100 000 characters
// are shown as typed and saved intact; file names are made safe; CSV cells never run.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { openApp, download: saveDownload, goTo } = require('./support');

const id = (p) => `[id="f-${p}"]`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-hostile-'));

const NASTY = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '&lt;b&gt; &amp; &#x41;',
  '\u202Eevil\u202C',
  '👩‍🔬🇨🇳',
  '𠀀𪚥𰻞',
].join(' ');
/** `n` characters (code points): the hostile pieces at both ends, ten long lines of CJK between.
 * LF only: a textarea's value turns CRLF into LF. (Hostile pieces all the way through
 * or many short lines make Chromium's own text insertion take 10–20 s; the app is not the slow part.) */
function longText(n) {
  const end = Array.from(`${NASTY}\n`);
  const middle = Array.from(`${'长'.repeat(9999)}\n`.repeat(Math.ceil(n / 10000))).slice(0, n - 2 * end.length);
  return [...end, ...middle, ...end].join('');
}

const FIELDS = {
  // Within the file name's 80 characters: bidi override, emoji, astral CJK, path characters.
  title: '=1+1 \u202Eevil\u202C 👩‍🔬🇨🇳 𠀀𪚥𰻞 /\\:*?"<>| <script>alert(1)</script> &lt;b&gt; &amp;',
  'members[0].name': `+张${NASTY}`,
  'hosts[0].name_zh': `@SUM(A1) ${NASTY}`,
  'contact.name': `-王${NASTY}`,
  content: longText(100000),
};
const SECTION = { title: 'basic', 'members[0].name': 'members', 'hosts[0].name_zh': 'schedule', 'contact.name': 'contact', content: 'content' };

async function download(page, click) {
  const file = await saveDownload(page, click, tmp);
  return { name: path.basename(file), text: fs.readFileSync(file, 'utf8') };
}

async function openSection(page, section) {
  await page.click(`.task-list a[href$="/${section}"]`);
  await page.waitForSelector(`[data-section="${section}"]`);
}

/** RFC 4180 cells of a CSV text (quotes, doubled quotes, CRLF inside quotes). */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows[rows.length - 1].push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows[rows.length - 1].push(cell); cell = ''; rows.push([]); i++; }
    else cell += c;
  }
  rows.pop(); // after the last CRLF
  return rows;
}

test('hostile text is shown as typed, saved intact, exported intact, with safe file names and inert CSV', async (t) => {
  const { page } = await openApp(t);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const scripts = await page.evaluate(() => document.scripts.length);

  await page.click('[data-action="new"]');
  await page.waitForSelector(id('title'));
  await page.fill(id('title'), FIELDS.title);
  await openSection(page, 'members');
  await page.click('[data-action="add-member"]');
  await page.fill(id('members[0].name'), FIELDS['members[0].name']);
  await openSection(page, 'schedule');
  await page.click('[data-action="add-host"]');
  await page.fill(id('hosts[0].name_zh'), FIELDS['hosts[0].name_zh']);
  await openSection(page, 'contact');
  await page.fill(id('contact.name'), FIELDS['contact.name']);
  await openSection(page, 'content');
  await page.fill(id('content'), FIELDS.content);
  const appId = page.url().match(/#\/apply\/([^/]+)/)[1];
  const key = `peixun/app/${appId}`;
  await page.waitForFunction(([k, v]) => (JSON.parse(localStorage.getItem(k) || '{}').content || '') === v, [
    key,
    FIELDS.content,
  ]);

  await page.reload();
  await page.waitForSelector('html[data-ready="1"]');
  await page.waitForSelector(id('content'));
  assert.equal(Array.from(FIELDS.content).length, 100000);
  assert.equal(await page.inputValue(id('content')), FIELDS.content, '100 000 characters back after a reload');
  for (const [field, value] of Object.entries(FIELDS)) {
    await openSection(page, SECTION[field]);
    assert.equal(await page.inputValue(id(field)), value, field);
  }
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
  assert.equal(saved.title, FIELDS.title);
  assert.equal(saved.members[0].name, FIELDS['members[0].name']);
  assert.equal(saved.hosts[0].name_zh, FIELDS['hosts[0].name_zh']);
  assert.equal(saved.contact.name, FIELDS['contact.name']);
  assert.equal(saved.content, FIELDS.content);

  // The workspace shows the title as text: no element made of it, no script run.
  await goTo(page, '');
  const row = page.locator(`tr[data-app="${appId}"]`);
  assert.equal((await row.locator('a').first().textContent()).trim(), FIELDS.title.trim());
  assert.equal(await page.evaluate(() => document.scripts.length), scripts);
  assert.equal(await page.$('img[src="x"], main script'), null);
  assert.deepEqual(dialogs, []);

  // Exported intact, under a file name with no path characters and no bidi override.
  const bundle = await download(page, () => row.locator('[data-action="export"]').click());
  // Chromium itself turns the emoji's zero-width joiner into `_`.
  assert.match(bundle.name, /^=1\+1 evil 👩[\u200D_]🔬🇨🇳 𠀀𪚥𰻞 _________ _script_alert\(1\)__script_ &lt;b&gt; &amp;-\d{8}\.peixun\.json$/);
  const exported = JSON.parse(bundle.text).applications[0];
  assert.equal(exported.title, FIELDS.title);
  assert.equal(exported.members[0].name, FIELDS['members[0].name']);
  assert.equal(exported.content, FIELDS.content);

  // 附件2 as CSV: the same cells, each made inert with a leading apostrophe.
  await goTo(page, 'unit');
  await page.fill('#unit-name', '物理所/\\:*?"<>|\u202Eevil');
  const csv = await download(page, () => page.click('[data-action="export-csv"]'));
  assert.doesNotMatch(csv.name, /[/\\:*?"<>|\u202A-\u202E]/);
  assert.match(csv.name, /^汇总表-物理所_________evil-\d{8}\.csv$/);
  const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  const header = rows[0];
  const cells = rows.find((r) => r.some((c) => c.includes('=1+1')));
  const col = (name) => cells[header.indexOf(name)];
  assert.equal(col('项目名称'), `'${FIELDS.title.trim()}`);
  assert.equal(col('成员'), `'${FIELDS['members[0].name']}`);
  assert.equal(col('团组带头人（姓名/职称）'), `'${FIELDS['members[0].name']}/`, 'the first member leads');
  assert.equal(col('境外培训机构'), `'${FIELDS['hosts[0].name_zh']}`);
  assert.equal(col('联系人及电话'), `'${FIELDS['contact.name']}`);
  for (const row of rows) for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/, c);
});
