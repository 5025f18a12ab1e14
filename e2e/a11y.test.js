'use strict';
// axe-core finds no serious or critical accessibility violation on the workspace, each
// editor section and check answers.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { session, ready, newPage, seriousViolations } = require('./support');

/** No serious or critical violation where the page is now. */
async function audit(page, where) {
  // axe is injected as an inline script: only this test's context bypasses the CSP for it.
  assert.deepEqual(await seriousViolations(page, where), []);
}

test('axe-core: no serious or critical violations on the workspace, every editor section and check answers', async (t) => {
  const { server, browser } = await session(t);
  const page = await newPage(browser, { bypassCSP: true });
  await page.goto(server.url);
  await ready(page);
  await audit(page, 'empty workspace');
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  await audit(page, 'workspace');
  await page.click('tr[data-app] a');
  for (const s of ['basic', 'schedule', 'members', 'content', 'contact', 'check']) {
    await page.click(`.task-list a[href$="/${s}"]`);
    await page.waitForSelector(`[data-editor-page="${s}"]`);
    // Show every finding, as after marking the section done.
    if (s !== 'check') await page.check('#section-done');
    await audit(page, s);
  }
  for (const p of ['rules', 'data']) {
    await page.click(`nav a[data-route="${p}"]`);
    await page.waitForSelector(`main[data-page="${p}"]`);
    await audit(page, p);
  }
});
