'use strict';

// Drives the Rust `Calendar` itself (src/calendar/mod.rs) against an independent second
// source, the npm package `chinese-days` (dev dependency): for every return date from
// 2020-01-01 to 2026-12-31, the training-summary due date the app computes under the
// embedded rule-set (15 working days after return, the return day not counted:
// `execution::summary_deadline` → `Calendar::summary_due`) must be the 15th day after it
// that chinese-days calls a working day.
//
// The Rust side is examples/peixun-due-dates.rs (JSON on stdout). `make test-data` runs it
// into a temp dir and passes the file in PEIXUN_DUE_DATES_FILE; without that variable this
// test runs it itself (`cargo run --quiet --features xlsx --example peixun-due-dates`, the
// features `cargo test --features xlsx` builds with, so its build is reused).
//
// Return dates in late December 2026 count into 2027. Neither source knows 2027's
// arrangement (the built-in calendar covers 2020–2026 and counts an unknown year's
// weekends only; chinese-days 1.5.7 has no 2027 data and calls 2027-01-01, 元旦, a working
// day), so agreeing there would prove nothing. Those dates are not compared: the test
// asserts instead that they are exactly the last return dates, that chinese-days too
// finds fewer than 15 working days left in 2026 for each, and that the Rust side puts
// their due date in 2027 and says so (`unknown_years: [2027]`, the app's 「2027 年的节假日
// 安排未知，按周末计算」).
//
// Run: node --test tests/js/

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { DAY_MS, parseIso: msOf, isoOf, theirsIsWorkday } = require('./chinese-days');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const FIRST = '2020-01-01';
const LAST = '2026-12-31';
const WORKING_DAYS = 15;

function loadRust() {
  const file = process.env.PEIXUN_DUE_DATES_FILE;
  const text = file
    ? fs.readFileSync(path.resolve(file), 'utf8')
    : execFileSync('cargo', ['run', '--quiet', '--features', 'xlsx', '--example', 'peixun-due-dates'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
  return JSON.parse(text);
}

const rust = loadRust();

function* days(fromIso, toIso) {
  for (let ms = msOf(fromIso); ms <= msOf(toIso); ms += DAY_MS) yield isoOf(ms);
}

// Every day a count inside 2020–2026 can reach, asked once.
const workday = new Map();
for (const iso of days(FIRST, LAST)) workday.set(iso, theirsIsWorkday(iso));

/** The n-th chinese-days working day after `returned`, or null when 2026 ends first. */
function theirsDue(returned, n) {
  let left = n;
  for (let ms = msOf(returned) + DAY_MS; ms <= msOf(LAST); ms += DAY_MS) {
    const iso = isoOf(ms);
    if (workday.get(iso) && --left === 0) return iso;
  }
  return null;
}

test('the Rust program: embedded rule-set, 15 working days, every return date once, in order', () => {
  assert.equal(rust.rule_set, 'cas-2020');
  assert.equal(rust.working_days, WORKING_DAYS, 'the embedded rule-set says 15 working days (二(五))');
  assert.deepEqual([rust.from, rust.to], [FIRST, LAST]);
  assert.deepEqual(rust.covered_years, [2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  assert.deepEqual(
    rust.due_dates.map((r) => r.returned),
    [...days(FIRST, LAST)],
    'one row per return date, 2020-01-01 .. 2026-12-31',
  );
});

test('every due date counted inside 2020–2026 matches chinese-days; those counting into 2027 are flagged', (t) => {
  const differ = [];
  const into2027 = [];
  let compared = 0;
  for (const { returned, due, unknown_years: unknown } of rust.due_dates) {
    const theirs = theirsDue(returned, WORKING_DAYS);
    if (theirs === null) {
      // Fewer than 15 chinese-days working days left in 2026: the count needs 2027.
      into2027.push(returned);
      if (!(due > LAST) || JSON.stringify(unknown) !== '[2027]') {
        differ.push(`${returned}: chinese-days counts into 2027, Rust says ${due} (unknown_years ${JSON.stringify(unknown)})`);
      }
      continue;
    }
    compared++;
    if (due !== theirs || unknown.length !== 0) {
      differ.push(`${returned}: Rust ${due} (unknown_years ${JSON.stringify(unknown)}), chinese-days ${theirs}`);
    }
  }
  t.diagnostic(`${compared} return dates compared day for day with chinese-days`);
  t.diagnostic(
    `${into2027.length} return dates (${into2027[0]} .. ${into2027.at(-1)}) count into 2027, which neither source ` +
      'knows: not compared; each is due in 2027 with unknown_years [2027] on the Rust side',
  );
  assert.deepEqual(differ, [], `${differ.length} return date(s) differ:\n  ${differ.slice(0, 40).join('\n  ')}`);

  // The uncompared dates are exactly the last ones, and few: 15 working days are about
  // three weeks, so a count from before December 2026 never needs 2027.
  assert.ok(into2027.length > 0 && into2027.length < 31, `${into2027.length} dates count into 2027`);
  assert.deepEqual(into2027, [...days(into2027[0], LAST)], 'the dates counting into 2027 are the last ones');
  assert.ok(into2027[0] >= '2026-12-01', `a count from ${into2027[0]} needs 2027`);
});
