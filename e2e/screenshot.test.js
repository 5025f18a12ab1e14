'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { session, ready, controlled } = require('./support');

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');

test('screenshots of the home and rules pages for the README', async (t) => {
  const { server, browser } = await session(t);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
});
