//! The training-summary due date of every return date from 2020-01-01 to 2026-12-31, as the
//! Rust `Calendar` computes it under the embedded rule-set (二(五): 15 working days after
//! return, the return day not counted), as JSON on stdout. `tests/js/due-dates.test.js`
//! recounts each one with the npm package `chinese-days`, an independent source:
//!
//!     cargo run --quiet --example peixun-due-dates > /tmp/due-dates.json
//!
//! Each due date comes from `execution::summary_deadline`, the one function the deadline
//! list and the `summary-due` rule call, for an application that returned that day; it is
//! checked here to be `RuleSet::summary_due` too. No clock, no files, no network.

use std::io::Write;
use std::process::ExitCode;

use chrono::{Days, NaiveDate};
use peixun::execution::summary_deadline;
use peixun::model::{Application, Execution};
use peixun::rule_set::RuleSet;
use serde_json::json;

fn main() -> ExitCode {
    let rs = RuleSet::embedded();
    let calendar = rs.calendar_for(&[]);
    let (first, last) = (date(2020, 1, 1), date(2026, 12, 31));
    let mut rows = Vec::new();
    let mut returned = first;
    while returned <= last {
        let execution = Execution { actual_return_date: Some(returned), ..Default::default() };
        let app = Application { id: "due".into(), execution: Some(execution), ..Default::default() };
        let Some(deadline) = summary_deadline(&calendar, rs, &app) else {
            eprintln!("peixun-due-dates: no due date for a return on {returned}");
            return ExitCode::FAILURE;
        };
        if Some(deadline.due) != rs.summary_due(&calendar, returned) {
            eprintln!("peixun-due-dates: summary_deadline and RuleSet::summary_due disagree on {returned}");
            return ExitCode::FAILURE;
        }
        rows.push(json!({
            "returned": returned.to_string(),
            "due": deadline.due.to_string(),
            "unknown_years": deadline.unknown_years,
        }));
        returned = returned + Days::new(1);
    }
    let covered: Vec<i32> = (2000..=2100).filter(|y| calendar.covers(*y)).collect();
    let out = json!({
        "rule_set": rs.id,
        "working_days": rs.summary_due_working_days,
        "covered_years": covered,
        "from": first.to_string(),
        "to": last.to_string(),
        "due_dates": rows,
    });
    match writeln!(std::io::stdout().lock(), "{out}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peixun-due-dates: {e}");
            ExitCode::FAILURE
        }
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}
