'use strict';
// The same smoke flows in two more engines, over plain W3C WebDriver (./webdriver.js):
// WebKitGTK (MiniBrowser under Xvfb) and Firefox ESR (headless, through geckodriver). Every
// route renders, 「载入示例」, a typed value survives a page load, the member card by its
// link, an import preview, and the service worker: a controlled load and a start with the
// server gone. What an engine cannot do through WebDriver is said (t.diagnostic / a skip
// for that step), and the rest of the group still runs.
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { serve } = require('../support');
const { launchEngine, missing } = require('./webdriver');

const FIXTURES = path.resolve(__dirname, '..', '..', 'tests', 'fixtures');

/** Every route and its heading; `apply` is reached through 「新建申请表」 (a new draft). */
const ROUTES = [
  { slug: '', title: '工作台' },
  { slug: 'apply', title: '未命名申请' }, // a new draft's heading
  { slug: 'unit', title: '单位汇总' },
  { slug: 'execution', title: '执行与核销' },
  { slug: 'rules', title: '规则说明' },
  { slug: 'data', title: '数据与设置' },
  { slug: 'card', title: '成员信息卡（合作单位成员填写）' },
  { slug: 'rule-sets', title: '规则集' },
];

// PEIXUN_ENGINES=webkit (or firefox) runs one group only.
const ENGINES = [
  { name: 'WebKitGTK', engine: 'webkit' },
  { name: 'Firefox ESR', engine: 'firefox' },
].filter(({ engine }) => !process.env.PEIXUN_ENGINES || process.env.PEIXUN_ENGINES.split(',').includes(engine));

const id = (p) => `[id="f-${p}"]`;

/** What the page shows: its route, heading, whether it is still loading, or the error screen. */
function pageState() {
  const failure = document.getElementById('peixun-failure');
  if (failure) return { failure: failure.textContent.replace(/\s+/g, ' ').slice(0, 500) };
  const main = document.querySelector('main[data-page]');
  const h1 = document.querySelector('main h1');
  return {
    ready: document.documentElement.dataset.ready === '1',
    page: main ? main.dataset.page : null,
    title: h1 ? h1.textContent.trim() : null,
    loading: !!document.querySelector('main .loading'),
  };
}

/**
 * Waits until the app is up on route `slug` (its heading `title` if given) with nothing of
 * the page still loading; fails at once, with its text, if the error screen shows.
 */
async function onPage(s, slug, title, timeout = 30000) {
  // The page's state function inlined (the app's CSP allows no eval in the page).
  const check =
    `const st = (${pageState})(); const [want, wantTitle] = arguments;` +
    'if (st.failure) return st;' +
    'return st.ready && !st.loading && st.page === want && (wantTitle === null || st.title === wantTitle) && st;';
  const state = await s.waitFor(check, {
    args: [slug, title ?? null],
    timeout,
    what: `page "${slug}" (${title}) rendered`,
  }).catch(async (e) => {
    const now = await s.execute(pageState).catch(() => null);
    e.message += `\nthe page now: ${JSON.stringify(now)}`;
    throw e;
  });
  assert.equal(state.failure, undefined, `the error screen on "${slug}": ${state.failure}`);
  return state;
}

/** Loads `url` as a new document (not a fragment change): through about:blank first. */
async function load(s, url) {
  await s.goto('about:blank');
  await s.goto(url);
}

for (const { name, engine } of ENGINES) {
  describe(name, { timeout: 240000 }, () => {
    let browser;
    let server;
    let s;

    before(async () => {
      const why = missing(engine);
      if (why) throw new Error(`${name}: ${why} (scripts/setup.sh installs it)`);
      server = await serve();
      browser = await launchEngine(engine);
      s = browser.session;
      await s.setWindowRect({ width: 1280, height: 900 });
    });

    after(async () => {
      await browser?.stop();
      await server?.close();
    });

    test('every route renders without the error screen', async (t) => {
      const v = s.capabilities;
      t.diagnostic(`${v.browserName} ${v.browserVersion}`);
      await s.goto(server.url);
      await onPage(s, '', '工作台');
      for (const { slug, title } of ROUTES) {
        if (slug === 'apply') {
          await s.goto(`${server.url}#/`);
          await onPage(s, '', '工作台');
          await s.click('[data-action="new"]');
          await onPage(s, 'apply', title);
          await s.waitForSelector(id('title'));
        } else {
          await s.goto(`${server.url}#/${slug}`);
          await onPage(s, slug, title);
        }
      }
      // A navigation link too, as a click.
      await s.click('nav a[data-route="rules"]');
      await onPage(s, 'rules', '规则说明');
      const link = 'nav a[data-route="rules"]';
      const current = await s.execute((sel) => document.querySelector(sel).getAttribute('aria-current'), link);
      assert.equal(current, 'page');
    });

    test('工作台: 「载入示例」 lists the sample and saves it', async () => {
      await s.goto(`${server.url}#/`);
      await onPage(s, '', '工作台');
      const before = await s.execute(() => document.querySelectorAll('tr[data-app]').length);
      await s.click('[data-action="examples"]');
      // Its chunk comes on the click; then three rows, saved.
      await s.waitFor(
        (n) =>
          document.querySelectorAll('tr[data-app]').length === n &&
          document.querySelector('[data-save-status="saved"]') !== null &&
          JSON.parse(localStorage.getItem('peixun/index') || '{"applications":[]}').applications.length === n,
        { args: [before + 3], what: `${before + 3} rows listed and saved` },
      );
      const rows = await s.execute(() => [...document.querySelectorAll('tr[data-app]')].map((r) => r.textContent));
      assert.ok(rows.some((r) => r.includes('优秀青年人才培养')), rows.join('\n'));
    });

    test('the editor keeps a typed title across a page load', async () => {
      await s.goto(`${server.url}#/`);
      await onPage(s, '', '工作台');
      await s.click('[data-action="new"]');
      await onPage(s, 'apply', '未命名申请');
      await s.waitForSelector(id('title'));
      const title = `${name} 量子材料表征技术研修`;
      await s.type(id('title'), title);
      const key = await s.waitFor(
        (t) => {
          const app = location.hash.split('/')[2];
          const k = `peixun/app/${app}`;
          return (
            document.querySelector('[data-save-status="saved"]') !== null &&
            (localStorage.getItem(k) || '').includes(JSON.stringify(t)) &&
            k
          );
        },
        { args: [title], what: 'the typed title saved' },
      );
      const url = await s.url();
      await s.execute(() => {
        window.__sameDocument = true;
      });
      await load(s, url);
      await onPage(s, 'apply', title);
      await s.waitForSelector(id('title'));
      assert.equal(await s.execute(() => window.__sameDocument === true), false, 'a new document was loaded');
      assert.equal(await s.property(id('title'), 'value'), title);
      assert.ok((await s.execute((k) => localStorage.getItem(k), key)).includes(title));
      // And after WebDriver's reload (in Firefox it bypasses the service worker: the server answers).
      await s.execute(() => {
        window.__sameDocument = true;
      });
      await s.refresh();
      await onPage(s, 'apply', title);
      await s.waitForSelector(id('title'));
      assert.equal(await s.execute(() => window.__sameDocument === true), false, 'reloaded');
      assert.equal(await s.property(id('title'), 'value'), title);
    });

    test('成员信息卡 by its link on 工作台: typed, saved and read back', async () => {
      await s.goto(`${server.url}#/`);
      await onPage(s, '', '工作台');
      await s.click('main a[href="#/card"]');
      await onPage(s, 'card', '成员信息卡（合作单位成员填写）');
      await s.waitForSelector(id('members[0].name'));
      await s.type(id('members[0].name'), '周合作');
      await s.waitFor(() => (localStorage.getItem('peixun/card') || '').includes('周合作'), {
        what: 'the card saved in peixun/card',
      });
      // Its tools (checks, export) come as a chunk after the form: they have checked it.
      await s.waitFor(() => /还有 \d+ 个错误/.test(document.querySelector('[data-card-check]').textContent), {
        what: 'the card checked',
      });
      await load(s, `${server.url}#/card`);
      await onPage(s, 'card', '成员信息卡（合作单位成员填写）');
      await s.waitForSelector(id('members[0].name'));
      assert.equal(await s.property(id('members[0].name'), 'value'), '周合作');
    });

    test('an import preview from a file chosen in the file input', async (t) => {
      await s.goto(`${server.url}#/`);
      await onPage(s, '', '工作台');
      const file = path.join(FIXTURES, 'unit-3-ranked.peixun.json');
      try {
        // Element send keys on a file input: the absolute path is the file chosen.
        await s.type('input[data-action="import"]', file);
      } catch (e) {
        t.diagnostic(`${name} cannot choose a file through WebDriver: ${e.message}`);
        t.skip(`${name}: no file upload through WebDriver (${e.webdriver || e.message})`);
        return;
      }
      const summary = await s.waitFor(
        () => {
          const p = document.querySelector('[data-import-preview] [data-plan-summary]');
          return p && p.textContent.trim();
        },
        { what: 'the import preview' },
      );
      t.diagnostic(`preview: ${summary}`);
      assert.match(summary, /新增 \d+ 份，更新 \d+ 份，无变化 \d+ 份，冲突 \d+ 份/);
    });

    test('the service worker controls a load, and the app starts with the server gone', async (t) => {
      // Its own server (its own origin): stopping it leaves the other tests' server alone.
      const own = await serve();
      t.after(() => own.close());
      await s.goto(own.url);
      await onPage(s, '', '工作台');
      await s.waitFor(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, {
        timeout: 60000,
        what: 'a service worker controls the first page',
      });
      // Everything saved for offline use (数据与设置's own source: the worker's list).
      await s.waitFor(
        () =>
          fetch('./__peixun-offline.txt')
            .then((r) => r.text())
            .then((t) => t.trim().split('\n').every((l) => l.endsWith(' 1')))
            .catch(() => false),
        { timeout: 90000, every: 500, what: 'every part of the app in the service worker cache' },
      );
      await load(s, `${own.url}#/rules`);
      await onPage(s, 'rules', '规则说明');
      assert.equal(
        await s.execute(() => navigator.serviceWorker.controller !== null),
        true,
        'a navigation is controlled',
      );

      await own.close();
      // Refused now: nothing listens on the port.
      await assert.rejects(fetch(own.url));
      await load(s, own.url);
      await onPage(s, '', '工作台');
      for (const { slug, title } of ROUTES.filter((r) => ['unit', 'data', 'rule-sets'].includes(r.slug))) {
        await s.goto(`${own.url}#/${slug}`);
        await onPage(s, slug, title);
      }
    });
  });
}
