// `make bench`: one table of peixun's performance beside the same 附件1 built with SurveyJS
// (bench/surveyjs/), measured the same way in the same run. Method: docs/PERFORMANCE.md.
// Expects dist/ (release build), target/bench/*.peixun.json (scripts/bench.sh writes them)
// and, for the native rows, Criterion's last results in target/criterion/. The bureau's rows
// (target/bench/bureau/, 100 unit bundles) are scripts/bench-bureau.js, which runs alone too.
// Env: RUNS (cold loads, 7), KEYS (keystrokes, 50); BUREAU_RUNS, DECISIONS as bench-bureau.js reads.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const os = require('node:os');
const { serve, launch } = require('../e2e/support');
const b = require('./bench-browser');
const bureau = require('./bench-bureau');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, process.env.PEIXUN_DIST || 'dist');
const OUT = path.join(ROOT, 'target', 'bench');
const RUNS = Number(process.env.RUNS || 7);
const KEYS = Number(process.env.KEYS || 50);
const LOAD = os.loadavg();
const SURVEY_FILES = [
  ['survey-core/survey-core.fontless.min.css', 'survey-core.fontless.min.css'],
  ['survey-core/survey.core.min.js', 'survey.core.min.js'],
  ['survey-core/i18n/simplified-chinese.min.js', 'simplified-chinese.min.js'],
  ['survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
];

/** bench/surveyjs plus the library files it loads, copied from node_modules. */
function surveyDir() {
  const dir = path.join(OUT, 'surveyjs');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'bench', 'surveyjs'))) {
    fs.copyFileSync(path.join(ROOT, 'bench', 'surveyjs', f), path.join(dir, f));
  }
  for (const [from, to] of SURVEY_FILES) fs.copyFileSync(path.join(ROOT, 'node_modules', from), path.join(dir, to));
  return dir;
}

function size(file) {
  const raw = fs.readFileSync(file);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  return [raw.length, gz, br];
}

/**
 * Per file (raw, gzip -9, brotli 11) and the first-load total: the wasm, js and css the
 * page fetched before it was interactive (`fetched`, URL paths from the TTI run). So the
 * export worker, the lazily loaded chunks, the service worker (registered after load) and
 * recover.html's files are left out because the page did not ask for them.
 */
function sizes(dir, fetched) {
  const files = fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile() && !f.endsWith('.png'));
  const asked = new Set(fetched.map((p) => p.replace(/^\//, '')));
  const first = (f) => /\.(wasm|js|css)$/.test(f) && asked.has(f.split(path.sep).join('/'));
  const rows = files.sort().map((f) => ({ f, first: first(f), s: size(path.join(dir, f)) }));
  const total = [0, 1, 2].map((i) => rows.filter((r) => r.first).reduce((n, r) => n + r.s[i], 0));
  return { rows, total };
}

/** Brotli bytes of the wasm files among `fetched` (URL paths), from `dir`. */
const wasmBrotli = (dir, fetched) =>
  fetched.filter((p) => p.endsWith('.wasm')).reduce((n, p) => n + size(path.join(dir, p))[2], 0);

/**
 * What a first visit downloaded (`fetched`, URL paths, the service worker's included), as
 * a host serving brotli 11 would send it (images as they are): bytes and files.
 */
function visitBytes(dir, fetched) {
  const files = fetched.map((p) => path.join(dir, p.replace(/^\//, '') || 'index.html')).filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  const bytes = files.reduce((n, f) => n + (f.endsWith('.png') ? fs.statSync(f).size : size(f)[2]), 0);
  return { bytes, files: files.length };
}

/** Criterion's last estimates (mean, ns) by "group/function", from target/criterion. */
function criterion() {
  const dir = path.join(ROOT, 'target', 'criterion');
  const out = {};
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    if (!f.endsWith(path.join('new', 'benchmark.json'))) continue;
    const meta = JSON.parse(fs.readFileSync(path.join(dir, f)));
    const est = JSON.parse(fs.readFileSync(path.join(dir, path.dirname(f), 'estimates.json')));
    out[meta.full_id] = { ns: est.median.point_estimate, at: fs.statSync(path.join(dir, f)).mtime };
  }
  // Only the last run: benchmarks since renamed leave their old results behind.
  const last = Math.max(...Object.values(out).map((x) => x.at.getTime()));
  for (const [id, x] of Object.entries(out)) if (last - x.at.getTime() > 10 * 60 * 1000) delete out[id];
  return out;
}

const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const spread = (xs) => `${ms(b.median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
const verdict = (value, budget) => (Number.isFinite(value) ? (value <= budget ? 'met' : 'MISSED') : '—');

async function main() {
  const bundles = { one: 'unit-1.peixun.json', unit: 'unit-300.peixun.json', large: 'unit-5mb.peixun.json' };
  for (const k in bundles) bundles[k] = path.join(OUT, bundles[k]);
  // One in the middle: the editor finds its application by id among the 300.
  const firstId = JSON.parse(fs.readFileSync(bundles.unit)).applications[150].id;
  const oneId = JSON.parse(fs.readFileSync(bundles.one)).applications[0].id;
  const largeMb = fs.statSync(bundles.large).size / 1048576;
  const sdir = surveyDir();

  const oursSrv = await serve(DIST);
  const theirSrv = await serve(sdir);
  const browser = await launch();
  const r = {};
  try {
    ({ times: r.tti, fetched: r.fetched } = await b.tti(browser, oursSrv.url, RUNS));
    ({ times: r.ttiS, fetched: r.fetchedS } = await b.tti(browser, theirSrv.url, RUNS));
    // A phone on a mobile network (bench-browser.js PHONE): 工作台, the member card by its
    // link, SurveyJS's form; then what a first visit downloads in its first 30 s.
    // Both served compressed, as a static host would (the rows above: uncompressed, local).
    const oursZ = await b.serveCompressed(DIST);
    const theirZ = await b.serveCompressed(sdir);
    try {
      r.phone = {
        workspace: await b.phoneTti(browser, oursZ.url, 'html[data-ready="1"] main[data-page=""] h1', RUNS),
        card: await b.phoneTti(browser, `${oursZ.url}#/card`, 'main[data-page="card"] form input', RUNS),
        survey: await b.phoneTti(browser, theirZ.url, 'html[data-ready="1"]', RUNS),
        visit: visitBytes(DIST, await b.firstVisitPaths(browser, oursZ.url)),
        visitCard: visitBytes(DIST, await b.firstVisitPaths(browser, `${oursZ.url}#/card`)),
        visitS: visitBytes(sdir, await b.firstVisitPaths(browser, theirZ.url)),
      };
    } finally {
      await oursZ.close();
      await theirZ.close();
    }

    const unit = await b.openWith(browser, oursSrv.url, bundles.unit);
    await unit.page.goto(`${oursSrv.url}#/apply/${firstId}/basic`);
    await unit.page.waitForSelector('#f-title');
    r.type300 = await b.typing(unit.page, '#f-title', KEYS);
    r.findings = await b.spans(unit.page, 'peixun-findings');
    r.saves = await b.spans(unit.page, 'peixun-save');
    r.reval = await b.revalidate(unit.page, 15);
    r.xlsx = await b.exportXlsx(unit.page, 5);
    // 工作台's search box: an application's leader and unit typed character by character, then
    // erased with Backspace; every keystroke filters 300 applications.
    // A reload, so that the editor's typing probe is not listening twice.
    await unit.page.goto(`${oursSrv.url}#/`);
    await unit.page.reload();
    await unit.page.waitForSelector('tr[data-app] [data-status]:not([data-status="checking"])');
    const sought = JSON.parse(fs.readFileSync(bundles.unit)).applications[150].members[0];
    const steps = [sought.name, sought.unit.slice(0, 6)].flatMap((w) => [...[...w].map((c) => c), ...[...w].map(() => null)]);
    r.search300 = await b.typing(unit.page, '#list-search', KEYS, 80, (i) =>
      steps[i % steps.length] === null ? unit.page.keyboard.press('Backspace') : unit.page.keyboard.insertText(steps[i % steps.length]),
    );
    await unit.context.close();

    const one = await b.openWith(browser, oursSrv.url, bundles.one);
    // The first visit to the editor fetches its chunks (the import before fetched its own).
    r.editorVisit = await b.visit(one.page, `#/apply/${oneId}/basic`, '#f-title');
    r.editorVisit.brotli = wasmBrotli(DIST, r.editorVisit.fetched);
    r.type1 = await b.typing(one.page, '#f-title', KEYS);
    r.editorReload = await b.reloadInto(one.page, `#/apply/${oneId}/basic`, '#f-title', RUNS);
    await one.context.close();

    r.imports = [];
    for (let i = 0; i < 5; i++) {
      const big = await b.openWith(browser, oursSrv.url, null);
      r.imports.push(await b.importBundle(big.page, bundles.large));
      await big.context.close();
    }
    // 院人事局: 100 unit bundles of 30 groups opened together, then decisions on them.
    r.bureau = await bureau.bureau(browser, oursSrv.url, path.join(OUT, 'bureau'));

    const s = await browser.newContext({ serviceWorkers: 'block' });
    const sp = await s.newPage();
    await sp.goto(theirSrv.url);
    await sp.waitForSelector('html[data-ready="1"]');
    // The same application as ours types into, so the form holds as much.
    const app = JSON.parse(fs.readFileSync(bundles.one)).applications[0];
    const title = await sp.evaluate((a) => {
      const priority = Object.entries(a.priority).filter(([, v]) => v === true).map(([k]) => k);
      const { name: contact_name, phone: contact_phone, email: contact_email } = a.contact;
      window.survey.data = { ...a, priority, contact_name, contact_phone, contact_email };
      return '#' + window.survey.getQuestionByName('title').inputId;
    }, app);
    r.typeS = await b.typing(sp, title, KEYS);
    await s.close();
  } finally {
    await browser.close();
    await oursSrv.close();
    await theirSrv.close();
  }
  print(sizes(DIST, r.fetched), sizes(sdir, r.fetchedS), r, criterion(), largeMb);
}

function print(ours, theirs, r, native, largeMb) {
  const line = (...c) => console.log(c[0].padEnd(50) + c.slice(1).map((x) => String(x).padStart(14)).join(''));
  line('file (first load: wasm/js/css)', 'raw', 'gzip -9', 'brotli 11');
  // The lazy chunks in one row each: split_<page>.wasm by name, the shared chunk_N.wasm summed.
  const shared = /(^|\/)chunk_\d+\.wasm$/;
  for (const [name, set] of [['peixun', ours], ['SurveyJS', theirs]]) {
    for (const { f, first, s } of set.rows.filter((r) => !shared.test(r.f))) line(`${name}  ${f}${first ? '' : '  (not first load)'}`, ...s);
    const chunks = set.rows.filter((r) => shared.test(r.f));
    if (chunks.length) {
      const sum = [0, 1, 2].map((i) => chunks.reduce((n, r) => n + r.s[i], 0));
      line(`${name}  ${chunks.length} shared chunks (chunk_N.wasm, not first load)`, ...sum);
    }
  }
  console.log('');
  line('metric', 'peixun', 'SurveyJS', 'ours/SurveyJS', 'budget', '');
  const labels = ['raw', 'gzip -9', 'brotli 11'];
  ours.total.forEach((v, i) =>
    line(`first load, ${labels[i]}`, kb(v), kb(theirs.total[i]), (v / theirs.total[i]).toFixed(2), i === 2 ? '250 KB' : '', i === 2 ? verdict(v, 256000) : ''),
  );
  const ttiO = b.median(r.tti);
  const ttiS = b.median(r.ttiS);
  line(`time to interactive, ms, median of ${r.tti.length}`, ms(ttiO), ms(ttiS), (ttiO / ttiS).toFixed(2), '300', verdict(ttiO, 300));
  line('  spread (min–max)', `${ms(Math.min(...r.tti))}–${ms(Math.max(...r.tti))}`, `${ms(Math.min(...r.ttiS))}–${ms(Math.max(...r.ttiS))}`);
  const p = r.phone;
  line(`phone (1.6 Mbit/s, 150 ms, 4× CPU): TTI, median of ${p.workspace.length}`, ms(b.median(p.workspace)), ms(b.median(p.survey)), (b.median(p.workspace) / b.median(p.survey)).toFixed(2));
  line('  spread (min–max)', `${ms(Math.min(...p.workspace))}–${ms(Math.max(...p.workspace))}`, `${ms(Math.min(...p.survey))}–${ms(Math.max(...p.survey))}`);
  line('phone: 成员信息卡 by its link → form, ms', spread(p.card), '', '', '2000', verdict(b.median(p.card), 2000));
  const vb = (v) => `${kb(v.bytes)} / ${v.files}`;
  line('phone: first visit, first 30 s (brotli) / files', vb(p.visit), vb(p.visitS), (p.visit.bytes / p.visitS.bytes).toFixed(2), '2× first load', verdict(p.visit.bytes, 2 * ours.total[2]));
  line('  the same, opened on 成员信息卡', vb(p.visitCard));
  const t = r.type300;
  line(`input → paint, ms, median (${t.toPaint.length} keys, 300 apps)`, ms(t.median), ms(r.typeS.median), (t.median / r.typeS.median).toFixed(2), '8', verdict(t.median, 8));
  line('input → paint, ms, p95', ms(t.p95), ms(r.typeS.p95), (t.p95 / r.typeS.p95).toFixed(2), '8', verdict(t.p95, 8));
  const q = r.search300;
  line(`search → paint, ms, median / p95 (${q.toPaint.length} keys, 300 apps)`, `${ms(q.median)} / ${ms(q.p95)}`, '', '', 'p95 50', verdict(q.p95, 50));
  const split = (x) => `${ms(x.toFrame)} + ${ms(x.render)}`;
  line('  median input → rAF + rAF → painted, ms', split(t), split(r.typeS));
  line('input → paint, ms, median / p95, 1 application', `${ms(r.type1.median)} / ${ms(r.type1.p95)}`);
  const ev = r.editorVisit;
  line('first visit to 申请表: lazy chunks, ms', `${kb(ev.brotli)}, ${ms(ev.ms)}`);
  line(`reload on 申请表 → form shown, ms, median of ${r.editorReload.length}`, spread(r.editorReload));
  const et = (x) => `${x.eventTiming.length} ≥16 ms`;
  line('Event Timing, key/input events ≥ 16 ms', et(t), et(r.typeS));
  const handlers = (x) => ms(b.median(x.eventTiming.map((e) => e.handlers)));
  line('  their handlers, ms, median', handlers(t), handlers(r.typeS));
  line('  findings memo per keystroke, ms, median / max', `${ms(b.median(r.findings))} / ${ms(Math.max(...r.findings))}`);
  line(`  autosave while typing (${r.saves.length} saves), ms, median / max`, `${ms(b.median(r.saves))} / ${ms(Math.max(...r.saves))}`);
  line('re-validate 300 applications, ms (in page)', spread(r.reval), '', '', '10', verdict(b.median(r.reval), 10));
  const imp = (k) => b.median(r.imports.map((x) => x[k]));
  const totals = r.imports.map((x) => x.prepare + x.apply);
  line(`import ${largeMb.toFixed(1)} MB: parse+plan / apply, ms`, `${ms(imp('prepare'))} / ${ms(imp('apply'))}`);
  line(`import ${largeMb.toFixed(1)} MB in page, ms, median (min–max)`, spread(totals), '', '', '200', verdict(b.median(totals), 200));
  line('  wall: file → preview / confirm → list, ms', `${ms(imp('toPreview'))} / ${ms(imp('toList'))}`, '', '', 'list 1000', verdict(imp('toList'), 1000));
  for (const row of bureau.rows(r.bureau)) line(...row);
  line('XLSX export, 300 rows: first (fetches worker), ms', ms(r.xlsx[0]));
  line('XLSX export, 300 rows: again, median, ms', ms(b.median(r.xlsx.slice(1))));
  const n = (id) => native[id];
  const nat = [
    ['native: check_application (1), µs', 'check_application (1 application)', 1e3, 20],
    ['native: check_all, 300 applications, ms', 'unit of 300/check_all', 1e6],
    ['native: Cx::new + check_all, 300, ms', 'unit of 300/Cx::new + check_all', 1e6],
  ];
  for (const [label, id, div, budget] of nat) {
    const v = n(id) ? n(id).ns / div : NaN;
    line(label, ms(v), '', '', budget ? String(budget) : '', budget ? verdict(v, budget) : '');
  }
  for (const id of Object.keys(native).filter((k) => k.startsWith('unit bundle of')).sort()) {
    const [what, how] = id.replace(/^unit bundle of /, '').split('/');
    const budget = how.startsWith('import into an empty') ? 200 : 0;
    const v = native[id].ns / 1e6;
    line(`native ${what.replace(/ \(.*/, '')}: ${how}, ms`.slice(0, 50), ms(v), '', '', budget || '', budget ? verdict(v, budget) : '');
  }
  console.log(`\nload average at start: ${LOAD.map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} CPUs; others' builds make the spread)`);
  const when = Object.values(native).map((x) => x.at).sort().pop();
  console.log(when ? `\nnative figures: Criterion medians from target/criterion, ${when.toISOString()}` : '\nnative figures: none yet (cargo bench --bench validate)');
  fs.writeFileSync(path.join(OUT, 'last.json'), JSON.stringify({ ours: ours.total, theirs: theirs.total, ...r }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
