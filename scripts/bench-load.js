// Time to interactive of dist/ in headless Chromium on 127.0.0.1: from navigation start
// to the app's performance mark "peixun-interactive" (set once the shell is mounted).
// Each load is cold: a new browser context, no cache, no service worker.
'use strict';
const { serve, launch, ready } = require('../e2e/support');

const RUNS = Number(process.env.RUNS || 7);

(async () => {
  const server = await serve();
  const browser = await launch();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    times.push(await page.evaluate(() => performance.getEntriesByName('peixun-interactive')[0].startTime));
    await context.close();
  }
  await browser.close();
  await server.close();
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`time to interactive, ${RUNS} cold loads (ms): median ${median.toFixed(1)}, min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}; budget 300`);
  console.log(`  each: ${times.map((t) => t.toFixed(1)).join(', ')}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
