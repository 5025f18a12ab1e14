'use strict';
// The deployment package (scripts/package.py) as an administrator would use it: packed from
// dist/ into a temp folder, its tar.gz extracted, served by Debian's nginx with the
// package's own deploy/nginx-http.conf and deploy/nginx.conf (only the site's path
// changed, as deploy/README.md says), then:
// - every file comes with its type, its caching, the security headers and, where the
//   browser takes it, its precompressed .br or .gz copy, which decodes to the site's file;
// - the app runs from /peixun/ in Chromium (工作台 with 「载入示例」, every page), and once its
//   service worker has it, starts again with nginx stopped.
// The package is made with --fast (brotli -q 5, gzip -6: the same files and configs).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { DIST, launch, newContext, ready, controlled, visitEveryPage, until, allCached } = require('./support');

const ROOT = path.resolve(__dirname, '..');
const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const SUB = '/peixun/';
const PLACEHOLDER = '/srv/peixun/site/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  wasm: 'application/wasm',
  webmanifest: 'application/manifest+json; charset=utf-8',
  png: 'image/png',
};

const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const metaCsp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)[1].split(/\s+/).join(' ');
const build = html.match(/<meta name="peixun-version" content="([0-9a-f]{16})"/)[1];
const cargoVersion = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)[1];
const NAME = `peixun-${cargoVersion}-${build}`;
const HEADERS = {
  'content-security-policy': `${metaCsp}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const app = fs.readdirSync(DIST).find((f) => /^app-[0-9a-f]{16}$/.test(f));
const css = fs.readdirSync(DIST).find((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
const largestChunk = fs
  .readdirSync(path.join(DIST, app))
  .filter((f) => /^chunk_\d+\.wasm$/.test(f))
  .sort((a, b) => fs.statSync(path.join(DIST, app, b)).size - fs.statSync(path.join(DIST, app, a)).size)[0];
const workerLoader = html.match(/<meta name="peixun-worker" content="\.\/([^"]+)"/)[1];
// [path below the site, hashed name?]
const FILES = [
  ['index.html', false],
  ['sw.js', false],
  ['manifest.webmanifest', false],
  ['icons/icon-192.png', false],
  ['boot.js', false],
  [css, true],
  [`${app}/peixun_bg.wasm`, true],
  [`${app}/peixun.js`, true],
  [`${app}/__wasm_split.js`, true],
  [`${app}/${largestChunk}`, true],
  [workerLoader, true],
];

const state = {};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** GET `url` without decoding: { status, headers, body (Buffer) }; rejects when nothing answers. */
function get(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    http
      .get(url, { headers, agent: false }, (res) => {
        const parts = [];
        res.on('data', (d) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Every file below `dir`, as paths relative to it with "/". */
function walk(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(dir, r) : [r];
  });
}

function stopNginx() {
  const nginx = state.nginx;
  if (!nginx || nginx.exitCode !== null || nginx.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => nginx.kill('SIGKILL'), 5000);
    nginx.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    nginx.kill('SIGTERM');
  });
}

before(async () => {
  if (!fs.existsSync(NGINX)) throw new Error(`no nginx at ${NGINX} (scripts/setup.sh installs Debian's: apt-get install nginx)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-package-test-'));
  state.tmp = tmp;
  // nginx's workers may run as another user (nobody, when the test runs as root).
  fs.chmodSync(tmp, 0o755);
  const out = path.join(tmp, 'out');
  state.packageOutput = execFileSync('python3', [path.join(ROOT, 'scripts', 'package.py'), DIST, '--out', out, '--fast'], {
    encoding: 'utf8',
    timeout: 180000,
  });
  state.tar = path.join(out, `${NAME}.tar.gz`);
  state.zip = path.join(out, `${NAME}.zip`);
  const unpacked = path.join(tmp, 'x');
  fs.mkdirSync(unpacked, { mode: 0o755 });
  execFileSync('tar', ['-xzf', state.tar, '-C', unpacked]);
  state.unpacked = unpacked;
  state.top = path.join(unpacked, NAME);
  state.site = path.join(state.top, 'site');

  // What deploy/README.md tells an administrator to change: the site's path, one line.
  const conf = path.join(state.top, 'deploy', 'nginx.conf');
  const text = fs.readFileSync(conf, 'utf8');
  assert.equal(text.split(PLACEHOLDER).length - 1, 1, `deploy/nginx.conf names ${PLACEHOLDER} once`);
  fs.writeFileSync(conf, text.replace(PLACEHOLDER, `${state.site}/`));

  const port = await freePort();
  const dir = path.join(tmp, 'nginx');
  fs.mkdirSync(dir);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${dir}/${k};`).join('\n');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
${temp}
  include ${state.top}/deploy/nginx-http.conf;
  server {
    listen 127.0.0.1:${port};
    include ${conf};
  }
}
`,
  );
  let said = '';
  const nginx = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  nginx.stderr.on('data', (d) => (said += d));
  state.nginx = nginx;
  // Never left running, whatever ends this process.
  process.on('exit', () => nginx.exitCode === null && nginx.kill('SIGKILL'));
  state.origin = `http://127.0.0.1:${port}`;
  state.base = `${state.origin}${SUB}`;
  const end = Date.now() + 15000;
  for (;;) {
    if (nginx.exitCode !== null) {
      const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
      throw new Error(`nginx stopped (${nginx.exitCode}): ${said}\n${log}`);
    }
    try {
      if ((await get(state.base)).status === 200) break;
    } catch (e) {
      // Not listening yet.
    }
    if (Date.now() > end) throw new Error(`nginx did not answer on ${state.base} within 15 s: ${said}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // nginx warns on stderr of what it let pass (a duplicate type, …): none.
  assert.equal(said.trim(), '', 'nginx warned about the config');
});

after(async () => {
  await stopNginx();
  if (state.tmp) fs.rmSync(state.tmp, { recursive: true, force: true });
});

test('the tar.gz and the zip hold peixun-<version>/ with the site, its compressed copies, deploy/ and SHA256SUMS', () => {
  assert.match(state.packageOutput, new RegExp(`${NAME}\\.tar\\.gz \\([\\d,]+ bytes\\)`));
  assert.match(state.packageOutput, new RegExp(`${NAME}\\.zip \\([\\d,]+ bytes\\)`));
  assert.deepEqual(fs.readdirSync(state.unpacked), [NAME]);
  assert.deepEqual(fs.readdirSync(state.top).sort(), ['SHA256SUMS', 'deploy', 'site']);
  assert.deepEqual(fs.readdirSync(path.join(state.top, 'deploy')).sort(), ['Caddyfile', 'README.md', 'nginx-http.conf', 'nginx.conf']);

  // Both archives list the same entries, in the same order.
  const tarList = execFileSync('tar', ['-tzf', state.tar], { encoding: 'utf8' }).trim().split('\n');
  const zipList = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', state.zip], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  assert.deepEqual(zipList, tarList);
  assert.ok(tarList.every((n) => n.startsWith(`${NAME}/`)));

  // SHA256SUMS: every other file, checked by sha256sum itself (the nginx.conf edited above
  // is checked against the packed one).
  const sums = fs.readFileSync(path.join(state.top, 'SHA256SUMS'), 'utf8').trim().split('\n');
  const listed = sums.map((l) => l.slice(66));
  assert.deepEqual(listed, [...listed].sort());
  assert.deepEqual(new Set(listed), new Set(walk(state.top).filter((f) => f !== 'SHA256SUMS')));
  const others = sums.filter((l) => !l.endsWith('  deploy/nginx.conf')).join('\n') + '\n';
  execFileSync('sha256sum', ['-c', '--quiet', '-'], { cwd: state.top, input: others });

  // site/ is dist/, plus a .br and a .gz beside compressible files, which decode to them.
  const dist = walk(DIST).sort();
  const site = walk(state.site).sort();
  assert.deepEqual(site.filter((f) => !/\.(br|gz)$/.test(f)), dist);
  let br = 0;
  for (const f of dist) {
    const bytes = fs.readFileSync(path.join(DIST, f));
    assert.ok(bytes.equals(fs.readFileSync(path.join(state.site, f))), f);
    for (const [suffix, decode] of [['.br', zlib.brotliDecompressSync], ['.gz', zlib.gunzipSync]]) {
      const copy = path.join(state.site, f + suffix);
      if (!fs.existsSync(copy)) continue;
      assert.match(f, /\.(html|js|css|wasm|webmanifest|json|svg|txt)$/, `${f}${suffix}: only compressible files`);
      const packed = fs.readFileSync(copy);
      assert.ok(packed.length <= bytes.length * 0.9, `${f}${suffix} is kept only where it helps`);
      assert.ok(decode(packed).equals(bytes), `${f}${suffix} decodes to ${f}`);
      if (suffix === '.br') br++;
    }
    if (/\.(html|js|css|wasm)$/.test(f) && bytes.length > 4096) {
      assert.ok(fs.existsSync(path.join(state.site, `${f}.br`)) && fs.existsSync(path.join(state.site, `${f}.gz`)), `${f} has .br and .gz`);
    }
  }
  assert.ok(br > 100, `${br} .br files`);
  assert.ok(!fs.existsSync(path.join(state.site, 'icons', 'icon-192.png.br')), 'no .br of a png');

  // The configs carry this build's Content-Security-Policy.
  for (const f of ['nginx.conf', 'Caddyfile']) {
    assert.ok(fs.readFileSync(path.join(state.top, 'deploy', f), 'utf8').includes(HEADERS['content-security-policy']), f);
  }
});

test('nginx serves each file with its type, caching, security headers and precompressed copy', async () => {
  const cases = [['', false], ...FILES];
  for (const [rel, hashed] of cases) {
    const file = rel || 'index.html';
    const original = fs.readFileSync(path.join(DIST, file));
    const ext = file.split('.').pop();
    const has = { br: fs.existsSync(path.join(state.site, `${file}.br`)), gzip: fs.existsSync(path.join(state.site, `${file}.gz`)) };
    if (/\.(html|wasm)$/.test(file) || file === 'sw.js' || file.endsWith('/peixun.js')) {
      assert.ok(has.br && has.gzip, `${file} has both copies (the check below is not empty)`);
    }
    for (const accept of ['br', 'gzip', undefined, 'gzip, deflate, br, zstd', 'br;q=0, gzip', 'identity']) {
      const what = `${SUB}${rel} (Accept-Encoding: ${accept})`;
      const res = await get(state.base + rel, accept);
      assert.equal(res.status, 200, what);
      const h = res.headers;
      assert.equal(h['content-type'], TYPES[ext], `${what}: Content-Type`);
      assert.equal(h['cache-control'], hashed ? IMMUTABLE : 'no-cache', `${what}: Cache-Control`);
      for (const [name, value] of Object.entries(HEADERS)) assert.equal(h[name], value, `${what}: ${name}`);
      assert.match(h['permissions-policy'], /camera=\(\)/, `${what}: Permissions-Policy`);
      assert.equal(h.vary, 'Accept-Encoding', `${what}: Vary`);
      const takes = (e) => accept !== undefined && new RegExp(`(^|,)\\s*${e}\\s*(,|$)`).test(accept);
      const expected = takes('br') && has.br ? 'br' : takes('gzip') && has.gzip ? 'gzip' : undefined;
      assert.equal(h['content-encoding'], expected, `${what}: Content-Encoding`);
      const body = expected === 'br' ? zlib.brotliDecompressSync(res.body) : expected === 'gzip' ? zlib.gunzipSync(res.body) : res.body;
      assert.ok(body.equals(original), `${what}: the body is ${file}`);
      if (expected) assert.ok(res.body.length < original.length, `${what}: smaller than ${file}`);
    }
  }

  // The sub-path without its slash goes to the site; a missing file is a 404 that nobody
  // keeps for a year, with the security headers all the same.
  const bare = await get(state.base.slice(0, -1));
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, SUB);
  const missing = await get(`${state.base}${app}/chunk_does_not_exist.wasm`, 'br');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['cache-control'], undefined);
  assert.equal(missing.headers['content-encoding'], undefined);
  assert.equal(missing.headers['content-security-policy'], HEADERS['content-security-policy']);
  // The .br a browser that takes brotli gets is the one in the package, byte for byte.
  const wasm = `${app}/peixun_bg.wasm`;
  const direct = await get(state.base + wasm, 'br');
  const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
  assert.equal(sha(direct.body), sha(fs.readFileSync(path.join(state.site, `${wasm}.br`))));
});

test('the app runs from nginx under /peixun/ and, its service worker installed, starts with nginx stopped', async (t) => {
  const browser = await launch();
  t.after(() => browser.close().catch(() => {}));
  const context = await newContext(browser);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => /Content Security Policy|Refused to|MIME type/.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  const encodings = new Map();
  page.on('response', async (r) => {
    if (r.url().endsWith('/peixun_bg.wasm') && r.status() === 200) encodings.set(r.url(), (await r.allHeaders())['content-encoding']);
  });

  await page.goto(state.base);
  await ready(page);
  await page.click('[data-action="examples"]');
  await page.waitForSelector('tr[data-app]');
  await page.waitForSelector('[data-save-status="saved"]');
  const rows = await page.locator('tr[data-app]').count();
  await visitEveryPage(page, assert);
  await controlled(page);
  // The first module came as its .br (Chromium takes brotli over https and from 127.0.0.1).
  assert.deepEqual([...encodings.values()], ['br'], 'peixun_bg.wasm came as its .br');
  // Everything is in the worker's cache (on an unmetered link the page asks for the rest when idle).
  await until(page, allCached, null, { timeout: 45000 });

  await stopNginx();
  await assert.rejects(get(state.base), /ECONNREFUSED/, 'nginx is stopped');
  await page.reload();
  await ready(page);
  await visitEveryPage(page, assert);
  await page.click('nav a[data-route=""]');
  await page.waitForSelector('tr[data-app]');
  assert.equal(await page.locator('tr[data-app]').count(), rows);
  assert.deepEqual(problems, []);
});
