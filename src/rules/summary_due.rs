use super::{Check, Cx, Report, Rule, Severity};
use crate::execution::{SummaryDeadline, summary_deadline};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 培训结束回国 15 个工作日内，须向院提交培训总结：once the actual return date is recorded
/// and no summary is, warn from the day after the due date on; a cancelled trip owes none.
/// The return day is not counted; the rule-set's calendar and the unit's closure days are
/// (`Calendar`).
/// Example: return 2020-09-25, due 2020-10-22: today 10-22 nothing; 10-23 →
/// `execution.summary_submitted`.
pub static SUMMARY_DUE: Rule = Rule {
    id: "summary-due",
    severity: Severity::Warning,
    clause: "二(五)",
    title: "回国后按期提交培训总结",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("回国后 {} 个工作日内（回国当日不计）", rs.summary_due_working_days)
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    // The same function gives the deadline list its due dates (execution::deadlines).
    let Some(SummaryDeadline { returned, due, submitted: None }) = summary_deadline(&cx.calendar, cx.rule_set, app)
    else {
        return;
    };
    if cx.today > due {
        let late = (cx.today - due).num_days();
        out.push(
            "execution.summary_submitted",
            format!(
                "{returned} 回国，培训总结应于 {} 个工作日内（{due} 前）提交，已逾期 {late} 天（通知{}）",
                cx.rule_set.summary_due_working_days, SUMMARY_DUE.clause
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::SUMMARY_DUE as R;
    use crate::model::{Application, Execution, ExecutionStatus};
    use crate::rules::testing::*;

    fn returned(on: Option<&str>, summary: Option<&str>) -> Application {
        let execution =
            Execution { actual_return_date: on.map(d), summary_submitted: summary.map(d), ..Default::default() };
        Application { execution: Some(execution), ..youth() }
    }

    #[test]
    fn fifteen_working_days_after_return() {
        // Return 2020-09-25: due 2020-10-22 across the National Day break (calendar tests).
        let a = returned(Some("2020-09-25"), None);
        for today in ["2020-09-25", "2020-10-09", "2020-10-22"] {
            assert!(run_on(&R, &a, today).is_empty(), "{today}");
        }
        for (today, late) in [("2020-10-23", 1), ("2020-11-01", 10)] {
            let found = run_on(&R, &a, today);
            assert_eq!(places(&found), [(Some("app-youth"), "execution.summary_submitted")], "{today}");
            assert!(found[0].message.contains(&format!("已逾期 {late} 天")), "{}", found[0].message);
        }
    }

    #[test]
    fn nothing_to_track_without_a_return_or_with_a_summary() {
        let mut cancelled = returned(Some("2020-09-25"), None);
        cancelled.execution.as_mut().unwrap().status = ExecutionStatus::Cancelled;
        let cases = [returned(None, None), returned(Some("2020-09-25"), Some("2020-12-01")), youth(), cancelled];
        for a in &cases {
            assert!(run_on(&R, a, "2020-12-31").is_empty());
        }
    }

    #[test]
    fn message() {
        let found = run_on(&R, &returned(Some("2020-09-25"), None), "2020-10-23");
        assert_eq!(
            found[0].message,
            "2020-09-25 回国，培训总结应于 15 个工作日内（2020-10-22 前）提交，已逾期 1 天（通知二(五)）"
        );
    }
}
