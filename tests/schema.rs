//! docs/bundle.schema.json agrees with the parser: every fixture `parse` accepts is valid
//! under the schema, every JSON fixture it refuses is not, and so is a large export.
// Native only: the wasm test build runs tests/web.rs in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use chrono::DateTime;
use peixun::bundle::{Kind, export, parse};
use peixun::rule_set::RuleSet;
use peixun::sample::sample_workspace;
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/bundle.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn fixtures_validate_exactly_when_they_parse() {
    let v = validator();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(json) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let parses = parse(&text).is_ok();
        let errs = errors(&v, &json);
        assert_eq!(parses, errs.is_empty(), "{}: parse ok = {parses}, schema errors = {errs:#?}", path.display());
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} JSON fixtures");
}

#[test]
fn the_schema_names_the_wrong_field() {
    let v = validator();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-youth.peixun.json"))
            .unwrap();
    let mut json: Value = serde_json::from_str(&text).unwrap();
    json["applications"][0]["members"][1]["birth_date"] = "2020-13-45".into();
    let errs = errors(&v, &json);
    assert!(errs.iter().any(|e| e.ends_with("/applications/0/members/1/birth_date")), "{errs:#?}");
    json = serde_json::json!({"format": "peixun-bundle", "version": 1});
    assert!(!v.is_valid(&json), "kind is required");
}

#[test]
fn a_large_export_validates() {
    let rs = RuleSet::embedded();
    let ws = sample_workspace(rs, 42, 120);
    let at = DateTime::parse_from_rfc3339("2020-01-20T09:00:00+08:00").unwrap();
    let text = export(Kind::Unit, &ws.unit, &ws.applications, &[], &ws.ranking, rs, at);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(errors(&validator(), &json), Vec::<String>::new());
}

fn rule_set_validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rule-set.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

#[test]
fn rule_set_files_validate_exactly_when_they_are_read() {
    let v = rule_set_validator();
    let at = DateTime::parse_from_rfc3339("2026-01-05T09:00:00+08:00").unwrap();
    let mut rs = RuleSet::embedded().clone();
    rs.id = "cas-2026".into();
    rs.calendar = peixun::calendar::built_in().to_vec();
    let good: Value = serde_json::from_str(&peixun::rule_set::to_file_text(&rs, at)).unwrap();
    assert_eq!(errors(&v, &good), Vec::<String>::new());
    type Edit = fn(&mut Value);
    let bad: [(&str, Edit); 4] = [
        ("unknown field", |v| v["rule_set"]["surprise"] = 1.into()),
        ("negative age", |v| v["rule_set"]["categories"]["lead"]["max_age"] = (-1).into()),
        ("bad id", |v| v["rule_set"]["id"] = "CAS 2026".into()),
        ("missing category", |v| _ = v["rule_set"]["categories"].as_object_mut().unwrap().remove("youth")),
    ];
    for (what, edit) in bad {
        let mut json = good.clone();
        edit(&mut json);
        assert!(!v.is_valid(&json), "{what}: the schema accepts it");
        assert!(peixun::rule_set::parse_file(&json.to_string()).is_err(), "{what}: the reader accepts it");
    }
}

#[test]
fn result_bundles_validate_exactly_when_they_parse() {
    use peixun::model::{Decision, Money, Selection};
    let v = validator();
    let at = DateTime::parse_from_rfc3339("2020-03-02T09:00:00+08:00").unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2020, 3, 2).unwrap();
    let sel = |id: &str, d: Decision| Selection {
        id: id.into(),
        unit: "物理所".into(),
        decision: Some(d),
        ..Default::default()
    };
    let sels = [Selection { funding: Some(Money(0)), ..sel("a", Decision::Selected) }, sel("b", Decision::NotSelected)];
    let text = peixun::bundle::export_result("", day, Some("物理所"), &sels, RuleSet::embedded(), at);
    let good: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(errors(&v, &good), Vec::<String>::new());
    type Edit = fn(&mut Value);
    let bad: [(&str, Edit); 4] = [
        ("negative", |v| v["results"][0]["funding"] = (-1).into()),
        ("no decision", |v| _ = v["results"][0].as_object_mut().unwrap().remove("decision")),
        ("rejected yet funded", |v| v["results"][1]["funding"] = 5.into()),
        ("no results", |v| v["results"] = serde_json::json!([])),
    ];
    for (what, edit) in bad {
        let mut json = good.clone();
        edit(&mut json);
        assert!(!v.is_valid(&json), "{what}: the schema accepts it");
        assert!(parse(&json.to_string()).is_err(), "{what}: the parser accepts it");
    }
}

fn sealed_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sealed.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

#[test]
fn sealed_envelopes_validate_exactly_when_they_are_read() {
    let v = sealed_validator();
    let text = peixun::sealed::seal(br#"{"format":"peixun-bundle"}"#, "a passphrase");
    let good: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(errors(&v, &good), Vec::<String>::new());
    assert!(peixun::sealed::read(&text).is_ok());
    type Edit = fn(&mut Value);
    let bad: [(&str, Edit); 7] = [
        ("unknown field", |v| v["surprise"] = 1.into()),
        ("version 2", |v| v["version"] = 2.into()),
        ("too few iterations", |v| v["kdf"]["iterations"] = 599_999.into()),
        ("too many iterations", |v| v["kdf"]["iterations"] = 10_000_001.into()),
        ("short salt", |v| v["kdf"]["salt"] = "AAAAAAAAAAA=".into()),
        ("long iv", |v| v["cipher"]["iv"] = "AAAAAAAAAAAAAAAAAAAAAA==".into()),
        ("no tag", |v| v["ciphertext"] = "AAAAAAAAAAAAAAAAAAAA".into()),
    ];
    for (what, edit) in bad {
        let mut json = good.clone();
        edit(&mut json);
        assert!(!v.is_valid(&json), "{what}: the schema accepts it");
        assert!(peixun::sealed::read(&json.to_string()).is_err(), "{what}: the reader accepts it");
    }
}
