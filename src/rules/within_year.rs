use chrono::{Days, NaiveDate};

use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 须在 2020 年内执行完毕：出境、回国日期都在规则集的项目年度内；
/// 回国日期未填时按出境日期与培训天数推算；
/// 执行记录的实际出境、回国日期也在项目年度内。
/// Example: return 2020-12-31 ok; 2021-01-01 → `return_date`; exit 2019-12-31 → `exit_date`;
/// no return date, exit 2020-12-19 with 14 days → `duration_days`.
pub static WITHIN_YEAR: Rule = Rule {
    id: "within-year",
    severity: Severity::Error,
    title: "出境、回国日期都在项目年度内",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("{} 至 {}", rs.program_year.start, rs.program_year.end)
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let year = &cx.rule_set.program_year;
    let outside = |date: NaiveDate| date < year.start || date > year.end;
    let rest = || {
        format!(
            "不在项目年度内：\
             须在 {} 至 {} 期间执行完毕（通知{}）",
            year.start, year.end, year.clause
        )
    };
    let ex = app.execution.as_ref();
    let dates = [
        ("exit_date", "出境日期", app.exit_date),
        ("return_date", "回国日期", app.return_date),
        ("execution.actual_exit_date", "实际出境日期", ex.and_then(|e| e.actual_exit_date)),
        ("execution.actual_return_date", "实际回国日期", ex.and_then(|e| e.actual_return_date)),
    ];
    for (path, what, date) in dates {
        if let Some(date) = date.filter(|&d| outside(d)) {
            out.push(path, format!("{what} {date} {}", rest()));
        }
    }
    // No return date yet: the end the duration implies. Reported at `duration_days`, the
    // field that carries the end past the year (the exit has its own finding above); only
    // while the exit itself is inside, else that finding already says it.
    let (None, Some(exit), Some(days)) = (app.return_date, app.exit_date, app.duration_days) else { return };
    // No days is `duration`'s finding; past the last representable date is past the year.
    let Some(n) = days.checked_sub(1) else { return };
    let implied = format!("按出境日期 {exit} 和培训天数 {days} 天推算");
    match exit.checked_add_days(Days::new(u64::from(n))) {
        _ if outside(exit) => {}
        Some(end) if outside(end) => out.push(
            "duration_days",
            format!(
                "{implied}，\
                 回国日期为 {end}，{}",
                rest()
            ),
        ),
        Some(_) => {}
        None => out.push(
            "duration_days",
            format!(
                "{implied}，\
                 回国日期超出了可以计算的日期范围，{}",
                rest()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::WITHIN_YEAR as R;
    use crate::model::{Application, Category, Execution};
    use crate::rules::testing::*;

    /// `exit` with `days` and no return date typed yet.
    fn no_return(exit: &str, days: u32) -> Application {
        Application { return_date: None, ..youth().exits(exit).lasting(days) }
    }

    fn actual(exit: &str, ret: &str) -> Application {
        let execution =
            Execution { actual_exit_date: Some(d(exit)), actual_return_date: Some(d(ret)), ..Default::default() };
        Application { execution: Some(execution), ..youth() }
    }

    #[test]
    fn the_first_and_last_day_of_2020() {
        for c in Category::ALL {
            // 14 days: exit 2020-12-18 returns 2020-12-31; exit 2020-12-19 returns 2021-01-01.
            for exit in ["2020-01-01", "2020-12-18"] {
                assert_clean(&R, &valid(c).exits(exit));
            }
            assert_one(&R, &valid(c).exits("2020-12-19"), "return_date");
            assert_one(&R, &valid(c).exits("2019-12-31"), "exit_date");
        }
    }

    #[test]
    fn both_dates_outside_are_two_findings() {
        let found = run(&R, &youth().exits("2019-06-01"));
        assert_eq!(places(&found), [(Some("app-youth"), "exit_date"), (Some("app-youth"), "return_date")]);
    }

    #[test]
    fn a_blank_return_date_is_computed_from_the_duration() {
        assert_clean(&R, &no_return("2020-12-18", 14));
        assert_clean(&R, &no_return("2020-06-01", 14));
        assert_one(&R, &no_return("2020-12-19", 14), "duration_days");
        assert_one(&R, &no_return("2020-12-20", 14), "duration_days");
        // The exit outside says it all; the computed end is inside anyway.
        assert_one(&R, &no_return("2019-12-31", 14), "exit_date");
        assert_one(&R, &no_return("2021-01-05", 14), "exit_date");
        let mut no_days = no_return("2020-12-20", 14);
        no_days.duration_days = None;
        assert_clean(&R, &no_days);
    }

    #[test]
    fn a_duration_past_the_last_date_there_is_still_ends_outside_the_year() {
        // chrono's last date is in the year 262142: u32::MAX days from 2020 is past it.
        for days in [u32::MAX, 100_000_000] {
            let f = assert_one(&R, &no_return("2020-06-01", days), "duration_days");
            assert!(
                f.message.contains(
                    "回国日期超出了可以计算的日期范围，\
                     不在项目年度内"
                ),
                "{}",
                f.message
            );
        }
        // The longest that can still be computed says its date.
        let f = assert_one(&R, &no_return("2020-06-01", 10_000_000), "duration_days");
        assert!(f.message.contains("回国日期为 +"), "{}", f.message);
        assert_clean(&R, &no_return("2020-06-01", 1));
    }

    #[test]
    fn the_actual_dates_of_the_execution_record() {
        assert_clean(&R, &actual("2020-01-01", "2020-12-31"));
        assert_one(&R, &actual("2019-12-31", "2020-01-13"), "execution.actual_exit_date");
        assert_one(&R, &actual("2020-12-19", "2021-01-01"), "execution.actual_return_date");
    }

    #[test]
    fn message() {
        let f = assert_one(&R, &youth().exits("2020-12-19"), "return_date");
        assert_eq!(
            f.message,
            "回国日期 2021-01-01 不在项目年度内：\
             须在 2020-01-01 至 2020-12-31 期间执行完毕（通知一(四) 培训组织）"
        );
        let f = assert_one(&R, &no_return("2020-12-20", 14), "duration_days");
        assert_eq!(
            f.message,
            "按出境日期 2020-12-20 和培训天数 14 天推算，\
             回国日期为 2021-01-02，不在项目年度内：\
             须在 2020-01-01 至 2020-12-31 期间执行完毕（通知一(四) 培训组织）"
        );
        let f = assert_one(&R, &actual("2020-12-19", "2021-01-01"), "execution.actual_return_date");
        assert!(f.message.starts_with("实际回国日期 2021-01-01 不在项目年度内"), "{}", f.message);
    }
}
