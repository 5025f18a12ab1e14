//! `rule_set`: any bytes as a rule-set file (`*.peixun-rules.json`, wrapped or bare), as
//! `--rule-set` and the browser's import read it.
//!
//! Invariants: reading gives a rule-set or at least one problem, each with a message and
//! a path that is a field's (no `rule_set.` prefix); a rule-set read passes `validate`,
//! is written and read back unchanged (same content hash), has no differences from itself,
//! and checking a bundle under it, or asking its dates and limits, never panics.

use std::sync::OnceLock;

use chrono::{DateTime, Datelike};
use peixun::bundle::{Bundle, check_bundle, parse};
use peixun::rule_set::{RuleSet, differences, parse_file, to_file_text, validate};

/// A youth application the rules have something to say about under most numbers.
const BUNDLE: &str = include_str!("../../tests/fixtures/valid-youth.peixun.json");

pub fn run(data: &[u8]) {
    // Invalid UTF-8 is what a browser's lossy file read would hand over.
    let text = String::from_utf8_lossy(data);
    let rs = match parse_file(&text) {
        Ok(rs) => rs,
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a problem");
            for p in &problems {
                assert!(!p.message.trim().is_empty(), "a problem without a message: {p:?}");
                assert!(!p.path.starts_with("rule_set"), "a path inside the wrapper: {p:?}");
            }
            return;
        }
    };
    let problems = validate(&rs);
    assert!(problems.is_empty(), "a rule-set read with problems: {problems:?}");

    let at = DateTime::parse_from_rfc3339("2026-01-05T10:30:00+08:00").unwrap_or_default();
    let written = to_file_text(&rs, at);
    let again = parse_file(&written).unwrap_or_else(|p| panic!("our own file does not read: {p:?}\n{written}"));
    assert_eq!(again, rs, "write → read changed the rule-set");
    assert_eq!(again.content_hash(), rs.content_hash(), "equal rule-sets, different content hashes");
    assert!(differences(&rs, &again).is_empty(), "a rule-set differs from itself");
    let _ = differences(RuleSet::embedded(), &rs);

    static PARSED: OnceLock<Bundle> = OnceLock::new();
    let bundle = PARSED.get_or_init(|| parse(BUNDLE).unwrap_or_else(|e| panic!("the fixture does not parse: {e}")));
    let start = rs.program_year.start;
    for today in [start, rs.submission_deadline, rs.program_year.end, rs.example_date()] {
        let _ = check_bundle(bundle, &rs, today);
        let _ = rs.current_reimbursement_period(today);
        let _ = rs.round_over_note(today);
    }
    let longest = rs.durations.allowed.iter().copied().max().unwrap_or(0);
    for days in [0, 1, 7, 30, 90, longest, longest.saturating_add(1), u32::MAX] {
        let _ = (rs.duration_allowed(days), rs.max_hosts(days));
    }
    if let Some((_, end)) = rs.reimbursement_period(start.year()) {
        let _ = rs.settlement_window(end);
    }
    let _ = rs.round_label();
}
