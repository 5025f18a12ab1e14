//! Turns the embedded rule-set (`src/rule_set/cas-2020.json`) into the Rust expression that
//! builds it, so the first download carries no JSON reader for it (issue 20: `RuleSet`'s
//! `Deserialize` and serde_json's reader were about 15 KB brotli of the first module). The
//! file stays the only source of its numbers; `rule_set::tests` checks that the value built
//! here equals the file as `parse_file` reads it, so a field this misses fails there.

use std::path::Path;

use serde_json::{Map, Value};

const RULE_SET: &str = "src/rule_set/cas-2020.json";

fn main() {
    println!("cargo:rerun-if-changed={RULE_SET}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(RULE_SET).expect("the embedded rule-set is there");
    let value: Value = serde_json::from_str(&text).expect("the embedded rule-set is JSON");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_rule_set.rs");
    std::fs::write(out, rule_set(&value)).expect("OUT_DIR is writable");
}

/// Builds the Rust for one JSON value.
type Build = fn(&Value) -> String;

/// An object's fields, each built by its function; a field the file has and this does not
/// know is an error here, as `deny_unknown_fields` makes it one for the parser.
fn object(v: &Value, ty: &str, fields: &[(&str, Build)]) -> String {
    let map: &Map<String, Value> = v.as_object().unwrap_or_else(|| panic!("{ty}: an object"));
    for key in map.keys() {
        assert!(fields.iter().any(|(k, _)| k == key), "{ty}: unknown field {key}");
    }
    // A field left out is `Null`: an empty list (serde's default), an error for the others.
    let body: Vec<String> =
        fields.iter().map(|(k, f)| format!("{k}: {}", f(map.get(*k).unwrap_or(&Value::Null)))).collect();
    format!("{ty} {{ {} }}", body.join(", "))
}

fn string(v: &Value) -> String {
    // Debug of a str is a Rust string literal.
    format!("{:?}.to_string()", v.as_str().expect("a string"))
}

fn number(v: &Value) -> String {
    v.as_u64().expect("a whole number").to_string()
}

/// A number the file may leave out (`Option<u32>`).
fn optional_number(v: &Value) -> String {
    if v.is_null() { "None".into() } else { format!("Some({})", number(v)) }
}

fn date(v: &Value) -> String {
    let s = v.as_str().expect("a date");
    let parts: Vec<u32> = s.split('-').map(|p| p.parse().expect("YYYY-MM-DD")).collect();
    let [y, m, d] = parts[..] else { panic!("{s}: YYYY-MM-DD") };
    format!("date({y}, {m}, {d})")
}

fn list(v: &Value, item: Build) -> String {
    if v.is_null() {
        return "Vec::new()".into();
    }
    let items: Vec<String> = v.as_array().expect("a list").iter().map(item).collect();
    format!("vec![{}]", items.join(", "))
}

/// A serde `snake_case` name as the Rust variant (`senior_full` → `SeniorFull`).
fn variant(name: &str) -> String {
    name.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect()
}

fn rule_set(v: &Value) -> String {
    object(
        v,
        "RuleSet",
        &[
            ("id", string),
            ("name", string),
            ("notice", |v| object(v, "Notice", &[("title", string), ("issuer", string), ("date", date)])),
            ("program_year", |v| object(v, "Period", &[("start", date), ("end", date), ("clause", string)])),
            ("categories", categories),
            ("key_fields", |v| {
                object(
                    v,
                    "KeyFields",
                    &[("label", string), ("clause", string), ("plan_persons", number), ("topics", |v| list(v, string))],
                )
            }),
            ("priority_items", |v| list(v, |v| object(v, "PriorityItem", &[("key", string), ("label", string)]))),
            ("durations", |v| {
                object(
                    v,
                    "Durations",
                    &[("allowed", |v| list(v, number)), ("open_ended_from", optional_number), ("clause", string)],
                )
            }),
            ("host_limits", |v| list(v, |v| object(v, "HostLimit", &[("from_days", number), ("max_hosts", number)]))),
            ("min_hosts", number),
            ("max_cities", number),
            ("age_reference", age_reference),
            ("submission_deadline", date),
            ("summary_due_working_days", number),
            ("reimbursement", |v| {
                object(
                    v,
                    "ReimbursementRules",
                    &[
                        ("period_start", month_day),
                        ("period_end", month_day),
                        ("settlement_window", |v| object(v, "Window", &[("from", month_day), ("to", month_day)])),
                    ],
                )
            }),
            ("developed_countries", |v| {
                object(v, "CountryList", &[("source", string), ("countries", |v| list(v, country))])
            }),
            ("submit_to", |v| {
                object(v, "SubmitTo", &[("office", string), ("contact", string), ("phone", string), ("email", string)])
            }),
            ("calendar", |v| list(v, year_calendar)),
            ("clauses", clauses),
        ],
    )
}

fn categories(v: &Value) -> String {
    let entries: Vec<String> = v
        .as_object()
        .expect("categories: an object")
        .iter()
        .map(|(key, rules)| {
            let rules = object(
                rules,
                "CategoryRules",
                &[
                    ("label", string),
                    ("clause", string),
                    ("plan_persons", number),
                    ("min_members", number),
                    ("max_members", number),
                    ("max_age", number),
                    ("leader_levels", |v| {
                        list(v, |l| format!("TitleLevel::{}", variant(l.as_str().expect("a level"))))
                    }),
                    ("leader_requirement", string),
                ],
            );
            format!("(Category::{}, {rules})", variant(key))
        })
        .collect();
    format!("BTreeMap::from([{}])", entries.join(", "))
}

/// Rule id → clause (`BTreeMap<String, String>`), built by `embedded::clauses` from a
/// static list (one loop, not a sort and two calls per entry); left out, an empty map.
fn clauses(v: &Value) -> String {
    let entries: Vec<String> = v
        .as_object()
        .map(|map| map.iter().map(|(k, c)| format!("({k:?}, {:?})", c.as_str().expect("a clause"))).collect())
        .unwrap_or_default();
    format!("clauses(&[{}])", entries.join(", "))
}

fn age_reference(v: &Value) -> String {
    let mut fields = v.as_object().expect("age_reference: an object").clone();
    let kind = fields.remove("kind").and_then(|k| k.as_str().map(variant)).expect("age_reference: a kind");
    let body: Vec<String> = fields.iter().map(|(k, d)| format!("{k}: {}", date(d))).collect();
    format!("AgeReference::{kind} {{ {} }}", body.join(", "))
}

fn month_day(v: &Value) -> String {
    object(v, "MonthDay", &[("month", number), ("day", number)])
}

fn country(v: &Value) -> String {
    object(
        v,
        "NamedCountry",
        &[
            ("code", |c| format!("CountryCode::parse({:?}).expect(\"a country code\")", c.as_str().unwrap_or(""))),
            ("name", string),
        ],
    )
}

fn year_calendar(v: &Value) -> String {
    object(
        v,
        "YearCalendar",
        &[
            ("year", number),
            ("source", string),
            ("holidays", |v| {
                list(v, |h| object(h, "crate::calendar::Holiday", &[("from", date), ("to", date), ("name", string)]))
            }),
            ("workdays", |v| list(v, date)),
        ],
    )
}
