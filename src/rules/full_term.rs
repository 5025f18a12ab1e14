use super::{Check, Cx, Report, Rule, Severity};
use crate::calendar::days_inclusive;
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 保证按期、全时执行：the recorded actual exit and return dates span (both days counted) at
/// least the approved `duration_days`. Staying longer is not this rule's concern.
/// Example: 14 days, actual 2020-06-01 – 2020-06-14 ok; – 2020-06-13 →
/// `execution.actual_return_date`.
pub static FULL_TERM: Rule = Rule {
    id: "full-term",
    severity: Severity::Warning,
    title: "实际培训天数不少于批准的培训天数",
    limit,
    check: Check::Application(check),
};

fn limit(_: &RuleSet) -> String {
    "实际回国日期 − 实际出境日期 + 1 ≥ 培训天数".into()
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let Some(ex) = &app.execution else { return };
    let (Some(exit), Some(ret), Some(days)) = (ex.actual_exit_date, ex.actual_return_date, app.duration_days) else {
        return;
    };
    let span = days_inclusive(exit, ret);
    if span < i64::from(days) {
        out.push(
            "execution.actual_return_date",
            format!(
                "实际出境 {exit} 至回国 {ret} 共 {span} 天，少于培训天数 {days} 天（通知{}）",
                cx.rule_set.clause(FULL_TERM.id)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::FULL_TERM as R;
    use crate::model::{Application, Execution};
    use crate::rules::testing::*;

    /// valid(): 14 days. Actual dates as given.
    fn actual(exit: Option<&str>, ret: Option<&str>) -> Application {
        let execution =
            Execution { actual_exit_date: exit.map(d), actual_return_date: ret.map(d), ..Default::default() };
        Application { execution: Some(execution), ..youth() }
    }

    #[test]
    fn at_least_the_approved_days() {
        let valid = [
            actual(Some("2020-06-01"), Some("2020-06-14")),
            actual(Some("2020-06-03"), Some("2020-06-16")),
            actual(Some("2020-06-01"), Some("2020-06-20")),
        ];
        for a in &valid {
            assert_clean(&R, a);
        }
        for ret in ["2020-06-13", "2020-06-01", "2020-05-30"] {
            assert_one(&R, &actual(Some("2020-06-01"), Some(ret)), "execution.actual_return_date");
        }
    }

    #[test]
    fn skipped_until_both_dates_and_the_duration_are_known() {
        let mut no_duration = actual(Some("2020-06-01"), Some("2020-06-02"));
        no_duration.duration_days = None;
        let cases = [actual(Some("2020-06-01"), None), actual(None, Some("2020-06-02")), no_duration, youth()];
        for a in &cases {
            assert_clean(&R, a);
        }
    }

    #[test]
    fn message() {
        let f = assert_one(&R, &actual(Some("2020-06-01"), Some("2020-06-13")), "execution.actual_return_date");
        assert_eq!(
            f.message,
            "实际出境 2020-06-01 至回国 2020-06-13 共 13 天，\
             少于培训天数 14 天（通知二(五) 按期、全时执行）"
        );
    }
}
