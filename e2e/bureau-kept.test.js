'use strict';
// The bureau keeps what it opened: unit bundles opened on 院人事局汇总与遴选 are kept in
// IndexedDB (localStorage's 5 MB cannot hold an academy's), open again after a reload, and
// are forgotten by 「关闭全部」; a storage too full to keep them is said in Chinese while the
// opened bundles stay on the page.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { session, newPage, ready } = require('./support');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-bureau-kept-'));
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'unit-3-ranked.peixun.json'), 'utf8'));

/** Two units' bundles as files; `pad` characters of padding in each group's 培训内容. */
function unitFiles(pad = 0) {
  const second = structuredClone(fixture);
  second.unit = '中国科学院另一研究所';
  second.applications.forEach((a, i) => { a.id = `second-${i}`; a.history = []; });
  second.ranking = second.applications.map((a) => a.id);
  const files = [];
  for (const [i, b] of [fixture, second].entries()) {
    const copy = structuredClone(b);
    if (pad) copy.applications.forEach((a) => { a.content = `${a.content || ''}${'培'.repeat(pad)}`; });
    const file = path.join(tmp, `unit-${pad}-${i}.peixun.json`);
    fs.writeFileSync(file, JSON.stringify(copy));
    files.push(file);
  }
  return files;
}

async function openBureau(page, url) {
  await page.goto(`${url}#/unit/bureau`);
  await ready(page);
}

const groups = (page) => page.locator('[data-bureau-groups] tbody tr').count();
const units = (page) => page.$$eval('[data-bureau-units] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));

test('unit bundles opened by the bureau open again after a reload until 「关闭全部」', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser);
  await openBureau(page, server.url);
  // Nothing was kept yet: the reading has ended with none.
  await page.waitForSelector('[data-bureau-kept="0"]', { state: 'attached' });
  assert.equal(await page.$('[data-bureau-units]'), null);

  await page.setInputFiles('input[data-action="open-units"]', unitFiles());
  await page.waitForSelector('[data-bureau-kept="2"]');
  const listed = await groups(page);
  assert.equal(listed, fixture.applications.length * 2);
  assert.deepEqual(await units(page), [fixture.unit, '中国科学院另一研究所']);

  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-bureau-kept="2"]');
  assert.equal(await groups(page), listed);
  assert.deepEqual(await units(page), [fixture.unit, '中国科学院另一研究所']);
  assert.equal(await page.evaluate(() => localStorage.getItem('peixun/index')), null, 'nothing in localStorage');

  await page.click('[data-action="close-units"]');
  await page.waitForSelector('[data-bureau-kept="0"]', { state: 'attached' });
  assert.equal(await page.$('[data-bureau-units]'), null);
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-bureau-kept="0"]', { state: 'attached' });
  assert.equal(await page.$('[data-bureau-units]'), null, 'forgotten after a reload too');
});

test('a storage too full to keep the bundles is said in Chinese; the opened bundles stay on the page', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser);
  await openBureau(page, server.url);
  await page.waitForSelector('[data-bureau-kept="0"]', { state: 'attached' });
  // The browser's own quota for this origin, made small (a real quota, not a stand-in).
  const client = await page.context().newCDPSession(page);
  await client.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: 64 * 1024 });

  await page.setInputFiles('input[data-action="open-units"]', unitFiles(200000));
  await page.waitForSelector('[data-bureau-kept="failed"]');
  assert.match(await page.textContent('[data-bureau-kept="failed"]'), /存储空间不足/);
  assert.equal(await groups(page), fixture.applications.length * 2, 'the opened bundles are still listed');

  // Nothing half-kept: after a reload, nothing opens.
  await page.reload();
  await ready(page);
  await page.waitForSelector('[data-bureau-kept="0"]', { state: 'attached' });
  assert.equal(await page.$('[data-bureau-units]'), null);
});
