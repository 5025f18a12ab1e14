'use strict';
// After approval: actual dates, the training-summary deadline on the 2020 calendar, .ics.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { openApp } = require('./support');

const id = (p) => `[id="f-${p}"]`;

async function returned(page, app, exit, back) {
  await page.goto(`${page.url().split('#')[0]}#/execution/${app}`);
  await page.waitForSelector(id('execution.actual_return_date'));
  await page.check('[id="f-execution.status-3"]'); // 已执行
  await page.fill(id('execution.actual_exit_date'), exit);
  await page.fill(id('execution.actual_return_date'), back);
  await page.keyboard.press('Tab');
}

test('a return on 2020-09-25 is due after the National Day break; 2020-01-17 after the extended Spring Festival; both in the .ics', async (t) => {
  // After both deadlines (2020-02-14, 2020-10-22).
  const { page } = await openApp(t, '', { clock: '2020-11-02T09:00:00+08:00' });
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  const apps = await page.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app));

  // Fri 2020-09-25, not counted: 9/27 (Sun, make-up) 1, 9/28–9/30 2–4, 10/1–10/8 off,
  // 10/9 5, 10/10 (Sat, make-up) 6, 10/12–10/16 7–11, 10/19–10/22 12–15 → Thu 2020-10-22.
  await returned(page, apps[0], '2020-09-12', '2020-09-25');
  await page.waitForSelector('[data-summary-due="2020-10-22"]');
  // Fri 2020-01-17: 1/19 (Sun, make-up) 1, 1/20–1/23 2–5, 1/24–2/2 off, 2/3–2/7 6–10,
  // 2/10–2/14 11–15 → Fri 2020-02-14.
  await returned(page, apps[1], '2020-01-04', '2020-01-17');
  await page.waitForSelector('[data-summary-due="2020-02-14"]');
  await page.click('[data-action="add-activity"]');
  await page.fill(id('execution.sharing[0].date'), '2020-02-20');
  await page.check('[id="f-execution.sharing[0].form-0"]');
  await page.fill(id('execution.sharing[0].audience'), '45');

  await page.click('a[href="#/execution"]');
  await page.waitForSelector('[data-deadlines]');
  assert.deepEqual(
    await page.$$eval('[data-deadline]', (rows) => rows.map((r) => r.dataset.due)),
    ['2020-02-14', '2020-10-22'],
    'sorted by due date',
  );
  // Today is past both: both overdue.
  assert.match(await page.textContent('[data-deadlines]'), /已逾期/);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-ics"]')]);
  const ics = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20201022\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20200214\r\n/);
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || 'null')?.execution?.sharing?.[0]?.audience === 45, `peixun/app/${apps[1]}`);
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `peixun/app/${apps[1]}`);
  assert.equal(saved.execution.status, 'done');
  assert.equal(saved.execution.sharing[0].audience, 45);
});
