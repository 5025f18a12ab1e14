//! The embedded rule-set as Rust: build.rs writes the expression from `cas-2020.json`.

use super::*;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a date of the embedded rule-set")
}

/// The clauses, inserted one by one: `BTreeMap::from` of an array would sort it, code the
/// first module does not otherwise need.
fn clauses(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (rule, clause) in pairs {
        map.insert(rule.to_string(), clause.to_string());
    }
    map
}

pub(super) fn build() -> RuleSet {
    include!(concat!(env!("OUT_DIR"), "/embedded_rule_set.rs"))
}
