use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 恰有一位成员标为团组带头人。No members at all is `required`'s finding, not this one.
/// Example: nobody marked → `members`; two marked → one finding at `members` naming both.
pub static ONE_LEADER: Rule = Rule {
    id: "one-leader",
    severity: Severity::Error,
    title: "恰有一位成员是团组带头人",
    limit,
    check: Check::Application(check),
};

fn limit(_: &RuleSet) -> String {
    "每个团组（含个人申报）恰有一位带头人".into()
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    if app.members.is_empty() {
        return;
    }
    let clause = super::clause_for(cx, app, &ONE_LEADER);
    let leaders: Vec<String> =
        app.members.iter().enumerate().filter(|(_, m)| m.is_leader).map(|(i, m)| m.display_name(i)).collect();
    match leaders.len() {
        1 => {}
        0 => out.push(
            "members",
            format!(
                "未指定团组带头人：\
                 须有一位成员标为带头人（通知{clause}）"
            ),
        ),
        n => out.push(
            "members",
            format!(
                "标为团组带头人的有 {n} 位（{}），\
                 只能有一位（通知{clause}）",
                leaders.join("、")
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::ONE_LEADER as R;
    use crate::model::{Application, Category};
    use crate::rules::testing::*;

    fn leaders(mut a: Application, marks: &[bool]) -> Application {
        for (m, &l) in a.members.iter_mut().zip(marks) {
            m.is_leader = l;
        }
        a
    }

    #[test]
    fn exactly_one_leader() {
        for c in Category::ALL {
            let valid_cases = [leaders(valid(c), &[true, false]), leaders(valid(c), &[false, true])];
            for a in &valid_cases {
                assert_clean(&R, a);
            }
            assert_clean(&R, &valid(c).with_members(1));
            for marks in [[false, false], [true, true]] {
                assert_one(&R, &leaders(valid(c), &marks), "members");
            }
        }
    }

    #[test]
    fn messages() {
        let f = assert_one(&R, &leaders(youth(), &[true, true]), "members");
        assert_eq!(
            f.message,
            "标为团组带头人的有 2 位（张三、李二），\
             只能有一位（通知一(二)）"
        );
        let f = assert_one(&R, &leaders(youth(), &[false, false]), "members");
        assert_eq!(f.message, "未指定团组带头人：须有一位成员标为带头人（通知一(二)）");
    }

    #[test]
    fn no_members_is_left_to_required() {
        assert_clean(&R, &youth().with_members(0));
    }
}
