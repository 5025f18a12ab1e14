'use strict';
// Two tabs on the member card, and a deletion meeting another tab's newer version: no tab
// overwrites or removes what another saved without the user's choice.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { openApp, ready, writeOtherVersion } = require('./support');

const NAME = '[id="f-members[0].name"]';
const UNIT = '[id="f-members[0].unit"]';
const card = (page) => page.evaluate(() => localStorage.getItem('peixun/card'));
const stored = (page, id) => page.evaluate((k) => localStorage.getItem(k), `peixun/app/${id}`);

// Types into a field of the card in one task, as an input event would.
const type = (page, selector, value) => page.evaluate(([s, v]) => {
  const input = document.querySelector(s);
  input.value = v;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}, [selector, value]);

test('two tabs on the member card: one without a change takes the other\'s card; a change on both sides asks which to keep', async (t) => {
  const { page: a, server } = await openApp(t, '#/card');
  const b = await a.context().newPage();
  await b.goto(`${server.url}#/card`);
  await ready(b);
  await Promise.all([a.waitForSelector(NAME), b.waitForSelector(NAME)]);

  // A fills in a name: saved; B, with no change of its own, shows it.
  await a.fill(NAME, '周甲');
  await a.waitForFunction(() => JSON.parse(localStorage.getItem('peixun/card') || '{}').member?.name === '周甲');
  await b.waitForFunction((s) => document.querySelector(s).value === '周甲', NAME);
  assert.equal(await b.locator('[data-card-clash]').count(), 0);

  // Another tab's card B has not seen yet (written by B's own script: no event reaches B),
  // then B changes a field: its save is refused and it asks, writing nothing.
  const theirs = await card(b).then((text) => {
    const c = JSON.parse(text);
    c.member.name = '周乙（另一标签页）';
    return JSON.stringify(c);
  });
  await b.evaluate((text) => localStorage.setItem('peixun/card', text), theirs);
  // A, with no change of its own, takes it.
  await a.waitForFunction((s) => document.querySelector(s).value === '周乙（另一标签页）', NAME);
  await type(b, UNIT, '中国科学院大连化学物理研究所');
  await b.waitForSelector('[data-card-clash]');
  assert.equal(await b.getAttribute('[data-card-clash]', 'role'), 'alert');
  assert.match(await b.textContent('[data-card-clash]'), /周乙（另一标签页）/);
  assert.equal(await card(b), theirs, 'the other tab\'s card, byte for byte');
  assert.equal(await b.inputValue(NAME), '周甲', 'B still shows its own card');
  assert.match(await b.textContent('.save-note'), /尚未保存/);

  // B keeps its own: written over theirs; A (no change of its own) follows.
  await b.click('[data-action="card-keep-mine"]');
  await b.waitForFunction(() => JSON.parse(localStorage.getItem('peixun/card')).member.unit === '中国科学院大连化学物理研究所');
  assert.equal(JSON.parse(await card(b)).member.name, '周甲');
  await a.waitForFunction((s) => document.querySelector(s).value === '中国科学院大连化学物理研究所', UNIT);
  assert.equal(await a.inputValue(NAME), '周甲');
  assert.equal(await b.locator('[data-card-clash]').count(), 0);

  // Once more, and this time B takes theirs: shown, and nothing written.
  const again = JSON.stringify({ ...JSON.parse(await card(b)), member: { ...JSON.parse(await card(b)).member, name: '周丙（另一标签页）' } });
  await b.evaluate((text) => localStorage.setItem('peixun/card', text), again);
  await type(b, NAME, '周丁（本页）');
  await b.waitForSelector('[data-card-clash]');
  await b.click('[data-action="card-take-theirs"]');
  await b.waitForFunction((s) => document.querySelector(s).value === '周丙（另一标签页）', NAME);
  assert.equal(await card(b), again);
  assert.equal(await b.locator('[data-card-clash]').count(), 0);
});

test('deleting a draft another tab changed meanwhile asks; the other tab\'s version comes back at its place', async (t) => {
  const { page: a, server } = await openApp(t);
  await a.click('[data-action="examples"]');
  await a.waitForSelector('tr[data-app]');
  const ids = await a.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app));
  const id = ids[1];
  await a.goto(`${server.url}#/apply/${id}/basic`);
  await a.waitForSelector('[id="f-title"]');
  const b = await a.context().newPage();
  await b.goto(`${server.url}#/`);
  await ready(b);

  // A types while B saves another version (a real second tab): A asks, as ever.
  const base = await stored(b, id);
  await type(a, '[id="f-title"]', '本页未保存的标题');
  await writeOtherVersion(b, id, base, '另一标签页的标题');
  const sel = `[data-tab-conflict="${id}"]`;
  await a.waitForSelector(sel);
  const theirs = await stored(a, id);
  assert.match(theirs, /另一标签页的标题/);

  // A deletes it from 工作台 with the question open: B's version is not removed; the
  // question is now about the deletion.
  await a.goto(`${server.url}#/`);
  await a.click(`tr[data-app="${id}"] [data-action="delete"]`);
  await a.waitForSelector(`${sel}[data-mine-deleted]`);
  assert.match(await a.textContent(sel), /本页删除了它/);
  assert.equal(await stored(a, id), theirs, 'the other tab\'s version, byte for byte');
  assert.equal(await a.locator(`tr[data-app="${id}"]`).count(), 0);

  // A keeps B's version: back in the list at the deleted one's place, as B saved it.
  await a.click(`${sel} [data-action="take-theirs"]`);
  await a.waitForSelector(`tr[data-app="${id}"]`);
  assert.deepEqual(await a.$$eval('tr[data-app]', (rows) => rows.map((r) => r.dataset.app)), ids);
  assert.match(await a.textContent(`tr[data-app="${id}"]`), /另一标签页的标题/);
  await a.waitForFunction(() => document.querySelector('[data-save-status]')?.dataset.saveStatus === 'saved');
  assert.equal(await stored(a, id), theirs);
  assert.ok(JSON.parse(await a.evaluate(() => localStorage.getItem('peixun/index'))).applications.includes(id));
  assert.equal(await a.locator('[data-tab-conflicts]').count(), 0);
});

test('a deletion that meets a version it has not seen yet asks; 「仍然删除」 removes it', async (t) => {
  const { page: a, server } = await openApp(t);
  await a.click('[data-action="examples"]');
  await a.waitForSelector('tr[data-app]');
  const id = await a.$eval('tr[data-app]', (r) => r.dataset.app);
  const b = await a.context().newPage();
  await b.goto(`${server.url}#/`);
  await ready(b);
  await b.waitForSelector(`tr[data-app="${id}"]`);
  // Another tab's save that has not reached A yet (written by A's own script: no event).
  const theirs = await a.evaluate((k) => {
    const app = JSON.parse(localStorage.getItem(k));
    app.title = '另一标签页刚保存的标题';
    app.revision += 1;
    localStorage.setItem(k, JSON.stringify(app));
    return localStorage.getItem(k);
  }, `peixun/app/${id}`);
  await a.click(`tr[data-app="${id}"] [data-action="delete"]`);
  const sel = `[data-tab-conflict="${id}"][data-mine-deleted]`;
  await a.waitForSelector(sel);
  assert.match(await a.textContent(sel), /另一标签页刚保存的标题/);
  assert.equal(await stored(a, id), theirs, 'not removed unseen');
  assert.equal(await a.getAttribute('[data-save-status]', 'data-save-status'), 'failed');

  // 「仍然删除」: removed, and the index no longer lists it; the other tab follows.
  await a.click(`${sel} [data-action="keep-mine"]`);
  await a.waitForFunction((k) => localStorage.getItem(k) === null, `peixun/app/${id}`);
  await a.waitForFunction((i) => !JSON.parse(localStorage.getItem('peixun/index')).applications.includes(i), id);
  await b.waitForSelector(`tr[data-app="${id}"]`, { state: 'detached' });
  assert.equal(await a.locator('[data-tab-conflicts]').count(), 0);
});
