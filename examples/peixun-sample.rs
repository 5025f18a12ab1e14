//! Writes a realistic unit bundle (SPEC §4) for benchmarks and manual testing:
//!
//!     cargo run --release --example peixun-sample -- --apps 300 > unit-300.peixun.json
//!     cargo run --release --example peixun-sample -- --bytes 5242880 > unit-5mb.peixun.json
//!
//! Deterministic (`--seed`, default 2020); every application breaks no per-application rule.

use std::io::Write;
use std::process::ExitCode;

use peixun::rule_set::RuleSet;
use peixun::sample::{unit_bundle, unit_bundle_of_size};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)?.parse::<u64>().ok());
    if args.iter().any(|a| a == "-h" || a == "--help") || (value("--apps").is_none() && value("--bytes").is_none()) {
        eprintln!("usage: peixun-sample (--apps N | --bytes B) [--seed S]  (writes the bundle to stdout)");
        return ExitCode::from(2);
    }
    let rs = RuleSet::embedded();
    let seed = value("--seed").unwrap_or(2020);
    let (text, n) = match (value("--apps"), value("--bytes")) {
        (Some(n), _) => (unit_bundle(rs, seed, n as usize), n as usize),
        (None, Some(b)) => unit_bundle_of_size(rs, seed, b as usize),
        (None, None) => unreachable!("checked above"),
    };
    eprintln!("peixun-sample: {n} applications, {} bytes", text.len());
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peixun-sample: {e}");
            ExitCode::FAILURE
        }
    }
}
