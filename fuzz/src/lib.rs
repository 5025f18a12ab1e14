//! The fuzz targets' bodies: each takes libFuzzer's bytes, runs the bundle (or rule-set)
//! code and asserts its invariants (a failed assertion is a crash, like a panic). They live in a
//! library, not in `fuzz_targets/`, so that `tests/fuzz_regressions.rs` at the root
//! replays the corpus and every crash found through the same checks on stable Rust.

pub mod batch;
pub mod migrate;
pub mod parse;
pub mod plan;
pub mod result;
pub mod rule_set;
pub mod sealed;

use peixun::bundle::{Bundle, parse as parse_bundle};
use peixun::model::Application;

/// Splits at the first NUL byte: two files in one input (NUL cannot occur in JSON text).
pub fn split_nul(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    }
}

/// A bundle from bytes that are UTF-8 and parse; `None` for the rest.
pub fn bundle_of(bytes: &[u8]) -> Option<Bundle> {
    parse_bundle(std::str::from_utf8(bytes).ok()?).ok()
}

/// An application's content as the import compares it, with the bookkeeping that must be
/// preserved too (id and revision), but not its history.
pub fn content(a: &Application) -> (String, u64, u64) {
    (a.id.clone(), a.revision, a.content_hash())
}

/// Whether no two applications share an id (the exact expectations need this).
pub fn unique_ids(apps: &[Application]) -> bool {
    let mut ids: Vec<&str> = apps.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.windows(2).all(|w| w[0] != w[1])
}
