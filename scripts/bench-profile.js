// Where the time goes (docs/PERFORMANCE.md): the CPU profile of one scenario, by function
// self time. Build with function names first (no wasm-opt:
// `PEIXUN_WASM_NAMES=1 trunk build --release --dist /tmp/peixun-prof`), then:
//   node scripts/bench-profile.js /tmp/peixun-prof typing|search|import|revalidate
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { serve, launch } = require('../e2e/support');
const b = require('./bench-browser');

const [dir, scenario = 'typing'] = process.argv.slice(2);
const OUT = path.resolve(__dirname, '..', 'target', 'bench');

(async () => {
  const server = await serve(path.resolve(dir));
  const browser = await launch();
  const unit = path.join(OUT, 'unit-300.peixun.json');
  const id = JSON.parse(fs.readFileSync(unit)).applications[0].id;
  const { page } = await b.openWith(browser, server.url, scenario === 'import' ? null : unit);
  if (scenario === 'typing') {
    await page.goto(`${server.url}#/apply/${id}/basic`);
    await page.waitForSelector('#f-title');
  }
  // The bench's search probe (scripts/bench.js): a member's name and unit typed into 工作台's
  // search box and erased again.
  const sought = JSON.parse(fs.readFileSync(unit)).applications[150].members[0];
  const steps = [sought.name, sought.unit.slice(0, 6)].flatMap((w) => [...[...w].map((c) => c), ...[...w].map(() => null)]);
  const step = (i) => (steps[i % steps.length] === null ? page.keyboard.press('Backspace') : page.keyboard.insertText(steps[i % steps.length]));
  if (scenario === 'search') {
    await page.goto(`${server.url}#/`);
    await page.waitForSelector('tr[data-app] [data-status]:not([data-status="checking"])');
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  if (scenario === 'typing') console.log('typing', (await b.typing(page, '#f-title', 30)).median);
  if (scenario === 'search') console.log('search', (await b.typing(page, '#list-search', 30, 80, step)).median);
  if (scenario === 'import') console.log('import', await b.importBundle(page, path.join(OUT, 'unit-5mb.peixun.json')));
  if (scenario === 'revalidate') console.log('revalidate', await b.revalidate(page, 5));
  await page.waitForTimeout(1000);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = new Map(profile.samples.map((s, i) => [i, profile.timeDeltas[i] || 0]));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((s, i) => {
    const f = byId.get(s).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url ? path.basename(f.url) : ''}`;
    self.set(key, (self.get(key) || 0) + dt.get(i) / 1000);
  });
  const top = [...self].sort((x, y) => y[1] - x[1]).slice(0, 40);
  for (const [k, v] of top) console.log(v.toFixed(1).padStart(9), 'ms ', k.slice(0, 140));
  fs.writeFileSync(path.join(OUT, `${scenario}.cpuprofile`), JSON.stringify(profile));
  await browser.close();
  await server.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
