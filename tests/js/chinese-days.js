'use strict';
// The second source both data tests ask: the npm package `chinese-days` (dev dependency),
// asked one way, and the ISO date arithmetic around it.

// chinese-days 1.5.7 builds its internal date table with local-time getters on UTC-parsed
// dates, so in time zones west of UTC every date it knows shifts by one day. Pin the
// process to China's zone before loading it (node --test runs each file in its own
// process, so this does not leak).
process.env.TZ = 'Asia/Shanghai';

const assert = require('node:assert/strict');
const chineseDays = require('chinese-days');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO date string -> UTC midnight milliseconds; throws on a malformed or impossible date. */
function parseIso(s) {
  const m = typeof s === 'string' && ISO_DATE.exec(s);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(s)}`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(ms).toISOString().slice(0, 10) !== s) throw new Error(`no such date: ${s}`);
  return ms;
}

function isoOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** chinese-days' answer: is this day a working day? */
function theirsIsWorkday(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  // A local-time Date at noon: chinese-days reads dates with local getters, and parses
  // 'YYYY-MM-DD' strings as UTC, which would shift the day in time zones west of UTC.
  const date = new Date(y, m - 1, d, 12);
  const detail = chineseDays.getDayDetail(date);
  assert.equal(detail.date, iso, `chinese-days read ${iso} as ${detail.date}`);
  const work = chineseDays.isWorkday(date);
  assert.equal(detail.work, work, `${iso}: chinese-days getDayDetail/isWorkday disagree`);
  return work;
}

module.exports = { DAY_MS, parseIso, isoOf, theirsIsWorkday };
