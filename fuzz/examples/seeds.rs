//! Writes the seed corpus: the repository's bundle fixtures and small sample exports,
//! shaped into each target's input, and the embedded rule-set's file. Run from `fuzz/`:
//! `cargo run --example seeds`; then `make fuzz-long` and `make fuzz-seeds`.

use std::fs;
use std::path::Path;

use chrono::DateTime;
use peixun::bundle::{Bundle, Kind, export};
use peixun::model::Member;
use peixun::rule_set::{RuleSet, to_file_text};
use peixun::sample::sample_workspace;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bundles: Vec<(String, String)> = Vec::new();
    let mut fixtures: Vec<_> = fs::read_dir(root.join("../tests/fixtures")).unwrap().flatten().collect();
    fixtures.sort_by_key(|e| e.file_name());
    for entry in fixtures {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            bundles.push((name, fs::read_to_string(entry.path()).unwrap()));
        }
    }
    let rs = RuleSet::embedded();
    let at = DateTime::parse_from_rfc3339("2020-01-05T10:30:00+08:00").unwrap();
    for n in 1..=2 {
        let ws = sample_workspace(rs, n as u64, n);
        let text = export(Kind::Unit, &ws.unit, &ws.applications, &[], &ws.ranking, RuleSet::embedded(), at);
        bundles.push((format!("sample-unit-{n}"), compact(&text)));
        let text = export(Kind::Application, &ws.unit, &ws.applications[..1], &[], &[], RuleSet::embedded(), at);
        bundles.push((format!("sample-application-{n}"), compact(&text)));
    }
    let card = Member { id: "m1".into(), name: "李娜".into(), ..Default::default() };
    let text = export(Kind::Member, "化物所", &[], &[card], &[], RuleSet::embedded(), at);
    bundles.push(("sample-member".into(), compact(&text)));
    let minimal = serde_json::to_string(&Bundle::new(Kind::Application)).unwrap();
    bundles.push(("minimal".into(), minimal));

    let write = |target: &str, name: &str, bytes: &[u8]| {
        let dir = root.join("corpus").join(target);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(name), bytes).unwrap();
    };
    let good: Vec<&(String, String)> = bundles.iter().filter(|(_, t)| peixun::bundle::parse(t).is_ok()).collect();
    for (name, text) in &bundles {
        write("parse", name, text.as_bytes());
        write("migrate", name, &[&[0x11u8][..], text.as_bytes()].concat());
    }
    for (i, (name, text)) in good.iter().enumerate() {
        // Derived incoming bundles: every combination of edits on either side.
        for ctrl in [0x00u8, 0x21, 0x42, 0x63, 0x14, 0x78] {
            write("import_plan", &format!("{name}-{ctrl:02x}"), &[&[ctrl][..], text.as_bytes()].concat());
        }
        let (_, other) = good[(i + 1) % good.len()];
        let pair = [&[0x20u8][..], text.as_bytes(), b"\0", other.as_bytes()].concat();
        write("import_plan", &format!("{name}-pair"), &pair);
        let files = [&[0x05u8][..], text.as_bytes(), b"\0", other.as_bytes(), b"\0", text.as_bytes()].concat();
        write("batch", &format!("{name}-batch"), &files);
        // Derived result files: decisions, amounts, typed-over records, an unknown id.
        for ctrl in [0x00u8, 0x07, 0x1d, 0x2e, 0x5f, 0x8c, 0xff] {
            write("result", &format!("{name}-{ctrl:02x}"), &[&[ctrl][..], text.as_bytes()].concat());
        }
        write("result", &format!("{name}-pair"), &[&[0x00u8][..], text.as_bytes(), b"\0", other.as_bytes()].concat());
    }
    // The embedded rule-set as a file, wrapped and bare.
    write("rule_set", "cas-2020.peixun-rules.json", to_file_text(rs, at).as_bytes());
    write("rule_set", "cas-2020-bare", serde_json::to_string(rs).unwrap().as_bytes());
}

/// One line: the same bundle in fewer bytes for the fuzzer to mutate.
fn compact(text: &str) -> String {
    serde_json::to_string(&serde_json::from_str::<serde_json::Value>(text).unwrap()).unwrap()
}
