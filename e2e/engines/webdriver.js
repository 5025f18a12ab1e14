// A small W3C WebDriver client over HTTP (node's own fetch), for the engines Playwright
// does not drive here: WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb) and Firefox ESR
// (geckodriver). It starts the driver processes on free ports, waits for /status, and
// stops everything it started (by process group: a driver's browser goes with it), also
// when a test fails or the process exits.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

/** Whether `file` exists and is executable. */
function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const XVFB = process.env.XVFB || '/usr/bin/Xvfb';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
// cargo install puts geckodriver in ~/.cargo/bin, which may not be on the PATH of `make`.
const GECKODRIVER =
  process.env.GECKODRIVER ||
  [
    path.join(os.homedir(), '.cargo', 'bin', 'geckodriver'),
    ...(process.env.PATH || '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, 'geckodriver')),
  ].find(executable) ||
  'geckodriver';

/** The key of a web element reference in W3C WebDriver answers. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A TCP port free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A timeout for a race: it keeps nothing waiting once the race is over. */
const deadline = (ms, value) => new Promise((r) => setTimeout(r, ms, value).unref());

// Every process group started here, killed on exit if still running (a crash, a ^C).
// (A group stays listed until stopped: its leader may be gone and a browser it started not.)
const groups = new Set();
function killGroup(child, signal) {
  if (!child.pid) return; // never started (ENOENT)
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Gone already.
  }
}
// Temporary folders (Firefox profiles), removed on stop or exit.
const tempDirs = new Set();
/** Whether any process of `child`'s group is left. */
function groupAlive(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}
// On exit nothing asynchronous runs: SIGTERM (Xvfb removes its lock file then), up to 2 s
// for the groups to end (a blocking wait), then SIGKILL to what is left.
process.on('exit', () => {
  const left = [...groups].filter((c) => c.pid);
  for (const child of left) killGroup(child, 'SIGTERM');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let end = Date.now() + 2000; Date.now() < end && left.some(groupAlive); ) Atomics.wait(pause, 0, 0, 50);
  for (const child of left) killGroup(child, 'SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => process.exit(128 + (sig === 'SIGINT' ? 2 : 15)));
}

/**
 * Starts `cmd` in its own process group, its output kept (the last 64 KB) for error
 * messages; `extraPipes` more pipes from fd 3 on. Returns { child, log(), exited, stop() }.
 */
function start(cmd, args, env = {}, extraPipes = 0) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', ...Array(extraPipes).fill('pipe')],
    detached: true,
  });
  groups.add(child);
  let out = '';
  const keep = (b) => {
    out = (out + b.toString()).slice(-65536);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
    child.on('error', (error) => {
      keep(String(error));
      resolve({ code: -1, signal: null, error });
    });
  });
  const proc = {
    child,
    exited,
    log: () => out,
    done: false,
    /** SIGTERM to the group, SIGKILL after `grace` ms; then whatever is left of the group. */
    async stop(grace = 3000) {
      if (!groups.has(child)) return;
      if (!proc.done) {
        killGroup(child, 'SIGTERM');
        const late = await Promise.race([exited.then(() => false), deadline(grace, true)]);
        if (late) {
          killGroup(child, 'SIGKILL');
          await exited;
        }
      }
      // The group may hold more than the leader (a browser the driver started).
      killGroup(child, 'SIGKILL');
      groups.delete(child);
    },
  };
  exited.then(() => {
    proc.done = true;
  });
  return proc;
}

/** Whether display `n` is held by a running X server (a lock file naming a live process). */
function displayTaken(n) {
  let pid;
  try {
    pid = parseInt(fs.readFileSync(`/tmp/.X${n}-lock`, 'utf8').trim(), 10);
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Xvfb on a free X display from 90 up (no TCP), once it accepts clients: it writes its
 * display number on fd 3 then (-displayfd). Another Xvfb may take the same number between
 * our check and its start: this one then exits, and the next number is tried. A stale lock
 * (a killed server's) is Xvfb's to take over.
 */
async function startXvfb() {
  for (let n = 90; n < 190; n++) {
    if (displayTaken(n)) continue;
    const xvfb = start(XVFB, [`:${n}`, '-nolisten', 'tcp', '-screen', '0', '1280x1024x24', '-displayfd', '3'], {}, 1);
    let said = '';
    const up = new Promise((resolve) => {
      xvfb.child.stdio[3].on('data', (b) => {
        said += b.toString();
        if (said.includes('\n')) resolve(true);
      });
      xvfb.exited.then(() => resolve(false));
    });
    const ok = await Promise.race([up, deadline(15000, false)]);
    if (ok && said.trim() === String(n)) return { display: `:${n}`, proc: xvfb };
    await xvfb.stop(500);
  }
  throw new Error('no free X display between :90 and :189');
}

/** One request to the driver; its `value`, or an Error naming the WebDriver error. */
async function request(base, method, route, body, timeout = 120000) {
  const res = await fetch(base + route, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // Past the session's own timeouts (page load, script: 60 s): a driver that hangs.
    signal: AbortSignal.timeout(timeout),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${route}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
  }
  const value = json.value;
  if (!res.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    const e = new Error(`${method} ${route}: ${value?.error || res.status}: ${value?.message || text.slice(0, 300)}`);
    e.webdriver = value?.error;
    throw e;
  }
  return value;
}

/** Polls the driver's /status until it says ready. */
async function untilReady(base, proc, name, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (proc.done) throw new Error(`${name} exited before it was ready:\n${proc.log()}`);
    try {
      const status = await request(base, 'GET', '/status');
      if (status && status.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > end) throw new Error(`${name} not ready within ${timeout} ms:\n${proc.log()}`);
    await sleep(100);
  }
}

/** A page function (or a string body) as a WebDriver script calling it with the arguments. */
function script(fn) {
  return typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
}

/** One WebDriver session: the page as the tests use it. */
class Session {
  constructor(base, id, capabilities, engine) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.engine = engine;
  }

  cmd(method, route, body) {
    return request(this.base, method, `/session/${this.id}${route}`, body);
  }

  /** Navigates (a new document unless only the fragment changes) and waits for its load. */
  goto(url) {
    return this.cmd('POST', '/url', { url });
  }

  refresh() {
    return this.cmd('POST', '/refresh', {});
  }

  url() {
    return this.cmd('GET', '/url');
  }

  /** Runs `fn(...args)` in the page; a returned promise is awaited by the driver. */
  execute(fn, ...args) {
    return this.cmd('POST', '/execute/sync', { script: script(fn), args });
  }

  /** Runs `fn(...args)` in the page, whose (possibly async) result is sent back through the callback. */
  executeAsync(fn, ...args) {
    const body =
      `const done = arguments[arguments.length - 1];` +
      `Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))` +
      `.then((v) => done({ ok: v === undefined ? null : v }),` +
      `  (e) => done({ thrown: String(e) + (e && e.stack ? '\\n' + e.stack : '') }));`;
    return this.cmd('POST', '/execute/async', { script: body, args }).then((r) => {
      if (r && typeof r.thrown === 'string') throw new Error(`in the page: ${r.thrown}`);
      return r ? r.ok : r;
    });
  }

  /** The element matching a CSS selector (an error if none). */
  async find(selector) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    return v[ELEMENT];
  }

  async findAll(selector) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: selector });
    return v.map((e) => e[ELEMENT]);
  }

  /** Clicks the element matching `selector` (scrolled into view by the driver). */
  async click(selector) {
    const el = await this.find(selector);
    return this.cmd('POST', `/element/${el}/click`, {});
  }

  /** Types `text` into the element matching `selector` (element send keys: focus, then keys). */
  async type(selector, text) {
    const el = await this.find(selector);
    return this.cmd('POST', `/element/${el}/value`, { text });
  }

  async property(selector, name) {
    const el = await this.find(selector);
    return this.cmd('GET', `/element/${el}/property/${encodeURIComponent(name)}`);
  }

  setWindowRect(rect) {
    return this.cmd('POST', '/window/rect', rect);
  }

  /**
   * Polls `fn(...args)` in the page every `every` ms until it returns a true value (a
   * promise is awaited), and returns that value; fails after `timeout` ms naming `what`.
   * A script error counts as "not yet" (a navigation may be under way) but is reported.
   */
  async waitFor(fn, { args = [], timeout = 30000, every = 100, what = String(fn) } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await this.execute(fn, ...args);
        if (v) return v;
        last = undefined;
      } catch (e) {
        last = e;
      }
      if (Date.now() > end) {
        const why = last ? `\n(last error: ${last.message})` : '';
        throw new Error(`${this.engine}: not true within ${timeout} ms: ${what}${why}`);
      }
      await sleep(every);
    }
  }

  /** Waits until an element matches `selector`; returns nothing. */
  waitForSelector(selector, options = {}) {
    return this.waitFor((s) => document.querySelector(s) !== null, { args: [selector], what: selector, ...options });
  }

  quit() {
    return request(this.base, 'DELETE', `/session/${this.id}`);
  }
}

/**
 * A running driver (and what it needs) with one session. `stop()` ends the session and
 * every process started for it, and removes its temporary files; safe to call twice.
 */
async function launchEngine(engine) {
  const procs = [];
  const dirs = [];
  let session = null;
  const stop = async () => {
    if (session) {
      const s = session;
      session = null;
      await Promise.race([s.quit().catch(() => {}), deadline(10000)]);
    }
    while (procs.length) await procs.pop().stop();
    for (const dir of dirs.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    }
  };
  try {
    let base;
    let capabilities;
    let display;
    if (engine === 'webkit') {
      const xvfb = await startXvfb();
      procs.push(xvfb.proc);
      display = xvfb.display;
      capabilities = {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      };
    } else if (engine === 'firefox') {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-firefox-'));
      dirs.push(profile);
      tempDirs.add(profile);
      capabilities = {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: FIREFOX,
          args: ['-headless', '-profile', profile],
          prefs: { 'intl.accept_languages': 'zh-CN, zh', 'browser.shell.checkDefaultBrowser': false },
        },
      };
    } else {
      throw new Error(`unknown engine ${engine}`);
    }
    // The port was free when asked; if something took it since, the driver exits: another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const driver =
        engine === 'webkit'
          ? start(WEBKIT_DRIVER, [`--port=${port}`], { DISPLAY: display })
          : start(GECKODRIVER, ['--port', String(port), '--host', '127.0.0.1'], { MOZ_HEADLESS: '1' });
      procs.push(driver);
      try {
        await untilReady(base, driver, engine);
        break;
      } catch (e) {
        if (!driver.done || attempt === 3) throw e;
        await procs.pop().stop();
      }
    }
    // A browser that never comes up leaves the driver waiting: 60 s at most.
    const asked = { capabilities: { alwaysMatch: capabilities } };
    const created = await request(base, 'POST', '/session', asked, 60000).catch((e) => {
      throw new Error(`${engine}: no session: ${e.message}\n${procs.map((p) => p.log()).join('\n').slice(-4000)}`);
    });
    session = new Session(base, created.sessionId, created.capabilities, engine);
    await session.cmd('POST', '/timeouts', { script: 60000, pageLoad: 60000, implicit: 0 });
    const s = session;
    return { session: s, stop, log: () => procs.map((p) => p.log()).join('\n') };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Why `engine` cannot run on this machine (a missing program), or null. */
function missing(engine) {
  const need =
    engine === 'webkit'
      ? [WEBKIT_DRIVER, MINIBROWSER, XVFB]
      : [GECKODRIVER, FIREFOX];
  const absent = need.filter((p) => !executable(p));
  return absent.length ? `not installed: ${absent.join(', ')}` : null;
}

module.exports = { launchEngine, missing, freePort, Session, ELEMENT, GECKODRIVER };
