'use strict';

// Cross-checks src/calendar/cn-holidays.json (our own table, typed from the
// State Council notices 国务院办公厅关于某年部分节假日安排的通知) against an
// independent second source, the npm package `chinese-days` (dev dependency),
// day by day for 2020-01-01 .. 2026-12-31.
//
// Run: node --test tests/js/
// Set PEIXUN_HOLIDAYS_FILE=/path/to/other.json to check another copy of the
// data file (relative paths are resolved against the current directory).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { DAY_MS, parseIso, isoOf, theirsIsWorkday } = require('./chinese-days');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DATA_FILE = process.env.PEIXUN_HOLIDAYS_FILE
  ? path.resolve(process.env.PEIXUN_HOLIDAYS_FILE)
  : path.join(REPO_ROOT, 'src', 'calendar', 'cn-holidays.json');

const FIRST_YEAR = 2020;
const LAST_YEAR = 2026;

// Days on which chinese-days is known to disagree with the official notice.
// Key: ISO date; value: why our data is right (with the notice number).
// Every entry must still be a real disagreement, or the test fails (so a
// stale entry gets removed once chinese-days is fixed).
const KNOWN_DIFFERENCES = {
  // (none at present)
};

const data = JSON.parse(fs.readFileSync(DATA_FILE, 'utf8'));


/** 0 = Sunday .. 6 = Saturday */
function weekdayOf(iso) {
  return new Date(parseIso(iso)).getUTCDay();
}

function isWeekend(iso) {
  const wd = weekdayOf(iso);
  return wd === 0 || wd === 6;
}

function* daysOfYear(year) {
  const end = Date.UTC(year, 11, 31);
  for (let ms = Date.UTC(year, 0, 1); ms <= end; ms += DAY_MS) yield isoOf(ms);
}

// Ranges and make-up days of every entry.
const allRanges = data.years.flatMap((y) =>
  y.holidays.map((h) => ({ ...h, year: y.year, fromMs: parseIso(h.from), toMs: parseIso(h.to) })),
);
const allWorkdays = new Set(data.years.flatMap((y) => y.workdays));

function holidayRangeOf(iso) {
  const ms = parseIso(iso);
  return allRanges.find((r) => r.fromMs <= ms && ms <= r.toMs);
}

/** Our answer: is this day off? */
function oursIsOff(iso) {
  if (allWorkdays.has(iso)) return false;
  if (holidayRangeOf(iso)) return true;
  return isWeekend(iso);
}

/** chinese-days' answer: is this day off? */
function theirsIsOff(iso) {
  return !theirsIsWorkday(iso);
}

function describe(off) {
  return off ? 'off' : 'working day';
}

test('data file: shape, ranges, make-up workdays, sources', () => {
  assert.deepEqual(Object.keys(data), ['years'], 'top level must have exactly the key "years"');
  assert.ok(Array.isArray(data.years), '"years" must be an array');

  const years = data.years.map((y) => y.year);
  const expectedYears = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) expectedYears.push(y);
  assert.deepEqual(years, expectedYears, 'years must be exactly 2020..2026, in order');

  for (const y of data.years) {
    const where = `year ${y.year}`;
    assert.deepEqual(Object.keys(y).sort(), ['holidays', 'source', 'workdays', 'year'], `${where}: keys`);
    assert.equal(typeof y.source, 'string', `${where}: source must be a string`);
    assert.ok(y.source.trim().length > 0, `${where}: source must be non-empty`);
    assert.ok(Array.isArray(y.holidays) && y.holidays.length > 0, `${where}: holidays must be a non-empty array`);
    assert.ok(Array.isArray(y.workdays), `${where}: workdays must be an array`);

    let prevTo = null;
    for (const h of y.holidays) {
      const what = `${where}: holiday ${JSON.stringify(h)}`;
      assert.deepEqual(Object.keys(h).sort(), ['from', 'name', 'to'], `${what}: keys`);
      assert.equal(typeof h.name, 'string', `${what}: name must be a string`);
      assert.ok(h.name.trim().length > 0, `${what}: name must be non-empty`);
      const from = parseIso(h.from);
      const to = parseIso(h.to);
      assert.ok(from <= to, `${what}: from must be <= to`);
      // A year's arrangement holds only its own days (a 元旦 announced from late December
      // keeps only its January days here: the December ones are weekends, off anyway),
      // so one year's entry never changes another year's days.
      assert.ok(
        new Date(from).getUTCFullYear() === y.year && new Date(to).getUTCFullYear() === y.year,
        `${what}: range must lie within ${y.year}`,
      );
      if (prevTo !== null) {
        assert.ok(from > prevTo, `${what}: ranges must be sorted by "from" and must not overlap (previous ends ${isoOf(prevTo)})`);
      }
      prevTo = to;
    }

    const sorted = [...y.workdays].sort();
    assert.deepEqual(y.workdays, sorted, `${where}: workdays must be sorted`);
    assert.equal(new Set(y.workdays).size, y.workdays.length, `${where}: workdays must not repeat`);
    for (const w of y.workdays) {
      parseIso(w);
      assert.ok(w.startsWith(`${y.year}-`), `${where}: make-up workday ${w} must lie within ${y.year}`);
      assert.ok(isWeekend(w), `${where}: make-up workday ${w} must be a Saturday or Sunday`);
      const inside = holidayRangeOf(w);
      assert.equal(inside, undefined, `${where}: make-up workday ${w} lies inside holiday range ${inside && `${inside.from}..${inside.to} (${inside.name})`}`);
    }
  }

  // No overlap across year entries either (e.g. a 元旦 starting in December).
  const byStart = [...allRanges].sort((a, b) => a.fromMs - b.fromMs);
  for (let i = 1; i < byStart.length; i++) {
    const a = byStart[i - 1];
    const b = byStart[i];
    assert.ok(a.toMs < b.fromMs, `ranges overlap: ${a.from}..${a.to} (${a.year}) and ${b.from}..${b.to} (${b.year})`);
  }
});

for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  test(`${year}: every day matches chinese-days`, (t) => {
    const unexpected = [];
    const known = [];
    let weekdayOff = 0;
    for (const iso of daysOfYear(year)) {
      const ours = oursIsOff(iso);
      const theirs = theirsIsOff(iso);
      if (ours && !isWeekend(iso)) weekdayOff++;
      if (ours === theirs) continue;
      const line = `${iso}: ours=${describe(ours)}, chinese-days=${describe(theirs)}`;
      if (Object.hasOwn(KNOWN_DIFFERENCES, iso)) known.push(`${line} [known: ${KNOWN_DIFFERENCES[iso]}]`);
      else unexpected.push(line);
    }
    const makeUp = [...allWorkdays].filter((w) => w.startsWith(`${year}-`)).length;
    t.diagnostic(`${year}: ${weekdayOff} weekday off days, ${makeUp} make-up workdays`);
    for (const k of known) t.diagnostic(k);

    assert.deepEqual(unexpected, [], `${year}: ${unexpected.length} day(s) differ from chinese-days:\n  ${unexpected.join('\n  ')}`);

    const staleKnown = Object.keys(KNOWN_DIFFERENCES).filter(
      (iso) => iso.startsWith(`${year}-`) && oursIsOff(iso) === theirsIsOff(iso),
    );
    assert.deepEqual(staleKnown, [], `${year}: KNOWN_DIFFERENCES entries that no longer differ (remove them): ${staleKnown.join(', ')}`);
  });
}
