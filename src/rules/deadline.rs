use super::{Check, Cx, Report, Rule, Severity};
use crate::model::ExecutionStatus;
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// 请严格遵守申报时间要求，逾期提交将不予受理：after the rule-set's submission deadline, a
/// workspace that still holds applications not yet decided (no execution record, or status
/// 待审批) gets one warning.
/// Example: deadline 2020-01-31: today 2020-01-31 nothing; 2020-02-01 → path "".
pub static DEADLINE: Rule = Rule {
    id: "deadline",
    severity: Severity::Warning,
    title: "在申报截止日期前报送",
    limit,
    check: Check::Workspace(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("{} 前（含当日）报送", rs.submission_deadline)
}

fn check(cx: &Cx, ws: &Workspace, out: &mut Report) {
    let deadline = cx.rule_set.submission_deadline;
    if cx.today <= deadline {
        return;
    }
    let pending = ws
        .applications
        .iter()
        .filter(|a| a.execution.as_ref().is_none_or(|e| e.status == ExecutionStatus::Pending))
        .count();
    if pending > 0 {
        out.push(
            "",
            format!(
                "今天（{}）已过申报截止日期 {deadline}，\
                 尚有 {pending} 份申请处于申报阶段：逾期提交将不予受理（通知{}）",
                cx.today,
                cx.rule_set.clause(DEADLINE.id)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::DEADLINE as R;
    use crate::model::{Application, Execution, ExecutionStatus};
    use crate::rules::testing::*;

    fn with_status(status: Option<ExecutionStatus>) -> Application {
        Application { execution: status.map(|status| Execution { status, ..Default::default() }), ..youth() }
    }

    #[test]
    fn the_day_after_the_deadline() {
        let pending = [None, Some(ExecutionStatus::Pending)];
        for status in pending {
            for today in ["2020-01-10", "2020-01-31"] {
                assert!(run_on(&R, &with_status(status), today).is_empty(), "{today}");
            }
            for today in ["2020-02-01", "2020-12-31"] {
                let found = run_on(&R, &with_status(status), today);
                assert_eq!(places(&found), [(None, "")], "{today}");
                assert_eq!(found[0].severity, R.severity);
            }
        }
    }

    #[test]
    fn decided_applications_and_empty_workspaces_are_quiet() {
        use ExecutionStatus::*;
        for status in [Approved, Rejected, Done, Cancelled] {
            assert!(run_on(&R, &with_status(Some(status)), "2020-02-01").is_empty(), "{status:?}");
        }
        let ws = workspace(vec![]);
        assert!(run_ws(&R, &cx_on(&ws, "2020-02-01"), &ws).is_empty());
    }

    #[test]
    fn message() {
        let found = run_on(&R, &youth(), "2020-02-01");
        assert_eq!(
            found[0].message,
            "今天（2020-02-01）已过申报截止日期 2020-01-31，\
             尚有 1 份申请处于申报阶段：逾期提交将不予受理（通知二(八)）"
        );
    }
}
