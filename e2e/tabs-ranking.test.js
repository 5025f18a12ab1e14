'use strict';
// Two tabs reordering the unit's ranking (总体排序) at the same time: the ranking is never
// decided by which tab saved last. The tab that finds the other's order asks, naming the
// ranking and showing both orders, and writes nothing until the user chooses.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { openApp, ready } = require('./support');

const order = (page) => page.$$eval('[data-rank-row]', (rows) => rows.map((r) => r.dataset.rankRow));
const storedRanking = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('peixun/index')).workspace.ranking);

// Types a rank and commits it (a change event), in one task.
const rank = (page, id, to) => page.evaluate(([id, to]) => {
  const input = document.querySelector(`[data-rank-input="${id}"]`);
  input.value = String(to);
  input.dispatchEvent(new Event('change', { bubbles: true }));
}, [id, to]);

const titles = (page, side) => page.$$eval(`[data-ranking-order="${side}"] li`, (items) => items.map((li) => li.textContent.trim()));

test('both tabs reorder the ranking at once: one asks, showing both orders, and writes nothing until the user chooses', async (t) => {
  const { page: a, server } = await openApp(t);
  await a.click('[data-action="examples"]');
  await a.waitForSelector('tr[data-app]');
  await a.waitForFunction(() => JSON.parse(localStorage.getItem('peixun/index') || '{}').applications?.length === 3);
  const ids = await a.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app));
  const title = {};
  for (const id of ids) title[id] = await a.evaluate((k) => JSON.parse(localStorage.getItem(k)).title, `peixun/app/${id}`);
  const b = await a.context().newPage();
  await b.goto(`${server.url}#/unit`);
  await ready(b);
  await a.goto(`${server.url}#/unit`);
  await Promise.all([a.waitForSelector('[data-rank-row]'), b.waitForSelector('[data-rank-row]')]);

  // Each tab moves a different application to the top before either save (300 ms) reaches the other.
  const orderA = [ids[2], ids[0], ids[1]];
  const orderB = [ids[1], ids[0], ids[2]];
  await Promise.all([rank(a, ids[2], 1), rank(b, ids[1], 1)]);
  const sel = '[data-ranking-clash]';
  await Promise.race([a, b].map((p) => p.waitForSelector(sel).catch(() => null)));
  const asker = (await a.locator(sel).count()) ? a : b;
  const other = asker === a ? b : a;
  const [mine, theirs] = asker === a ? [orderA, orderB] : [orderB, orderA];

  // The question names the ranking, shows both orders by title, and is an alert.
  assert.equal(await asker.getAttribute(sel, 'role'), 'alert');
  assert.match(await asker.textContent(sel), /总体排序/);
  assert.deepEqual(await titles(asker, 'mine'), mine.map((id) => title[id]));
  assert.deepEqual(await titles(asker, 'theirs'), theirs.map((id) => title[id]));
  // Nothing written by the asking tab: its own pending save (300 ms after its change) runs
  // into the question and says it waits (the positive signal); then storage holds the other
  // tab's order and the asking tab still shows its own.
  await asker.waitForSelector('[data-save-status="failed"]');
  assert.match(await asker.textContent('[data-save-status]'), /总体排序/);
  assert.deepEqual(await storedRanking(asker), theirs);
  assert.deepEqual(await order(asker), mine);
  // The page being left does not write it either (its save runs in pagehide's dispatch).
  await asker.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await storedRanking(asker), theirs);
  assert.equal(await other.locator(sel).count(), 0);

  // 「保留本页的排序」: written; the other tab, with no change of its own, follows.
  await asker.click(`${sel} [data-action="keep-my-ranking"]`);
  await asker.waitForFunction((want) => JSON.parse(localStorage.getItem('peixun/index')).workspace.ranking.join() === want, mine.join());
  await other.waitForFunction((want) => [...document.querySelectorAll('[data-rank-row]')].map((r) => r.dataset.rankRow).join() === want, mine.join());
  assert.equal(await asker.locator(sel).count(), 0);
  await asker.waitForFunction(() => document.querySelector('[data-save-status]')?.dataset.saveStatus === 'saved');

  // Once more, and the asking tab takes the other's order: shown, and stored as it is.
  await Promise.all([rank(asker, mine[2], 1), rank(other, mine[1], 1)]);
  await Promise.race([a, b].map((p) => p.waitForSelector(sel).catch(() => null)));
  const second = (await a.locator(sel).count()) ? a : b;
  const secondOther = second === a ? b : a;
  const wanted = await order(secondOther);
  await second.click(`${sel} [data-action="take-their-ranking"]`);
  await second.waitForFunction((want) => [...document.querySelectorAll('[data-rank-row]')].map((r) => r.dataset.rankRow).join() === want, wanted.join());
  await second.waitForFunction(() => document.querySelector('[data-save-status]')?.dataset.saveStatus === 'saved');
  assert.deepEqual(await storedRanking(second), wanted);
  assert.deepEqual(await order(secondOther), wanted);
});
