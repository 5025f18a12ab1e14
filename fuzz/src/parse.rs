//! `parse`: any bytes. Errors carry a message and a position inside the text; a bundle
//! that parses is exported and parsed back unchanged, and checking it never panics.

use chrono::NaiveDate;
use peixun::bundle::{CURRENT_VERSION, FORMAT, check_bundle, parse, to_text};
use peixun::rule_set::RuleSet;

pub fn run(data: &[u8]) {
    // Invalid UTF-8 is what a browser's lossy file read would hand over.
    let text = String::from_utf8_lossy(data);
    let bundle = match parse(&text) {
        Ok(b) => b,
        Err(e) => {
            assert!(!e.message.trim().is_empty(), "an error without a message: {e:?}");
            if let Some(line) = e.line {
                assert!(line >= 1 && line <= text.split('\n').count(), "line {line} outside the text: {e:?}");
                assert!(e.column.is_some_and(|c| c >= 1), "a line without a column: {e:?}");
            }
            return;
        }
    };
    assert_eq!((bundle.format.as_str(), bundle.version), (FORMAT, CURRENT_VERSION));
    let written = to_text(&bundle);
    let again = parse(&written).unwrap_or_else(|e| panic!("our own export does not parse: {e}\n{written}"));
    assert_eq!(again, bundle, "export → parse changed the bundle");
    // `==` on times ignores the offset; the text does not.
    assert_eq!(to_text(&again), written, "export → parse → export changed the text");

    let rs = RuleSet::embedded();
    for today in [(2020, 1, 10), (2020, 6, 15)] {
        let today = NaiveDate::from_ymd_opt(today.0, today.1, today.2).unwrap_or_default();
        let _ = check_bundle(&bundle, rs, today);
    }
}
