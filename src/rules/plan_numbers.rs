use super::{Check, Cx, Report, Rule, Severity};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// 各类项目计划名额：persons (members) and groups applied for, per plan, against the
/// rule-set's plan numbers. An application with any special topic counts in the key-fields
/// plan only (一(四): 不受其他三类名额限制); one without a category and topic counts nowhere.
/// Only numbers of the list are topics (`RuleSet::counts_in_key_fields`): an application
/// whose topics are all outside it counts in its category, as if it had none.
/// Applications rejected or cancelled (`Application::in_the_running`) hold no place.
/// One info finding per plan that has any application, over the plan or not.
/// Example: 3 youth groups of 2 →
/// 「优秀青年人才培养：已申报 6 人（3 个团组），院计划 60 人（通知一(二)）」.
pub static PLAN_NUMBERS: Rule = Rule {
    id: "plan-numbers",
    severity: Severity::Info,
    title: "各类项目申报人数与院计划名额",
    limit,
    check: Check::Workspace(check),
};

fn limit(rs: &RuleSet) -> String {
    let mut plans: Vec<_> = rs.categories.values().map(|c| format!("{} {} 人", c.label, c.plan_persons)).collect();
    plans.push(format!("{} {} 人", rs.key_fields.label, rs.key_fields.plan_persons));
    plans.join("；")
}

/// One plan's numbers and what has been applied for under it.
struct Tally<'a> {
    label: &'a str,
    clause: &'a str,
    plan: u32,
    persons: u32,
    groups: u32,
}

impl<'a> Tally<'a> {
    fn new(label: &'a str, clause: &'a str, plan: u32) -> Tally<'a> {
        Tally { label, clause, plan, persons: 0, groups: 0 }
    }
}

fn check(cx: &Cx, ws: &Workspace, out: &mut Report) {
    let rs = cx.rule_set;
    // The categories in the rule-set's order, then key fields.
    let mut plans: Vec<Tally> =
        rs.categories.values().map(|c| Tally::new(&c.label, &c.clause, c.plan_persons)).collect();
    plans.push(Tally::new(&rs.key_fields.label, &rs.key_fields.clause, rs.key_fields.plan_persons));
    let key_fields = plans.len() - 1;
    for app in ws.applications.iter().filter(|a| a.in_the_running()) {
        let slot = if rs.counts_in_key_fields(&app.special_topics) {
            key_fields
        } else if let Some(c) = app.category {
            rs.categories.keys().position(|k| *k == c).unwrap_or(key_fields)
        } else {
            continue;
        };
        plans[slot].persons += app.members.len() as u32;
        plans[slot].groups += 1;
    }
    for Tally { label, clause, plan, persons, groups } in plans {
        if groups == 0 {
            continue;
        }
        let over = match persons.saturating_sub(plan) {
            0 => String::new(),
            n => format!("，超出计划 {n} 人"),
        };
        out.push(
            "",
            format!(
                "{label}：已申报 {persons} 人（{groups} 个团组），\
                 院计划 {plan} 人{over}（通知{clause}）"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::PLAN_NUMBERS as R;
    use crate::model::{Application, Category};
    use crate::rules::testing::*;

    fn messages(apps: Vec<Application>) -> Vec<String> {
        let ws = workspace(apps);
        let found = run_ws(&R, &cx(&ws), &ws);
        assert!(found.iter().all(|f| f.application.is_none() && f.path.is_empty() && f.severity == R.severity));
        found.into_iter().map(|f| f.message).collect()
    }

    fn topics(mut a: Application, t: &[u8]) -> Application {
        a.special_topics = t.to_vec();
        a
    }

    #[test]
    fn persons_and_groups_per_plan() {
        let apps =
            vec![youth().with_members(2), youth().with_members(4), youth(), valid(Category::Lead).with_members(1)];
        assert_eq!(
            messages(apps),
            [
                "领军人才研修：已申报 1 人（1 个团组），院计划 30 人（通知一(一)）",
                "优秀青年人才培养：已申报 8 人（3 个团组），院计划 60 人（通知一(二)）",
            ]
        );
        assert!(messages(vec![]).is_empty());
    }

    #[test]
    fn special_topics_count_in_key_fields_only() {
        let apps = vec![topics(youth().with_members(3), &[1]), topics(valid(Category::Keytech), &[2, 12]), youth()];
        assert_eq!(
            messages(apps),
            [
                "优秀青年人才培养：已申报 2 人（1 个团组），院计划 60 人（通知一(二)）",
                "重点领域专项计划：已申报 5 人（2 个团组），院计划 50 人（通知一(四)）",
            ]
        );
    }

    #[test]
    fn at_and_over_the_plan() {
        // Lead plan 30: five groups of 6 is 30, a sixth group of 1 is 31.
        let at: Vec<_> = (0..5).map(|_| valid(Category::Lead).with_members(6)).collect();
        assert_eq!(
            messages(at.clone()),
            ["领军人才研修：已申报 30 人（5 个团组），\
              院计划 30 人（通知一(一)）"]
        );
        let mut over = at;
        over.push(valid(Category::Lead).with_members(1));
        assert_eq!(
            messages(over),
            ["领军人才研修：\
              已申报 31 人（6 个团组），院计划 30 人，超出计划 1 人（通知一(一)）"]
        );
    }

    #[test]
    fn topics_outside_the_list_do_not_count_in_key_fields() {
        let key = "重点领域专项计划：已申报 2 人（1 个团组），院计划 50 人（通知一(四)）";
        let youth_2 = "优秀青年人才培养：已申报 2 人（1 个团组），\
                       院计划 60 人（通知一(二)）";
        assert_eq!(messages(vec![topics(youth(), &[12])]), [key]);
        assert_eq!(messages(vec![topics(youth(), &[13])]), [youth_2]);
        assert_eq!(messages(vec![topics(youth(), &[0])]), [youth_2]);
        assert_eq!(messages(vec![topics(youth(), &[13, 12])]), [key]);
    }

    #[test]
    fn rejected_and_cancelled_hold_no_place() {
        use crate::model::{Execution, ExecutionStatus::*};
        let with = |status| {
            let execution = Some(Execution { status, ..Default::default() });
            vec![Application { execution, ..youth().with_members(4) }, youth()]
        };
        let all = "优秀青年人才培养：已申报 6 人（2 个团组），院计划 60 人（通知一(二)）";
        for status in [Pending, Approved, Done] {
            assert_eq!(messages(with(status)), [all], "{status:?}");
        }
        for status in [Rejected, Cancelled] {
            assert_eq!(
                messages(with(status)),
                ["优秀青年人才培养：已申报 2 人（1 个团组），院计划 60 人（通知一(二)）"],
                "{status:?}"
            );
        }
    }

    #[test]
    fn without_category_or_topic_counts_nowhere() {
        let mut a = youth();
        a.category = None;
        assert!(messages(vec![a.clone()]).is_empty());
        assert_eq!(messages(vec![topics(a, &[3])]).len(), 1);
    }
}
