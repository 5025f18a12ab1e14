use super::{Check, Cx, Report, Rule, Severity};
use crate::execution::{SummaryDeadline, summary_deadline};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 培训结束回国 15 个工作日内，须向院提交培训总结：once the actual return date is recorded
/// and no summary is, warn from the day after the due date on; a summary recorded as handed
/// in after its due date stays a warning on the record; a cancelled trip owes none.
/// The return day is not counted; the rule-set's calendar and the unit's closure days are
/// (`Calendar`).
/// Example: return 2020-09-25, due 2020-10-22: today 10-22 nothing; 10-23 →
/// `execution.summary_submitted`.
pub static SUMMARY_DUE: Rule = Rule {
    id: "summary-due",
    severity: Severity::Warning,
    title: "回国后按期提交培训总结",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("回国后 {} 个工作日内（回国当日不计）", rs.summary_due_working_days)
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    // The same function gives the deadline list its due dates (execution::deadlines).
    let Some(SummaryDeadline { returned, due, submitted, unknown_years }) =
        summary_deadline(&cx.calendar, cx.rule_set, app)
    else {
        return;
    };
    // Handed in late is said on the record for good; missing, from the day after the due date.
    let (late, what) = match submitted {
        Some(on) if on > due => ((on - due).num_days(), format!("，{on} 才提交，逾期")),
        Some(_) => return,
        None if cx.today > due => ((cx.today - due).num_days(), "，已逾期".to_string()),
        None => return,
    };
    let note = crate::calendar::unknown_years_note(&unknown_years).map(|n| format!("；{n}")).unwrap_or_default();
    out.push(
        "execution.summary_submitted",
        format!(
            "{returned} 回国，\
             培训总结应于 {} 个工作日内（{due} 前）提交{what} {late} 天（通知{}）{note}",
            cx.rule_set.summary_due_working_days,
            cx.rule_set.clause(SUMMARY_DUE.id)
        ),
    );
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
    fn a_summary_handed_in_late_is_a_finding_for_good() {
        // Due 2020-10-22; asked long after, when the record is all that is left.
        for on in ["2020-09-28", "2020-10-22"] {
            assert!(run_on(&R, &returned(Some("2020-09-25"), Some(on)), "2021-06-01").is_empty(), "{on}");
        }
        for (on, late) in [("2020-10-23", 1), ("2020-11-02", 11)] {
            let found = run_on(&R, &returned(Some("2020-09-25"), Some(on)), "2021-06-01");
            assert_eq!(places(&found), [(Some("app-youth"), "execution.summary_submitted")], "{on}");
            assert_eq!(
                found[0].message,
                format!(
                    "2020-09-25 回国，培训总结应于 15 个工作日内（2020-10-22 前）提交，\
                     {on} 才提交，逾期 {late} 天（通知二(五)）"
                )
            );
        }
    }

    #[test]
    fn across_the_year_ends_on_both_years_holidays() {
        // 2020-12-18 → 2021-01-11 (元旦 2021 off); 2025-12-12 → 2026-01-05 (1/4 a make-up day).
        for (back, due, after) in
            [("2020-12-18", "2021-01-11", "2021-01-12"), ("2025-12-12", "2026-01-05", "2026-01-06")]
        {
            let a = returned(Some(back), None);
            assert!(run_on(&R, &a, due).is_empty(), "{back}: due {due}");
            let found = run_on(&R, &a, after);
            assert!(found[0].message.contains(&format!("（{due} 前）")), "{}", found[0].message);
        }
    }

    #[test]
    fn a_count_into_an_unknown_year_says_so() {
        // Return 2026-12-18: 2027 has no calendar, so 2027-01-01 counts as a working day.
        let a = returned(Some("2026-12-18"), None);
        let found = run_on(&R, &a, "2027-02-01");
        let message = &found[0].message;
        assert!(message.ends_with("；2027 年的节假日安排未知，按周末计算"), "{message}");
        let known = run_on(&R, &returned(Some("2026-11-02"), None), "2027-02-01");
        assert!(!known[0].message.contains("未知"), "{}", known[0].message);
    }

    #[test]
    fn nothing_to_track_without_a_return_or_with_a_summary_on_time() {
        let mut cancelled = returned(Some("2020-09-25"), None);
        cancelled.execution.as_mut().unwrap().status = ExecutionStatus::Cancelled;
        let cases = [returned(None, None), returned(Some("2020-09-25"), Some("2020-10-20")), youth(), cancelled];
        for a in &cases {
            assert!(run_on(&R, a, "2020-12-31").is_empty());
        }
    }

    #[test]
    fn message() {
        let found = run_on(&R, &returned(Some("2020-09-25"), None), "2020-10-23");
        assert_eq!(
            found[0].message,
            "2020-09-25 回国，\
             培训总结应于 15 个工作日内（2020-10-22 前）提交，已逾期 1 天（通知二(五)）"
        );
    }
}
