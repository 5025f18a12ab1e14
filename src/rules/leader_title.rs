use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 团组带头人的职称级别：领军须正高级；青年、关键技术须高级（正高级或副高级）。
/// Skipped without a category, without exactly one leader (`one-leader`) or without the
/// leader's title level (`required`).
/// Example: youth, leader 副高级 ok, 中级 → `members[0].title_level`.
pub static LEADER_TITLE: Rule = Rule {
    id: "leader-title",
    severity: Severity::Error,
    title: "团组带头人具有本类别要求的专业技术职务",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    rs.categories
        .values()
        .map(|c| {
            let levels: Vec<_> = c.leader_levels.iter().map(|l| l.label()).collect();
            format!("{}：{}", c.label, levels.join("或"))
        })
        .collect::<Vec<_>>()
        .join("；")
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let Some(category) = app.category else { return };
    let Some((i, leader)) = app.leader() else { return };
    let Some(level) = leader.title_level else { return };
    let rules = cx.rule_set.category(category);
    if !rules.leader_levels.contains(&level) {
        out.push(
            member_path(i, "title_level"),
            format!(
                "团组带头人 {} 的职称级别为{}，{}项目要求{}（通知{}）",
                leader.display_name(i),
                level.label(),
                rules.label,
                rules.leader_requirement,
                rules.clause
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::LEADER_TITLE as R;
    use crate::model::{Category, TitleLevel};
    use crate::rules::testing::*;

    #[test]
    fn leader_levels_per_category() {
        use TitleLevel::*;
        for (c, ok, not_ok) in [
            (Category::Lead, vec![SeniorFull], vec![SeniorAssociate, Intermediate, Junior, None]),
            (Category::Youth, vec![SeniorFull, SeniorAssociate], vec![Intermediate, Junior, None]),
            (Category::Keytech, vec![SeniorFull, SeniorAssociate], vec![Intermediate, Junior, None]),
        ] {
            for level in ok {
                assert_clean(&R, &valid(c).level(0, level));
            }
            for level in not_ok {
                assert_one(&R, &valid(c).level(0, level), "members[0].title_level");
            }
        }
    }

    #[test]
    fn only_the_leader_counts() {
        // Member 1 (中级, not the leader) is fine; made the leader, it is not.
        assert_clean(&R, &youth());
        let mut a = youth();
        a.members[0].is_leader = false;
        a.members[1].is_leader = true;
        let f = assert_one(&R, &a, "members[1].title_level");
        assert_eq!(
            f.message,
            "团组带头人 李二 的职称级别为中级，\
             优秀青年人才培养项目要求团组带头人具有高级专业技术职务（通知一(二)）"
        );
    }

    #[test]
    fn skipped_when_another_rule_reports() {
        let mut no_level = youth().level(0, TitleLevel::Junior);
        no_level.members[0].title_level = Option::None;
        let mut two_leaders = youth().level(0, TitleLevel::Junior);
        two_leaders.members[1].is_leader = true;
        let mut no_category = youth().level(0, TitleLevel::Junior);
        no_category.category = Option::None;
        for a in [no_level, two_leaders, no_category] {
            assert_clean(&R, &a);
        }
    }
}
