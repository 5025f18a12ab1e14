//! What no round can mean, on both sides of each boundary: the deadline inside the round,
//! the open-ended duration, calendars that hold only their own year, the 核销 period and
//! its settlement window.

use super::validate;
use crate::calendar::{Holiday, YearCalendar};
use crate::rule_set::{MonthDay, RuleSet};
use crate::rules::testing::d;

/// The problems of the embedded rule-set changed by `f`, as `path: message`.
fn problems(f: impl FnOnce(&mut RuleSet)) -> Vec<String> {
    let mut rs = RuleSet::embedded().clone();
    f(&mut rs);
    validate(&rs).into_iter().map(|p| format!("{}: {}", p.path, p.message)).collect()
}

/// Asserts one problem, at `path`, whose message contains `says`.
fn refused(f: impl FnOnce(&mut RuleSet), path: &str, says: &str) {
    let p = problems(f);
    assert!(p.len() == 1 && p[0].starts_with(&format!("{path}: ")) && p[0].contains(says), "{path}: {p:?}");
}

fn accepted(f: impl FnOnce(&mut RuleSet)) {
    assert_eq!(problems(f), Vec::<String>::new());
}

#[test]
fn the_deadline_lies_between_the_notice_and_the_end_of_the_round() {
    // The notice of 2019-12-26, the program window 2020-01-01 … 2020-12-31.
    let path = "submission_deadline";
    accepted(|rs| rs.submission_deadline = d("2019-12-26"));
    refused(|rs| rs.submission_deadline = d("2019-12-25"), path, "早于通知的发布日期 2019-12-26");
    accepted(|rs| rs.submission_deadline = d("2020-12-31"));
    refused(|rs| rs.submission_deadline = d("2021-01-01"), path, "晚于项目执行期的结束日 2020-12-31");
}

#[test]
fn the_open_ended_duration_is_absent_or_at_least_the_longest_listed() {
    let from = |n: Option<u32>| move |rs: &mut RuleSet| rs.durations.open_ended_from = n;
    accepted(from(None));
    refused(from(Some(0)), "durations.open_ended_from", "须至少为 1 天");
    refused(from(Some(59)), "durations.open_ended_from", "短于所列的最长天数 60 天");
    accepted(from(Some(60)));
    accepted(from(Some(90)));
    // Nothing listed and nothing open-ended: no length would do.
    refused(
        |rs| (rs.durations.allowed, rs.durations.open_ended_from) = (vec![], None),
        "durations.allowed",
        "至少要有一种",
    );
    accepted(|rs| (rs.durations.allowed, rs.durations.open_ended_from) = (vec![], Some(1)));
}

fn year_with(holidays: &[(&str, &str)], workdays: &[&str]) -> YearCalendar {
    YearCalendar {
        year: 2027,
        source: "国办发明电〔2026〕1号".into(),
        holidays: holidays.iter().map(|(f, t)| Holiday { from: d(f), to: d(t), name: "假日".into() }).collect(),
        workdays: workdays.iter().map(|w| d(w)).collect(),
    }
}

#[test]
fn a_calendar_year_holds_only_its_own_days() {
    let with =
        |h: &'static [(&str, &str)], w: &'static [&str]| move |rs: &mut RuleSet| rs.calendar = vec![year_with(h, w)];
    accepted(with(&[("2027-01-01", "2027-01-01"), ("2027-12-31", "2027-12-31")], &["2027-01-02", "2027-12-26"]));
    refused(with(&[("2026-12-31", "2027-01-01")], &[]), "calendar[0].holidays[0]", "超出 2027 年");
    refused(with(&[("2027-12-31", "2028-01-01")], &[]), "calendar[0].holidays[0]", "超出 2027 年");
    // A range that runs for years.
    refused(with(&[("2025-01-01", "2029-12-31")], &[]), "calendar[0].holidays[0]", "超出 2027 年");
    // 2026-12-27 and 2028-01-02 are Sundays: a make-up day of another year.
    refused(with(&[], &["2026-12-27"]), "calendar[0].workdays[0]", "不在 2027 年");
    refused(with(&[], &["2028-01-02"]), "calendar[0].workdays[0]", "不在 2027 年");
}

#[test]
fn one_year_never_changes_another_years_days() {
    // An unchecked rule-set whose 2027 reaches into 2026 (a Thursday) and 2028 (a Sunday):
    // the count leaves those days as the weekdays and weekends they are.
    let mut rs = RuleSet::embedded().clone();
    rs.calendar = vec![year_with(&[("2026-12-31", "2027-01-01")], &["2028-01-02"])];
    let cal = rs.calendar_for(&[]);
    assert!(cal.is_working_day(d("2026-12-31")));
    assert!(!cal.is_working_day(d("2027-01-01")));
    assert!(!cal.is_working_day(d("2028-01-02")));
}

fn md(month: u32, day: u32) -> MonthDay {
    MonthDay { month, day }
}

#[test]
fn the_reimbursement_period_is_twelve_months_that_meet_end_to_start() {
    let period = |s: MonthDay, e: MonthDay| {
        move |rs: &mut RuleSet| (rs.reimbursement.period_start, rs.reimbursement.period_end) = (s, e)
    };
    // September to August (the built-in one) and the calendar year.
    accepted(period(md(9, 1), md(8, 31)));
    accepted(|rs| {
        period(md(1, 1), md(12, 31))(rs);
        rs.reimbursement.settlement_window.from = md(1, 5);
        rs.reimbursement.settlement_window.to = md(1, 31);
    });
    // A day short, a day over, one day long, and a period that misses 29 February.
    for (s, e) in [(md(9, 1), md(8, 30)), (md(9, 2), md(8, 31)), (md(9, 1), md(9, 1)), (md(3, 1), md(2, 28))] {
        refused(period(s, e), "reimbursement.period_end", "不是首尾相接的十二个月");
    }
    // 29 February ends a period only in leap years.
    refused(period(md(3, 1), md(2, 29)), "reimbursement.period_end", "不是首尾相接的十二个月");
}

#[test]
fn the_settlement_window_opens_after_the_period_it_settles() {
    let window = |from: MonthDay, to: MonthDay| {
        move |rs: &mut RuleSet| {
            rs.reimbursement.settlement_window.from = from;
            rs.reimbursement.settlement_window.to = to;
        }
    };
    let at = "reimbursement.settlement_window.from";
    // The period ends on 31 August.
    accepted(window(md(9, 1), md(9, 30)));
    refused(window(md(8, 31), md(9, 30)), at, "应在核销期间结束（8月31日）之后开始");
    refused(window(md(8, 1), md(8, 31)), at, "应在核销期间结束");
    // Read as the next one, a window more than half a year on was meant before the end:
    // 2 March 2021 is 183 days after 31 August 2020, 3 March 184.
    accepted(window(md(3, 2), md(3, 31)));
    refused(window(md(3, 3), md(3, 31)), at, "应在核销期间结束");
}
