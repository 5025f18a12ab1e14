//! The fuzz targets' checks (fuzz/src) over the committed seed corpus (fuzz/seeds) and
//! every crash the fuzzers found (fuzz/regressions), on stable Rust without libFuzzer.
// Native only: the wasm test build runs tests/web.rs in the browser.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use fuzz_checks::{batch, migrate, parse, plan, result, rule_set, sealed};

/// Runs `check` on every input of `target`, naming each input that fails.
fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = 0;
    let mut failed = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            let data = std::fs::read(&path).unwrap();
            inputs += 1;
            if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
                failed.push(path.display().to_string());
            }
        }
    }
    assert!(inputs > 0, "no inputs for {target}");
    assert!(failed.is_empty(), "{} of {inputs} inputs fail: {failed:#?}", failed.len());
}

#[test]
fn parse_inputs_hold() {
    replay("parse", parse::run);
}

#[test]
fn migrate_inputs_hold() {
    replay("migrate", migrate::run);
}

#[test]
fn import_plan_inputs_hold() {
    replay("import_plan", plan::run);
}

#[test]
fn batch_inputs_hold() {
    replay("batch", batch::run);
}

#[test]
fn result_inputs_hold() {
    replay("result", result::run);
}

#[test]
fn rule_set_inputs_hold() {
    replay("rule_set", rule_set::run);
}

#[test]
fn sealed_inputs_hold() {
    replay("sealed", sealed::run);
}
