'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { session, ready, controlled, newPage, SCREENSHOTS: OUT, goTo } = require('./support');

// The README's pictures are rewritten only by `make screenshots` (PEIXUN_SCREENSHOTS=1);
// `make test` takes the same pictures into e2e/artifacts/screenshots and checks them.

test('screenshots of the home, rules, editor and print pages for the README', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await controlled(page);
  fs.mkdirSync(OUT, { recursive: true });
  for (const [slug, file] of [['', 'workspace.png'], ['rules', 'rules.png']]) {
    await page.goto(`${server.url}#/${slug}`);
    await ready(page);
    const target = path.join(OUT, file);
    await page.screenshot({ path: target, fullPage: slug === '' });
    const png = fs.readFileSync(target);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.ok(png.length > 10000, `${file} is ${png.length} bytes`);
  }
  // The editor on an example application, with its findings showing.
  await goTo(page, '');
  await page.click('[data-action="examples"]');
  await page.click('tr[data-app] a');
  await page.click('.task-list a[href$="/schedule"]');
  await page.waitForSelector('[data-editor-page="schedule"]');
  await page.fill('[id="f-exit_date"]', '2020-12-25');
  await page.keyboard.press('Tab');
  await page.waitForSelector('.finding-summary');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'editor.png') });
  await page.click('.task-list a[href$="/print"]');
  await page.waitForSelector('[data-print="form-1"]');
  await page.screenshot({ path: path.join(OUT, 'print.png') });
});
