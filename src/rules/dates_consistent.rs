use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 出入境日期与培训天数一致：回国日期 − 出境日期 + 1 = 培训天数
///（首尾两天均计入）。
/// A return before the exit is an error of its own. Skipped while a date is missing.
/// Example: 14 days from 2020-06-01: return 2020-06-14 ok, 2020-06-15 → `return_date`.
pub static DATES_CONSISTENT: Rule = Rule {
    id: "dates-consistent",
    severity: Severity::Error,
    title: "出入境日期与培训天数一致（首尾两天均计入）",
    limit,
    check: Check::Application(check),
};

fn limit(_: &RuleSet) -> String {
    "回国日期 − 出境日期 + 1 = 培训天数".into()
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let (Some(exit), Some(ret)) = (app.exit_date, app.return_date) else { return };
    let clause = &cx.rule_set.durations.clause;
    if ret < exit {
        out.push("return_date", format!("回国日期 {ret} 早于出境日期 {exit}（通知{clause}）"));
        return;
    }
    let (Some(days), Some(span)) = (app.duration_days, app.span_days()) else { return };
    if span != i64::from(days) {
        out.push(
            "return_date",
            format!(
                "出境 {exit} 至回国 {ret} 共 {span} 天（首尾两天均计入），\
                 与培训天数 {days} 天不符（通知{clause}）"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::DATES_CONSISTENT as R;
    use crate::model::{Application, Category};
    use crate::rules::testing::*;

    fn returning(mut a: Application, date: &str) -> Application {
        a.return_date = Some(d(date));
        a
    }

    #[test]
    fn both_days_count() {
        for c in Category::ALL {
            // valid(): 14 days from 2020-06-01.
            let valid_cases = [returning(valid(c), "2020-06-14"), valid(c).lasting(90), valid(c).lasting(1)];
            for a in &valid_cases {
                assert_clean(&R, a);
            }
            for date in ["2020-06-13", "2020-06-15", "2020-05-31"] {
                assert_one(&R, &returning(valid(c), date), "return_date");
            }
        }
    }

    #[test]
    fn messages() {
        let f = assert_one(&R, &returning(youth(), "2020-06-15"), "return_date");
        assert_eq!(
            f.message,
            "出境 2020-06-01 至回国 2020-06-15 共 15 天（首尾两天均计入），\
             与培训天数 14 天不符（通知一(四) 培训时长）"
        );
        let f = assert_one(&R, &returning(youth(), "2020-05-31"), "return_date");
        assert_eq!(f.message, "回国日期 2020-05-31 早于出境日期 2020-06-01（通知一(四) 培训时长）");
    }

    #[test]
    fn return_before_exit_is_an_error_even_without_a_duration() {
        let mut a = returning(youth(), "2020-05-31");
        a.duration_days = None;
        assert_one(&R, &a, "return_date");
        a.return_date = None;
        assert_clean(&R, &a);
    }

    #[test]
    fn skipped_while_something_is_missing() {
        let mut no_duration = returning(youth(), "2020-06-20");
        no_duration.duration_days = None;
        let mut no_exit = returning(youth(), "2020-06-20");
        no_exit.exit_date = None;
        let mut no_return = returning(youth(), "2020-06-20");
        no_return.return_date = None;
        for a in [no_duration, no_exit, no_return] {
            assert_clean(&R, &a);
        }
    }
}
